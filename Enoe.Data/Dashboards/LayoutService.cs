using Enoe.Data.Common;
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
public sealed class LayoutService(IDbContextFactory<EnoeDbContext> dbFactory, IWidgetRules rules, DefaultLayoutService defaults, ILogger<LayoutService> logger)
{
    public const int TabTitleMax = 40;
    public const int MaxTabs = 8;
    public const int MaxWidgetsPerTab = 24;
    private const int Attempts = 5;

    /// <summary>Who the person is where they work now, read from the database (not the cookie).</summary>
    internal sealed record Scope(int? SchoolId, Profile Profiles, ServiceSet Services);

    /// <summary>A placement the person's default imposes (mandatory or locked).</summary>
    internal sealed record Imposed(string WidgetKey, int X, int Y, int Width, int Height, bool Mandatory, bool Locked);

    /// <summary>The person's tabs, created from their profile's default on first visit.</summary>
    public async Task<IReadOnlyList<TabView>> GetAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (scope, imposed) = await ScopeWithImposedAsync(db, user, ct);
        if (!scope.Services.Runs(EntService.Dashboard)) return [];
        var tabs = await TabsQuery(db, user, scope).AsNoTracking().ToListAsync(ct);
        if (tabs.Count > 0 && (!Honours(tabs, imposed) || tabs.Any(t => !GridLayout.IsCompact(OnGrid(t, scope)))))
            tabs = await RepairAsync(db, user, scope, imposed, ct);
        if (tabs.Count == 0)
        {
            // SQLite transactions take the write lock at once: a second browser tab opening the
            // dashboard at the same moment waits here, then finds the tab the first one created.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
            if (tabs.Count == 0) tabs = [await CreateFromDefaultAsync(db, user, scope, ct)];
            await transaction.CommitAsync(ct);
        }
        foreach (var unknown in tabs.SelectMany(t => t.Placements).Where(p => rules.Find(p.WidgetKey) is null).Select(p => p.WidgetKey).Distinct())
            logger.LogWarning("Dashboard of person {PersonId} names unknown widget '{WidgetKey}': skipped", user.PersonId, unknown);
        return [.. tabs.Select(t => View(t, scope))];
    }

    public Task<Result<TabView>> AddWidgetAsync(CurrentUser user, int tabId, string widgetKey, CancellationToken ct = default) =>
        EditTabAsync(user, tabId, (tab, scope) =>
        {
            if (rules.Find(widgetKey) is not { } rule || !rule.IsAllowed(scope.Profiles, scope.Services))
                return Result.Forbidden(DashboardMessages.WidgetNotAvailable);
            if (tab.Placements.Count >= MaxWidgetsPerTab)
                return Result.Invalid([DashboardMessages.FormatTooManyWidgets(MaxWidgetsPerTab)]);
            var (x, y) = GridLayout.FirstFreeSpot(OnGrid(tab, scope), rule.DefaultWidth, rule.DefaultHeight);
            tab.Placements.Add(new WidgetPlacement { WidgetKey = rule.Key, X = x, Y = y, Width = rule.DefaultWidth, Height = rule.DefaultHeight });
            return Result.Ok();
        }, ct);

    /// <summary>Takes a widget off the page, or out of the tray; the others float up into its place.</summary>
    public Task<Result<TabView>> RemoveAsync(CurrentUser user, int placementId, CancellationToken ct = default) =>
        EditPlacementAsync(user, placementId, (tab, placement, grid) =>
        {
            if (placement.Locked || placement.Mandatory) return Result.Forbidden(DashboardMessages.CannotRemoveImposed);
            tab.Placements.Remove(placement);
            grid.Remove(placement);
            GridLayout.Compact(grid);
            return Result.Ok();
        }, ct);

    public Task<Result<TabView>> MoveAsync(CurrentUser user, int placementId, int x, int y, CancellationToken ct = default) =>
        EditOnGridAsync(user, placementId, (grid, placement) => Move(grid, placement, x, y), ct);

    /// <summary>The keyboard and button alternative to dragging.</summary>
    public Task<Result<TabView>> MoveByAsync(CurrentUser user, int placementId, MoveDirection direction, CancellationToken ct = default) =>
        EditOnGridAsync(user, placementId, (grid, placement) =>
        {
            var (x, y) = GridLayout.Step(grid, placement, direction);
            return Move(grid, placement, x, y);
        }, ct);

    /// <summary>From the corner handle or the menu: kept between the widget's minimum and the grid's bounds.</summary>
    public Task<Result<TabView>> ResizeAsync(CurrentUser user, int placementId, int width, int height, CancellationToken ct = default) =>
        EditOnGridAsync(user, placementId, (grid, placement) =>
        {
            if (placement.Locked) return Result.Forbidden(DashboardMessages.LockedCannotResize);
            var rule = rules.Find(placement.WidgetKey);
            return GridLayout.TryResize(grid, placement,
                    Math.Clamp(width, rule?.MinWidth ?? 1, GridLayout.Columns), Math.Clamp(height, rule?.MinHeight ?? 1, GridLayout.MaxHeight))
                ? Result.Ok() : Result.Conflict(DashboardMessages.LockedInTheWayResize);
        }, ct);

    /// <summary>Puts a widget from the "Rangés" tray back on the grid, at the first free place.</summary>
    public Task<Result<TabView>> RestoreAsync(CurrentUser user, int placementId, CancellationToken ct = default) =>
        EditPlacementAsync(user, placementId, (_, placement, grid) =>
        {
            if (!placement.Stowed) return Result.Invalid([DashboardMessages.NotStowed]);
            placement.Stowed = false;
            (placement.X, placement.Y) = GridLayout.FirstFreeSpot(grid, placement.Width, placement.Height);
            return Result.Ok();
        }, ct);

    public Task<Result<TabView>> SaveSettingsAsync(CurrentUser user, int placementId, string? settingsJson, CancellationToken ct = default) =>
        EditPlacementAsync(user, placementId, (_, placement, _) =>
        {
            var errors = rules.ValidateSettings(placement.WidgetKey, settingsJson);
            if (errors.Count > 0) return Result.Invalid(errors);
            placement.SettingsJson = settingsJson;
            return Result.Ok();
        }, ct);

    public async Task<Result<TabView>> AddTabAsync(CurrentUser user, string title, CancellationToken ct = default)
    {
        if (ValidateTitle(title) is { } invalid) return invalid;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        if (!scope.Services.Runs(EntService.Dashboard)) return Result.Forbidden(DashboardMessages.ServiceOff);
        var positions = await TabsQuery(db, user, scope).Select(t => t.Position).ToListAsync(ct);
        if (positions.Count >= MaxTabs) return Result.Invalid([DashboardMessages.FormatTooManyTabs(MaxTabs)]);
        var tab = new DashboardTab { PersonId = user.PersonId, SchoolId = scope.SchoolId, Title = title.Trim(), Position = positions.DefaultIfEmpty(-1).Max() + 1 };
        db.Add(tab);
        await db.SaveChangesAsync(ct);
        return Result<TabView>.Ok(View(tab, scope));
    }

    public Task<Result<TabView>> RenameTabAsync(CurrentUser user, int tabId, string title, CancellationToken ct = default) =>
        ValidateTitle(title) is { } invalid
            ? Task.FromResult<Result<TabView>>(invalid)
            : EditTabAsync(user, tabId, (tab, _) => { tab.Title = title.Trim(); return Result.Ok(); }, ct);

    /// <summary>Moves a tab one place left (-1) or right (+1) among the person's tabs; returns them all.</summary>
    public async Task<Result<IReadOnlyList<TabView>>> MoveTabAsync(CurrentUser user, int tabId, int offset, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        var index = tabs.FindIndex(t => t.Id == tabId);
        if (index < 0) return Result.NotFound(DashboardMessages.TabNotFound);
        var other = index + Math.Sign(offset);
        if (other >= 0 && other < tabs.Count)
        {
            (tabs[index], tabs[other]) = (tabs[other], tabs[index]);
            for (var i = 0; i < tabs.Count; i++) { tabs[i].Position = i; tabs[i].Version++; }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return Result.Conflict(DashboardMessages.ChangedElsewhere); }
        }
        return Result<IReadOnlyList<TabView>>.Ok([.. tabs.Select(t => View(t, scope))]);
    }

    public async Task<Result> DeleteTabAsync(CurrentUser user, int tabId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        var tab = tabs.FirstOrDefault(t => t.Id == tabId);
        if (tab is null) return Result.NotFound(DashboardMessages.TabNotFound);
        if (tabs.Count == 1) return Result.Invalid([DashboardMessages.KeepOneTab]);
        if (tab.Placements.Any(p => p.Mandatory || p.Locked)) return Result.Forbidden(DashboardMessages.TabHasImposed);
        db.Remove(tab);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Back to the profile's default layout: the person's tabs here are replaced.</summary>
    public async Task<IReadOnlyList<TabView>> ResetAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await TabsQuery(db, user, scope).ExecuteDeleteAsync(ct);
        var tab = await CreateFromDefaultAsync(db, user, scope, ct);
        await transaction.CommitAsync(ct);
        return [View(tab, scope)];
    }

    private static Result Move(List<WidgetPlacement> grid, WidgetPlacement placement, int x, int y)
    {
        if (placement.Locked) return Result.Forbidden(DashboardMessages.LockedCannotMove);
        return GridLayout.TryMove(grid, placement, x, y) ? Result.Ok() : Result.Conflict(DashboardMessages.LockedInTheWay);
    }

    private static Refusal? ValidateTitle(string? title) => string.IsNullOrWhiteSpace(title)
        ? Result.Invalid([DashboardMessages.TabTitleRequired])
        : title.Trim().Length > TabTitleMax ? Result.Invalid([DashboardMessages.FormatTabTitleTooLong(TabTitleMax)]) : null;

    /// <summary>Whether the person sees this widget here: known, open to their profile, its service on.</summary>
    private bool IsShown(string widgetKey, Scope scope) => rules.Find(widgetKey) is { } rule && rule.IsAllowed(scope.Profiles, scope.Services);

    /// <summary>The widgets standing on the tab's grid: shown and not in the tray.</summary>
    private List<WidgetPlacement> OnGrid(DashboardTab tab, Scope scope) => [.. tab.Placements.Where(p => !p.Stowed && IsShown(p.WidgetKey, scope))];

    /// <summary>A change of a widget on the grid (moving, resizing): one in the tray must be put back first.</summary>
    private Task<Result<TabView>> EditOnGridAsync(CurrentUser user, int placementId,
        Func<List<WidgetPlacement>, WidgetPlacement, Result> change, CancellationToken ct) =>
        EditPlacementAsync(user, placementId, (_, placement, grid) =>
            placement.Stowed ? Result.Invalid([DashboardMessages.StowedFirst]) : change(grid, placement), ct);

    private Task<Result<TabView>> EditPlacementAsync(CurrentUser user, int placementId,
        Func<DashboardTab, WidgetPlacement, List<WidgetPlacement>, Result> change, CancellationToken ct) =>
        EditAsync(user, db => db.WidgetPlacements.Where(p => p.Id == placementId).Select(p => p.TabId),
            (tab, scope) => tab.Placements.FirstOrDefault(p => p.Id == placementId) is { } placement && IsShown(placement.WidgetKey, scope)
                ? change(tab, placement, OnGrid(tab, scope)) : Result.NotFound(DashboardMessages.PlacementGone), ct);

    private Task<Result<TabView>> EditTabAsync(CurrentUser user, int tabId, Func<DashboardTab, Scope, Result> change, CancellationToken ct) =>
        EditAsync(user, _ => null, change, ct, tabId);

    private async Task<Result<TabView>> EditAsync(CurrentUser user, Func<EnoeDbContext, IQueryable<int>?> findTab,
        Func<DashboardTab, Scope, Result> change, CancellationToken ct, int tabId = 0)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var scope = await ScopeAsync(db, user, ct);
            if (!scope.Services.Runs(EntService.Dashboard)) return Result.Forbidden(DashboardMessages.ServiceOff);
            // On SQLite the transaction takes the write lock before the read, so two browser tabs'
            // changes queue up instead of interleaving; the version check covers other providers.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var id = findTab(db) is { } query ? await query.FirstOrDefaultAsync(ct) : tabId;
            // The tab must be this person's, in the établissement they work in now.
            var tab = await TabsQuery(db, user, scope).FirstOrDefaultAsync(t => t.Id == id, ct);
            if (tab is null) return Result.NotFound(DashboardMessages.TabGone);
            var result = change(tab, scope);
            if (!result.Succeeded) return result.Failure;
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
        db.DashboardTabs.Include(t => t.Placements)
            .Where(t => t.PersonId == user.PersonId && t.SchoolId == scope.SchoolId)
            .OrderBy(t => t.Position);

    internal static async Task<Scope> ScopeAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(p => p.Id == user.PersonId)
            .Select(p => new
            {
                p.IsAcademyAdmin,
                Membership = p.Memberships.Where(m => m.SchoolId == user.SchoolId)
                    .Select(m => new { m.SchoolId, m.Profiles, Closed = m.School!.ClosedServices.Select(c => c.ServiceKey).ToList() }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        var admin = row?.IsAcademyAdmin == true ? Profile.AcademyAdmin : Profile.None;
        return row?.Membership is { } m
            ? new Scope(m.SchoolId, m.Profiles | admin, new ServiceSet(m.Closed))
            : new Scope(null, admin, admin == Profile.None ? ServiceSet.None : ServiceSet.All);
    }

    /// <summary>
    /// The scope, then what the person's default imposes (the établissement's default for their
    /// profile, else the académie's) among the widgets they can see here.
    /// </summary>
    private async Task<(Scope, IReadOnlyList<Imposed>)> ScopeWithImposedAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
    {
        var scope = await ScopeAsync(db, user, ct);
        var profile = DefaultLayoutService.PrimaryProfile(scope.Profiles);
        var layouts = await db.DefaultLayouts.AsNoTracking()
            .Where(l => l.Profile == profile && (l.SchoolId == scope.SchoolId || l.SchoolId == null))
            .Select(l => new
            {
                l.SchoolId,
                Imposed = l.Placements.Where(x => x.Mandatory || x.Locked)
                    .Select(x => new Imposed(x.WidgetKey, x.X, x.Y, x.Width, x.Height, x.Mandatory, x.Locked)).ToList(),
            })
            .ToListAsync(ct);
        var chosen = layouts.FirstOrDefault(l => l.SchoolId == scope.SchoolId && scope.SchoolId != null) ?? layouts.FirstOrDefault(l => l.SchoolId == null);
        return (scope, [.. (chosen?.Imposed ?? []).Where(i => IsShown(i.WidgetKey, scope))]);
    }

    /// <summary>Whether the tabs carry exactly what the default imposes today, on the grid (checked without writing).</summary>
    private static bool Honours(IReadOnlyList<DashboardTab> tabs, IReadOnlyList<Imposed> imposed)
    {
        var placements = tabs.SelectMany(t => t.Placements).ToList();
        return imposed.All(i => placements.Any(p => p.WidgetKey == i.WidgetKey && !p.Stowed && p.Mandatory == (i.Mandatory || i.Locked) && p.Locked == i.Locked
                   && (!i.Locked || (p.X, p.Y, p.Width, p.Height) == (i.X, i.Y, i.Width, i.Height))))
            && placements.Where(p => p.Mandatory || p.Locked).All(p => imposed.Any(i => i.WidgetKey == p.WidgetKey));
    }

    /// <summary>
    /// Brings a person's dashboard in line with what their default imposes now, as uPortal's fragments
    /// do, without losing what they arranged: an imposed widget they lack is added to their first tab
    /// at the first free place; a locked one goes to its place, and the person's widgets it covers go
    /// to the "Rangés" tray (never dropped, never pushed out of sight); widgets no longer imposed
    /// become theirs to move or remove. Then every grid is compacted.
    /// </summary>
    private async Task<List<DashboardTab>> RepairAsync(EnoeDbContext db, CurrentUser user, Scope scope, IReadOnlyList<Imposed> imposed, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        if (tabs.Count == 0) return tabs;
        var placements = tabs.SelectMany(t => t.Placements).ToList();
        foreach (var placement in placements) (placement.Mandatory, placement.Locked) = (false, false);

        // Flags first, so that placing a locked widget never puts another imposed one in the tray.
        var toPlace = new List<(Imposed Rule, WidgetPlacement Placement, DashboardTab Tab)>();
        foreach (var rule in imposed)
        {
            var placement = placements.Where(p => p.WidgetKey == rule.WidgetKey && !p.Mandatory).OrderBy(p => p.Stowed).FirstOrDefault();
            var missing = placement is null || placement.Stowed;
            if (placement is null)
            {
                placement = new WidgetPlacement { WidgetKey = rule.WidgetKey };
                tabs[0].Placements.Add(placement);
                placements.Add(placement);
            }
            (placement.Mandatory, placement.Locked, placement.Stowed) = (rule.Mandatory || rule.Locked, rule.Locked, false);
            if (rule.Locked || missing) toPlace.Add((rule, placement, tabs.First(t => t.Placements.Contains(placement))));
        }
        var pending = toPlace.Select(p => p.Placement).ToHashSet();
        foreach (var (rule, placement, tab) in toPlace.OrderByDescending(p => p.Rule.Locked))
        {
            var grid = OnGrid(tab, scope).Where(p => !pending.Contains(p)).ToList();
            (placement.Width, placement.Height) = (rule.Width, rule.Height);
            if (rule.Locked)
            {
                (placement.X, placement.Y) = (rule.X, rule.Y);
                foreach (var covered in grid.Where(p => !p.Mandatory && GridLayout.Overlaps(p, placement)))
                    covered.Stowed = true;
            }
            else (placement.X, placement.Y) = GridLayout.FirstFreeSpot(grid, rule.Width, rule.Height);
            pending.Remove(placement);
        }
        foreach (var tab in tabs)
        {
            GridLayout.Compact(OnGrid(tab, scope));
            tab.Version++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return tabs;
    }

    private async Task<DashboardTab> CreateFromDefaultAsync(EnoeDbContext db, CurrentUser user, Scope scope, CancellationToken ct)
    {
        var placements = await defaults.ResolveAsync(db, scope.SchoolId, scope.Profiles, ct);
        var tab = new DashboardTab
        {
            PersonId = user.PersonId, SchoolId = scope.SchoolId, Title = DashboardMessages.HomeTab, Position = 0,
            Placements = [.. placements.Select(p => new WidgetPlacement
            {
                WidgetKey = p.WidgetKey, X = p.X, Y = p.Y, Width = p.Width, Height = p.Height,
                SettingsJson = p.SettingsJson, Mandatory = p.Mandatory, Locked = p.Locked,
            })],
        };
        GridLayout.Compact(OnGrid(tab, scope)); // widgets of services switched off here leave no hole
        db.Add(tab);
        await db.SaveChangesAsync(ct);
        return tab;
    }

    /// <summary>Widgets of services switched off, or no longer open to the person's profile, are hidden (and come back if switched on again).</summary>
    private TabView View(DashboardTab tab, Scope scope)
    {
        var shown = tab.Placements.Where(p => IsShown(p.WidgetKey, scope)).OrderBy(p => p.Y).ThenBy(p => p.X).ToList();
        return new(tab.Id, tab.Title, tab.Position,
            [.. shown.Where(p => !p.Stowed).Select(PlacementView.From)], [.. shown.Where(p => p.Stowed).Select(PlacementView.From)]);
    }
}
