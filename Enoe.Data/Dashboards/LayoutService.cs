using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Dashboards;

/// <summary>
/// A person's dashboard in their current établissement: its tabs and widget placements. Every change
/// is an intent ("move this widget there") applied to the freshly read tab and saved under the tab's
/// version; if another browser tab wrote in between, the intent is applied again to the new state,
/// so two tabs editing at once never corrupt the layout. Rights, locks and the catalogue's rules are
/// enforced here, whatever the page offers.
/// </summary>
/// <remarks>
/// The grid holds the widgets the person sees: not those in the "Rangés" tray, nor those of a
/// service switched off (they keep their place in the database and come back, compacted in, when it
/// is switched on again). So a hidden widget never leaves a hole.
/// </remarks>
public sealed partial class LayoutService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IWidgetRules rules,
    DefaultLayoutService defaults,
    ILogger<LayoutService> logger,
    ServiceAccess access
)
{
    public const int TabTitleMax = 40;
    public const int MaxTabs = 8;
    public const int MaxWidgetsPerTab = 24;
    private const int Attempts = 5;

    /// <summary>Who the person is where they work now, read from the database (not the cookie).</summary>
    internal sealed record Scope(int? SchoolId, Profile Profiles, ServiceSet Services);

    /// <summary>A placement the person's default imposes (mandatory or locked).</summary>
    [System.ComponentModel.ImmutableObject(true)]
    internal sealed record Imposed(string WidgetKey, int X, int Y, int Width, int Height, bool Mandatory, bool Locked);

    /// <summary>The person's tabs, created from their profile's default on first visit.</summary>
    public async Task<IReadOnlyList<TabView>> GetAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Dashboard, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (scope, imposed) = await ScopeWithImposedAsync(db, user, ct);
        if (!scope.Services.Runs(EntService.Dashboard))
            return [];
        var tabs = await TabsQuery(db, user, scope).AsNoTracking().ToListAsync(ct);
        if (tabs.Count > 0 && (!Honours(tabs, imposed) || tabs.Any(t => !GridLayout.IsCompact(OnGrid(t, scope)))))
            tabs = await RepairAsync(db, user, scope, imposed, ct);
        if (tabs.Count == 0)
        {
            // Under the person's lock: a second browser tab opening the dashboard at the same moment waits
            // here, then finds the tab the first one created.
            await using var transaction = await db.BeginTurnAsync<Person>(user.PersonId, ct);
            tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
            if (tabs.Count == 0)
                tabs = [await CreateFromDefaultAsync(db, user, scope, ct)];
            await transaction.CommitAsync(ct);
        }
        foreach (
            var unknown in tabs.SelectMany(t => t.Placements)
                .Where(p => rules.Find(p.WidgetKey) is null)
                .Select(p => p.WidgetKey)
                .Distinct()
        )
            logger.LogWarning(
                "Dashboard of person {PersonId} names unknown widget '{WidgetKey}': skipped",
                user.PersonId,
                unknown
            );
        return [.. tabs.Select(t => View(t, scope))];
    }

    public Task<Result<TabView>> AddWidgetAsync(
        CurrentUser user,
        int tabId,
        string widgetKey,
        CancellationToken ct = default
    ) =>
        EditTabAsync(
            user,
            tabId,
            (tab, scope) =>
            {
                if (rules.Find(widgetKey) is not { } rule || !rule.IsAllowed(scope.Profiles, scope.Services))
                    return Result.Forbidden(DashboardMessages.WidgetNotAvailable);
                if (tab.Placements.Count >= MaxWidgetsPerTab)
                    return Result.Invalid([DashboardMessages.FormatTooManyWidgets(MaxWidgetsPerTab)]);
                var (x, y) = GridLayout.FirstFreeSpot(OnGrid(tab, scope), rule.DefaultWidth, rule.DefaultHeight);
                tab.Placements.Add(
                    new WidgetPlacement
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

    /// <summary>Takes a widget off the page, or out of the tray; the others float up into its place.</summary>
    public Task<Result<TabView>> RemoveAsync(CurrentUser user, int placementId, CancellationToken ct = default) =>
        EditPlacementAsync(
            user,
            placementId,
            (tab, placement, grid) =>
            {
                if (placement.Locked || placement.Mandatory)
                    return Result.Forbidden(DashboardMessages.CannotRemoveImposed);
                tab.Placements.Remove(placement);
                grid.Remove(placement);
                GridLayout.Compact(grid);
                return Result.Ok();
            },
            ct
        );

    public Task<Result<TabView>> MoveAsync(
        CurrentUser user,
        int placementId,
        int x,
        int y,
        CancellationToken ct = default
    ) => EditOnGridAsync(user, placementId, (grid, placement) => Move(grid, placement, x, y), ct);

    /// <summary>The keyboard and button alternative to dragging.</summary>
    public Task<Result<TabView>> MoveByAsync(
        CurrentUser user,
        int placementId,
        MoveDirection direction,
        CancellationToken ct = default
    ) =>
        EditOnGridAsync(
            user,
            placementId,
            (grid, placement) =>
            {
                var (x, y) = GridLayout.Step(grid, placement, direction);
                return Move(grid, placement, x, y);
            },
            ct
        );

    /// <summary>From the corner handle or the menu: kept between the widget's minimum and the grid's bounds.</summary>
    public Task<Result<TabView>> ResizeAsync(
        CurrentUser user,
        int placementId,
        int width,
        int height,
        CancellationToken ct = default
    ) =>
        EditOnGridAsync(
            user,
            placementId,
            (grid, placement) =>
            {
                if (placement.Locked)
                    return Result.Forbidden(DashboardMessages.LockedCannotResize);
                var rule = rules.Find(placement.WidgetKey);
                return GridLayout.TryResize(
                    grid,
                    placement,
                    Math.Clamp(width, rule?.MinWidth ?? 1, GridLayout.Columns),
                    Math.Clamp(height, rule?.MinHeight ?? 1, GridLayout.MaxHeight)
                )
                    ? Result.Ok()
                    : Result.Conflict(DashboardMessages.LockedInTheWayResize);
            },
            ct
        );

    /// <summary>Puts a widget from the "Rangés" tray back on the grid, at the first free place.</summary>
    public Task<Result<TabView>> RestoreAsync(CurrentUser user, int placementId, CancellationToken ct = default) =>
        EditPlacementAsync(
            user,
            placementId,
            (_, placement, grid) =>
            {
                if (!placement.Stowed)
                    return Result.Invalid([DashboardMessages.NotStowed]);
                placement.Stowed = false;
                (placement.X, placement.Y) = GridLayout.FirstFreeSpot(grid, placement.Width, placement.Height);
                return Result.Ok();
            },
            ct
        );

    public Task<Result<TabView>> SaveSettingsAsync(
        CurrentUser user,
        int placementId,
        string? settingsJson,
        CancellationToken ct = default
    ) =>
        EditPlacementAsync(
            user,
            placementId,
            (_, placement, _) =>
            {
                var errors = rules.ValidateSettings(placement.WidgetKey, settingsJson);
                if (errors.Count > 0)
                    return Result.Invalid(errors);
                placement.SettingsJson = settingsJson;
                return Result.Ok();
            },
            ct
        );

    /// <summary>
    /// Widgets of services switched off, or no longer open to the person's profile, are hidden (and come back if
    /// switched on again).
    /// </summary>
    private TabView View(DashboardTab tab, Scope scope)
    {
        var shown = tab.Placements.Where(p => IsShown(p.WidgetKey, scope)).OrderBy(p => p.Y).ThenBy(p => p.X).ToList();
        return new(
            tab.Id,
            tab.Title,
            tab.Position,
            [.. shown.Where(p => !p.Stowed).Select(PlacementView.From)],
            [.. shown.Where(p => p.Stowed).Select(PlacementView.From)]
        );
    }
}
