using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Dashboards;

/// <summary>
/// How every change is applied: an intent run on the freshly read tab, saved under its version, run again if another
/// browser tab wrote in between.
/// </summary>
public sealed partial class LayoutService
{
    private static Result Move(List<WidgetPlacement> grid, WidgetPlacement placement, int x, int y)
    {
        if (placement.Locked)
            return Result.Forbidden(DashboardMessages.LockedCannotMove);
        return GridLayout.TryMove(grid, placement, x, y)
            ? Result.Ok()
            : Result.Conflict(DashboardMessages.LockedInTheWay);
    }

    private static Refusal? ValidateTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? Result.Invalid([DashboardMessages.TabTitleRequired])
        : title.Trim().Length > TabTitleMax ? Result.Invalid([DashboardMessages.FormatTabTitleTooLong(TabTitleMax)])
        : null;

    /// <summary>Whether the person sees this widget here: known, open to their profile, its service on.</summary>
    private bool IsShown(string widgetKey, Scope scope) =>
        rules.Find(widgetKey) is { } rule && rule.IsAllowed(scope.Profiles, scope.Services);

    /// <summary>The widgets standing on the tab's grid: shown and not in the tray.</summary>
    private List<WidgetPlacement> OnGrid(DashboardTab tab, Scope scope) =>
        [.. tab.Placements.Where(p => !p.Stowed && IsShown(p.WidgetKey, scope))];

    /// <summary>A change of a widget on the grid (moving, resizing): one in the tray must be put back first.</summary>
    private Task<Result<TabView>> EditOnGridAsync(
        CurrentUser user,
        int placementId,
        Func<List<WidgetPlacement>, WidgetPlacement, Result> change,
        CancellationToken ct
    ) =>
        EditPlacementAsync(
            user,
            placementId,
            (_, placement, grid) =>
                placement.Stowed ? Result.Invalid([DashboardMessages.StowedFirst]) : change(grid, placement),
            ct
        );

    private Task<Result<TabView>> EditPlacementAsync(
        CurrentUser user,
        int placementId,
        Func<DashboardTab, WidgetPlacement, List<WidgetPlacement>, Result> change,
        CancellationToken ct
    ) =>
        EditAsync(
            user,
            db => db.WidgetPlacements.Where(p => p.Id == placementId).Select(p => p.TabId),
            (tab, scope) =>
                tab.Placements.FirstOrDefault(p => p.Id == placementId) is { } placement
                && IsShown(placement.WidgetKey, scope)
                    ? change(tab, placement, OnGrid(tab, scope))
                    : Result.NotFound(DashboardMessages.PlacementGone),
            ct
        );

    private Task<Result<TabView>> EditTabAsync(
        CurrentUser user,
        int tabId,
        Func<DashboardTab, Scope, Result> change,
        CancellationToken ct
    ) => EditAsync(user, _ => null, change, ct, tabId);

    private async Task<Result<TabView>> EditAsync(
        CurrentUser user,
        Func<EnoeDbContext, IQueryable<int>?> findTab,
        Func<DashboardTab, Scope, Result> change,
        CancellationToken ct,
        int tabId = 0
    )
    {
        if (await access.RefusalAsync(user, EntService.Dashboard, ct: ct) is { } refused)
            return refused;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var scope = await ScopeAsync(db, user, ct);
            if (!scope.Services.Runs(EntService.Dashboard))
                return Result.Forbidden(DashboardMessages.ServiceOff);
            // The person's lock (SQLite's write lock, a row lock on PostgreSQL) before the read: two browser
            // tabs' changes queue up instead of interleaving; the version check stays as the last guard.
            await using var transaction = await db.BeginTurnAsync<Person>(user.PersonId, ct);
            var id = findTab(db) is { } query ? await query.FirstOrDefaultAsync(ct) : tabId;
            // The tab must be this person's, in the établissement they work in now.
            var tab = await TabsQuery(db, user, scope).FirstOrDefaultAsync(t => t.Id == id, ct);
            if (tab is null)
                return Result.NotFound(DashboardMessages.TabGone);
            var result = change(tab, scope);
            if (!result.Succeeded)
                return result.Failure;
            tab.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return Result<TabView>.Ok(View(tab, scope));
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another browser tab saved first: apply the same intent to what it left.
            }
        }
        return Result.Conflict(DashboardMessages.ChangedElsewhere);
    }

    private static IQueryable<DashboardTab> TabsQuery(EnoeDbContext db, CurrentUser user, Scope scope) =>
        db
            .DashboardTabs.Include(t => t.Placements)
            .Where(t => t.PersonId == user.PersonId && t.SchoolId == scope.SchoolId)
            .OrderBy(t => t.Position);
}
