using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Dashboards;

/// <summary>Editing a default layout: adding, moving, resizing, removing and flagging its widgets.</summary>
public sealed partial class DefaultLayoutService
{
    public Task<Result<DefaultLayoutView>> AddAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        string widgetKey,
        CancellationToken ct = default
    ) =>
        EditAsync(
            user,
            schoolId,
            profile,
            (layout, services) =>
            {
                if (rules.Find(widgetKey) is not { } rule || !rule.IsAllowed(profile, services))
                    return Result.Forbidden(DashboardMessages.NotForThisProfile);
                var (x, y) = GridLayout.FirstFreeSpot(layout.Placements, rule.DefaultWidth, rule.DefaultHeight);
                layout.Placements.Add(
                    new DefaultPlacement
                    {
                        WidgetKey = rule.Key,
                        X = x,
                        Y = y,
                        Width = rule.DefaultWidth,
                        Height = rule.DefaultHeight,
                    }
                );
                return Result.Ok();
            },
            ct
        );

    public Task<Result<DefaultLayoutView>> MoveAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        int placementId,
        int x,
        int y,
        CancellationToken ct = default
    ) =>
        EditPlacementAsync(
            user,
            schoolId,
            profile,
            placementId,
            (layout, p) =>
            {
                GridLayout.TryMove(layout.Placements, p, x, y);
                return Result.Ok();
            },
            ct
        );

    /// <summary>The keyboard and button alternative to dragging.</summary>
    public Task<Result<DefaultLayoutView>> MoveByAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        int placementId,
        MoveDirection direction,
        CancellationToken ct = default
    ) =>
        EditPlacementAsync(
            user,
            schoolId,
            profile,
            placementId,
            (layout, p) =>
            {
                var (x, y) = GridLayout.Step(layout.Placements, p, direction);
                GridLayout.TryMove(layout.Placements, p, x, y);
                return Result.Ok();
            },
            ct
        );

    public Task<Result<DefaultLayoutView>> ResizeAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        int placementId,
        int width,
        int height,
        CancellationToken ct = default
    ) =>
        EditPlacementAsync(
            user,
            schoolId,
            profile,
            placementId,
            (layout, p) =>
            {
                var rule = rules.Find(p.WidgetKey);
                GridLayout.TryResize(
                    layout.Placements,
                    p,
                    Math.Clamp(width, rule?.MinWidth ?? 1, GridLayout.Columns),
                    Math.Clamp(height, rule?.MinHeight ?? 1, GridLayout.MaxHeight)
                );
                return Result.Ok();
            },
            ct
        );

    public Task<Result<DefaultLayoutView>> RemoveAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        int placementId,
        CancellationToken ct = default
    ) =>
        EditPlacementAsync(
            user,
            schoolId,
            profile,
            placementId,
            (layout, p) =>
            {
                layout.Placements.Remove(p);
                GridLayout.Compact(layout.Placements);
                return Result.Ok();
            },
            ct
        );

    /// <summary>
    /// Mandatory: people cannot remove it. Locked: they can neither move, resize nor remove it (locked implies
    /// mandatory).
    /// </summary>
    public Task<Result<DefaultLayoutView>> SetFlagsAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        int placementId,
        bool mandatory,
        bool locked,
        CancellationToken ct = default
    ) =>
        EditPlacementAsync(
            user,
            schoolId,
            profile,
            placementId,
            (_, p) =>
            {
                p.Locked = locked;
                p.Mandatory = mandatory || locked;
                return Result.Ok();
            },
            ct
        );

    private Task<Result<DefaultLayoutView>> EditPlacementAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        int placementId,
        Func<DefaultLayout, DefaultPlacement, Result> change,
        CancellationToken ct
    ) =>
        EditAsync(
            user,
            schoolId,
            profile,
            (layout, _) =>
                layout.Placements.FirstOrDefault(p => p.Id == placementId) is { } placement
                    ? change(layout, placement)
                    : Result.NotFound(DashboardMessages.DefaultPlacementGone),
            ct
        );

    private async Task<Result<DefaultLayoutView>> EditAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        Func<DefaultLayout, ServiceSet, Result> change,
        CancellationToken ct
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenyAsync(db, user, schoolId, profile, ct) is { } denied)
            return denied;
        // Under the layout's lock: two administrators' changes apply one after the other, neither is lost.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var id = await Stored(db, schoolId, profile).Select(l => l.Id).FirstOrDefaultAsync(ct);
        if (id == 0)
            return Result.Invalid([DashboardMessages.CustomizeFirst]);
        await db.LockAsync<DefaultLayout>(id, ct);
        var layout = await Stored(db, schoolId, profile).FirstOrDefaultAsync(ct);
        if (layout is null) // reverted while this change waited for the lock
            return Result.Invalid([DashboardMessages.CustomizeFirst]);
        var services = schoolId is null
            ? ServiceSet.All
            : new ServiceSet(
                await db.Set<ClosedService>()
                    .Where(c => c.SchoolId == schoolId)
                    .Select(c => c.ServiceKey)
                    .ToListAsync(ct)
            );
        var result = change(layout, services);
        if (!result.Succeeded)
            return result.Failure;
        layout.Version++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await ChangedAsync(schoolId);
        return Result<DefaultLayoutView>.Ok(View(layout, inherited: false));
    }
}
