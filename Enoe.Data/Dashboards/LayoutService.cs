using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Dashboards;

/// <summary>
/// A person's dashboard in their current établissement: its tabs and widget placements. Every change
/// is an intent ("move this widget there") applied to the freshly read tab and saved under the tab's
/// version; if another browser tab wrote in between, the intent is applied again to the new state,
/// so two tabs editing at once never corrupt the layout. Rights, locks and the catalogue's rules are
/// enforced here, whatever the page offers.
/// </summary>
public sealed class LayoutService(IDbContextFactory<EnoeDbContext> dbFactory, IWidgetRules rules, DefaultLayoutService defaults)
{
    public const int TabTitleMax = 40;
    public const int MaxTabs = 8;
    public const int MaxWidgetsPerTab = 24;
    private const int Attempts = 5;

    /// <summary>Who the person is where they work now, read from the database (not the cookie).</summary>
    internal sealed record Scope(int? SchoolId, Profile Profiles, EntService Services);

    /// <summary>A placement the person's default imposes (mandatory or locked).</summary>
    internal sealed record Imposed(string WidgetKey, int X, int Y, int Width, int Height, bool Mandatory, bool Locked);

    /// <summary>The person's tabs, created from their profile's default on first visit.</summary>
    public async Task<IReadOnlyList<TabView>> GetAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (scope, imposed) = await ScopeWithImposedAsync(db, user, ct);
        if (!scope.Services.HasFlag(EntService.Dashboard)) return [];
        var tabs = await TabsQuery(db, user, scope).AsNoTracking().ToListAsync(ct);
        if (tabs.Count > 0 && !Honours(tabs, imposed))
            tabs = await ImposeAsync(db, user, scope, imposed, ct);
        if (tabs.Count == 0)
        {
            // SQLite transactions take the write lock at once: a second browser tab opening the
            // dashboard at the same moment waits here, then finds the tab the first one created.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
            if (tabs.Count == 0) tabs = [await CreateFromDefaultAsync(db, user, scope, ct)];
            await transaction.CommitAsync(ct);
        }
        return [.. tabs.Select(t => View(t, scope))];
    }

    public Task<Result<TabView>> AddWidgetAsync(CurrentUser user, int tabId, string widgetKey, CancellationToken ct = default) =>
        EditTabAsync(user, tabId, (tab, scope) =>
        {
            if (rules.Find(widgetKey) is not { } rule || !rule.IsAllowed(scope.Profiles, scope.Services))
                return Result.Forbidden("Ce widget n'est pas disponible pour votre profil dans votre établissement.");
            if (tab.Placements.Count >= MaxWidgetsPerTab)
                return Result.Invalid([$"Un onglet contient au plus {MaxWidgetsPerTab} widgets : créez un autre onglet."]);
            var (x, y) = GridLayout.FirstFreeSpot(tab.Placements, rule.DefaultWidth, rule.DefaultHeight);
            tab.Placements.Add(new WidgetPlacement { WidgetKey = rule.Key, X = x, Y = y, Width = rule.DefaultWidth, Height = rule.DefaultHeight });
            return Result.Ok();
        }, ct);

    public Task<Result<TabView>> RemoveAsync(CurrentUser user, int placementId, CancellationToken ct = default) =>
        EditPlacementAsync(user, placementId, (tab, placement, _) =>
        {
            if (placement.Locked || placement.Mandatory)
                return Result.Forbidden("Ce widget est imposé par votre établissement : il ne peut pas être retiré.");
            tab.Placements.Remove(placement);
            GridLayout.Compact(tab.Placements);
            return Result.Ok();
        }, ct);

    public Task<Result<TabView>> MoveAsync(CurrentUser user, int placementId, int x, int y, CancellationToken ct = default) =>
        EditPlacementAsync(user, placementId, (tab, placement, _) => Move(tab, placement, x, y), ct);

    /// <summary>The keyboard and button alternative to dragging.</summary>
    public Task<Result<TabView>> MoveByAsync(CurrentUser user, int placementId, MoveDirection direction, CancellationToken ct = default) =>
        EditPlacementAsync(user, placementId, (tab, placement, _) => direction switch
        {
            MoveDirection.Left => Move(tab, placement, placement.X - 1, placement.Y),
            MoveDirection.Right => Move(tab, placement, placement.X + 1, placement.Y),
            MoveDirection.Up => Move(tab, placement, placement.X, placement.Y - 1),
            _ => Move(tab, placement, placement.X, placement.Y + NextBelow(tab, placement)),
        }, ct);

    public Task<Result<TabView>> ResizeAsync(CurrentUser user, int placementId, int width, int height, CancellationToken ct = default) =>
        EditPlacementAsync(user, placementId, (tab, placement, _) =>
        {
            if (placement.Locked) return Result.Forbidden("Ce widget est verrouillé par votre établissement.");
            var rule = rules.Find(placement.WidgetKey);
            placement.Width = Math.Clamp(width, rule?.MinWidth ?? 1, GridLayout.Columns);
            placement.Height = Math.Clamp(height, rule?.MinHeight ?? 1, GridLayout.MaxHeight);
            return GridLayout.TryMove(tab.Placements, placement, placement.X, placement.Y)
                ? Result.Ok() : Result.Conflict("Un widget verrouillé occupe la place : impossible d'agrandir ici.");
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
        if (ValidateTitle(title) is { } invalid) return Result<TabView>.From(invalid);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        if (!scope.Services.HasFlag(EntService.Dashboard)) return Result<TabView>.From(Result.Forbidden(ServiceOff));
        var positions = await TabsQuery(db, user, scope).Select(t => t.Position).ToListAsync(ct);
        if (positions.Count >= MaxTabs) return Result<TabView>.From(Result.Invalid([$"Vous avez déjà {MaxTabs} onglets."]));
        var tab = new DashboardTab { PersonId = user.PersonId, SchoolId = scope.SchoolId, Title = title.Trim(), Position = positions.DefaultIfEmpty(-1).Max() + 1 };
        db.Add(tab);
        await db.SaveChangesAsync(ct);
        return Result<TabView>.Ok(View(tab, scope));
    }

    public Task<Result<TabView>> RenameTabAsync(CurrentUser user, int tabId, string title, CancellationToken ct = default) =>
        ValidateTitle(title) is { } invalid
            ? Task.FromResult(Result<TabView>.From(invalid))
            : EditTabAsync(user, tabId, (tab, _) => { tab.Title = title.Trim(); return Result.Ok(); }, ct);

    /// <summary>Moves a tab one place left (-1) or right (+1) among the person's tabs; returns them all.</summary>
    public async Task<Result<IReadOnlyList<TabView>>> MoveTabAsync(CurrentUser user, int tabId, int offset, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        var index = tabs.FindIndex(t => t.Id == tabId);
        if (index < 0) return Result<IReadOnlyList<TabView>>.From(Result.NotFound("Onglet introuvable."));
        var other = index + Math.Sign(offset);
        if (other >= 0 && other < tabs.Count)
        {
            (tabs[index], tabs[other]) = (tabs[other], tabs[index]);
            for (var i = 0; i < tabs.Count; i++) { tabs[i].Position = i; tabs[i].Version++; }
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return Result<IReadOnlyList<TabView>>.From(Result.Conflict(ChangedElsewhere)); }
        }
        return Result<IReadOnlyList<TabView>>.Ok([.. tabs.Select(t => View(t, scope))]);
    }

    public async Task<Result> DeleteTabAsync(CurrentUser user, int tabId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        var tab = tabs.FirstOrDefault(t => t.Id == tabId);
        if (tab is null) return Result.NotFound("Onglet introuvable.");
        if (tabs.Count == 1) return Result.Invalid(["Gardez au moins un onglet."]);
        if (tab.Placements.Any(p => p.Mandatory || p.Locked))
            return Result.Forbidden("Cet onglet contient des widgets imposés par votre établissement.");
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

    private const string ServiceOff = "Le tableau de bord n'est pas activé dans votre établissement.";
    private const string ChangedElsewhere = "Votre tableau de bord a changé dans un autre onglet : rechargez la page.";

    private static Result Move(DashboardTab tab, WidgetPlacement placement, int x, int y)
    {
        if (placement.Locked) return Result.Forbidden("Ce widget est verrouillé par votre établissement : il ne peut pas être déplacé.");
        return GridLayout.TryMove(tab.Placements, placement, x, y)
            ? Result.Ok() : Result.Conflict("Un widget verrouillé occupe cette place.");
    }

    /// <summary>Moving down by one row only lets the widget below float back up; move past the next widget instead.</summary>
    private static int NextBelow(DashboardTab tab, WidgetPlacement placement) =>
        tab.Placements.Where(p => p != placement && p.Y >= placement.Y + placement.Height
                && p.X < placement.X + placement.Width && placement.X < p.X + p.Width)
            .Select(p => p.Y + p.Height - placement.Y - placement.Height + 1)
            .DefaultIfEmpty(1).Min();

    private static Result? ValidateTitle(string? title) => string.IsNullOrWhiteSpace(title)
        ? Result.Invalid(["Donnez un nom à l'onglet."])
        : title.Trim().Length > TabTitleMax ? Result.Invalid([$"Le nom d'un onglet ne doit pas dépasser {TabTitleMax} caractères."]) : null;

    private Task<Result<TabView>> EditPlacementAsync(CurrentUser user, int placementId,
        Func<DashboardTab, WidgetPlacement, Scope, Result> change, CancellationToken ct) =>
        EditAsync(user, db => db.WidgetPlacements.Where(p => p.Id == placementId).Select(p => p.TabId),
            (tab, scope) => tab.Placements.FirstOrDefault(p => p.Id == placementId) is { } placement
                ? change(tab, placement, scope) : Result.NotFound("Ce widget a été retiré entre-temps."), ct);

    private Task<Result<TabView>> EditTabAsync(CurrentUser user, int tabId, Func<DashboardTab, Scope, Result> change, CancellationToken ct) =>
        EditAsync(user, _ => null, change, ct, tabId);

    private async Task<Result<TabView>> EditAsync(CurrentUser user, Func<EnoeDbContext, IQueryable<int>?> findTab,
        Func<DashboardTab, Scope, Result> change, CancellationToken ct, int tabId = 0)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var scope = await ScopeAsync(db, user, ct);
            if (!scope.Services.HasFlag(EntService.Dashboard)) return Result<TabView>.From(Result.Forbidden(ServiceOff));
            // On SQLite the transaction takes the write lock before the read, so two browser tabs'
            // changes queue up instead of interleaving; the version check covers other providers.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var id = findTab(db) is { } query ? await query.FirstOrDefaultAsync(ct) : tabId;
            // The tab must be this person's, in the établissement they work in now.
            var tab = await TabsQuery(db, user, scope).FirstOrDefaultAsync(t => t.Id == id, ct);
            if (tab is null) return Result<TabView>.From(Result.NotFound("Ce widget ou cet onglet n'existe plus."));
            var result = change(tab, scope);
            if (!result.Succeeded) return Result<TabView>.From(result);
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
        return Result<TabView>.From(Result.Conflict(ChangedElsewhere));
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
                    .Select(m => new { m.SchoolId, m.Profiles, m.School!.Services }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        var admin = row?.IsAcademyAdmin == true ? Profile.AcademyAdmin : Profile.None;
        return row?.Membership is { } m
            ? new Scope(m.SchoolId, m.Profiles | admin, m.Services)
            : new Scope(null, admin, admin == Profile.None ? EntService.None : EntService.All);
    }

    /// <summary>The scope, then what the person's default imposes: the établissement's default for their profile, else the académie's.</summary>
    private static async Task<(Scope, IReadOnlyList<Imposed>)> ScopeWithImposedAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
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
        return (scope, chosen?.Imposed ?? []);
    }

    /// <summary>Whether the tabs carry exactly what the default imposes today (checked without writing).</summary>
    private static bool Honours(IReadOnlyList<DashboardTab> tabs, IReadOnlyList<Imposed> imposed)
    {
        var placements = tabs.SelectMany(t => t.Placements).ToList();
        return imposed.All(i => placements.Any(p => p.WidgetKey == i.WidgetKey && p.Mandatory == (i.Mandatory || i.Locked) && p.Locked == i.Locked
                   && (!i.Locked || (p.X, p.Y, p.Width, p.Height) == (i.X, i.Y, i.Width, i.Height))))
            && placements.Where(p => p.Mandatory || p.Locked).All(p => imposed.Any(i => i.WidgetKey == p.WidgetKey));
    }

    /// <summary>
    /// Brings a person's dashboard in line with what their default imposes now, as uPortal's fragments
    /// do: an imposed widget they lack is added to their first tab, a locked one goes to its place,
    /// and widgets no longer imposed become theirs to move or remove.
    /// </summary>
    private static async Task<List<DashboardTab>> ImposeAsync(EnoeDbContext db, CurrentUser user, Scope scope, IReadOnlyList<Imposed> imposed, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        foreach (var placement in tabs.SelectMany(t => t.Placements).Where(p => !imposed.Any(i => i.WidgetKey == p.WidgetKey)))
            (placement.Mandatory, placement.Locked) = (false, false);
        var first = tabs[0];
        foreach (var rule in imposed)
        {
            var placement = tabs.SelectMany(t => t.Placements).FirstOrDefault(p => p.WidgetKey == rule.WidgetKey);
            if (placement is null)
            {
                placement = new WidgetPlacement { WidgetKey = rule.WidgetKey, X = rule.X, Y = rule.Y, Width = rule.Width, Height = rule.Height };
                first.Placements.Add(placement);
            }
            (placement.Mandatory, placement.Locked) = (rule.Mandatory || rule.Locked, false);
            var tab = tabs.First(t => t.Placements.Contains(placement));
            if (rule.Locked || placement.Id == 0)
            {
                (placement.Width, placement.Height) = (rule.Width, rule.Height);
                GridLayout.TryMove(tab.Placements, placement, rule.X, rule.Y); // not locked yet: it may push the others
            }
            placement.Locked = rule.Locked;
        }
        foreach (var tab in tabs) tab.Version++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return tabs;
    }

    private async Task<DashboardTab> CreateFromDefaultAsync(EnoeDbContext db, CurrentUser user, Scope scope, CancellationToken ct)
    {
        var placements = await defaults.ResolveAsync(db, scope.SchoolId, scope.Profiles, ct);
        var tab = new DashboardTab
        {
            PersonId = user.PersonId, SchoolId = scope.SchoolId, Title = "Accueil", Position = 0,
            Placements = [.. placements.Select(p => new WidgetPlacement
            {
                WidgetKey = p.WidgetKey, X = p.X, Y = p.Y, Width = p.Width, Height = p.Height,
                SettingsJson = p.SettingsJson, Mandatory = p.Mandatory, Locked = p.Locked,
            })],
        };
        db.Add(tab);
        await db.SaveChangesAsync(ct);
        return tab;
    }

    /// <summary>Widgets of services switched off, or no longer open to the person's profile, are hidden (and come back if switched on again).</summary>
    private TabView View(DashboardTab tab, Scope scope) => new(tab.Id, tab.Title, tab.Position,
        [.. tab.Placements.Where(p => rules.Find(p.WidgetKey) is not { } rule || rule.IsAllowed(scope.Profiles, scope.Services))
            .OrderBy(p => p.Y).ThenBy(p => p.X).Select(PlacementView.From)]);
}
