using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Dashboards;

/// <summary>
/// Who the person is here and what their default imposes: a first visit starts from it, later visits are repaired to
/// honour it.
/// </summary>
public sealed partial class LayoutService
{
    private sealed record Member(Profile Profiles, bool IsAcademyAdmin, List<string> Closed);

    /// <summary>
    /// Every dashboard's and catalogue's first read: compiled (<see cref="CompiledPerModel{TQuery}"/>).
    /// </summary>
    private static readonly CompiledPerModel<
        Func<EnoeDbContext, int, int?, CancellationToken, Task<Member?>>
    > MemberRead = new(() =>
        EF.CompileAsyncQuery(
            (EnoeDbContext db, int personId, int? schoolId, CancellationToken ct) =>
                db
                    .Memberships.Where(m => m.PersonId == personId && m.SchoolId == schoolId)
                    .Select(m => new Member(
                        m.Profiles,
                        m.Person!.IsAcademyAdmin,
                        m.School!.ClosedServices.Select(c => c.ServiceKey).ToList()
                    ))
                    .FirstOrDefault()
        )
    );

    internal static async Task<Scope> ScopeAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
    {
        // The membership read by its key: as the person's collection cut to its first, it was numbered among every
        // member of the établissement (a window over thousands of rows) on each page.
        var member = await MemberRead.For(db)(db, user.PersonId, user.SchoolId, ct);
        if (member is not null)
            return new Scope(
                user.SchoolId,
                member.Profiles | (member.IsAcademyAdmin ? Profile.AcademyAdmin : Profile.None),
                new ServiceSet(member.Closed)
            );
        // No établissement here: an académie admin sees every service, anyone else none.
        var admin = await db.Users.AnyAsync(p => p.Id == user.PersonId && p.IsAcademyAdmin, ct);
        return admin
            ? new Scope(null, Profile.AcademyAdmin, ServiceSet.All)
            : new Scope(null, Profile.None, ServiceSet.None);
    }

    /// <summary>
    /// The scope, then what the person's default imposes (the établissement's default for their
    /// profile, else the académie's) among the widgets they can see here.
    /// </summary>
    private async Task<(Scope, IReadOnlyList<Imposed>)> ScopeWithImposedAsync(
        EnoeDbContext db,
        CurrentUser user,
        CancellationToken ct
    )
    {
        var scope = await ScopeAsync(db, user, ct);
        var profile = DefaultLayoutService.PrimaryProfile(scope.Profiles);
        var imposed = await defaults.ImposedAsync(scope.SchoolId, profile, ct);
        return (scope, [.. imposed.Placements.Where(i => IsShown(i.WidgetKey, scope))]);
    }

    /// <summary>
    /// Whether the tabs carry exactly what the default imposes today, on the grid (checked without writing).
    /// </summary>
    private static bool Honours(IReadOnlyList<DashboardTab> tabs, IReadOnlyList<Imposed> imposed)
    {
        var placements = tabs.SelectMany(t => t.Placements).ToList();
        return imposed.All(i =>
                placements.Any(p =>
                    p.WidgetKey == i.WidgetKey
                    && !p.Stowed
                    && p.Mandatory == (i.Mandatory || i.Locked)
                    && p.Locked == i.Locked
                    && (!i.Locked || (p.X, p.Y, p.Width, p.Height) == (i.X, i.Y, i.Width, i.Height))
                )
            ) && placements.Where(p => p.Mandatory || p.Locked).All(p => imposed.Any(i => i.WidgetKey == p.WidgetKey));
    }

    /// <summary>
    /// Brings a person's dashboard in line with what their default imposes now, as uPortal's fragments
    /// do, without losing what they arranged: an imposed widget they lack is added to their first tab
    /// at the first free place; a locked one goes to its place, and the person's widgets it covers go
    /// to the "Rangés" tray (never dropped, never pushed out of sight); widgets no longer imposed
    /// become theirs to move or remove. Then every grid is compacted.
    /// </summary>
    private async Task<List<DashboardTab>> RepairAsync(
        EnoeDbContext db,
        CurrentUser user,
        Scope scope,
        IReadOnlyList<Imposed> imposed,
        CancellationToken ct
    )
    {
        // Under the person's lock: two tabs repairing at once would both add a missing imposed widget.
        await using var transaction = await db.BeginTurnAsync<Person>(user.PersonId, ct);
        var tabs = await TabsQuery(db, user, scope).ToListAsync(ct);
        if (tabs.Count == 0)
            return tabs;
        var placements = tabs.SelectMany(t => t.Placements).ToList();
        foreach (var placement in placements)
            (placement.Mandatory, placement.Locked) = (false, false);

        // Flags first, so that placing a locked widget never puts another imposed one in the tray.
        var toPlace = new List<(Imposed Rule, WidgetPlacement Placement, DashboardTab Tab)>();
        foreach (var rule in imposed)
        {
            var placement = placements
                .Where(p => p.WidgetKey == rule.WidgetKey && !p.Mandatory)
                .OrderBy(p => p.Stowed)
                .FirstOrDefault();
            var missing = placement is null || placement.Stowed;
            if (placement is null)
            {
                placement = new WidgetPlacement { WidgetKey = rule.WidgetKey };
                tabs[0].Placements.Add(placement);
                placements.Add(placement);
            }
            (placement.Mandatory, placement.Locked, placement.Stowed) = (
                rule.Mandatory || rule.Locked,
                rule.Locked,
                false
            );
            if (rule.Locked || missing)
                toPlace.Add((rule, placement, tabs.First(t => t.Placements.Contains(placement))));
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
            else
                (placement.X, placement.Y) = GridLayout.FirstFreeSpot(grid, rule.Width, rule.Height);
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

    private async Task<DashboardTab> CreateFromDefaultAsync(
        EnoeDbContext db,
        CurrentUser user,
        Scope scope,
        CancellationToken ct
    )
    {
        var placements = await defaults.ResolveAsync(db, scope.SchoolId, scope.Profiles, ct);
        var tab = new DashboardTab
        {
            PersonId = user.PersonId,
            SchoolId = scope.SchoolId,
            Title = DashboardMessages.HomeTab,
            Position = 0,
            Placements =
            [
                .. placements.Select(p => new WidgetPlacement
                {
                    WidgetKey = p.WidgetKey,
                    X = p.X,
                    Y = p.Y,
                    Width = p.Width,
                    Height = p.Height,
                    SettingsJson = p.SettingsJson,
                    Mandatory = p.Mandatory,
                    Locked = p.Locked,
                }),
            ],
        };
        GridLayout.Compact(OnGrid(tab, scope)); // widgets of services switched off here leave no hole
        db.Add(tab);
        await db.SaveChangesAsync(ct);
        return tab;
    }
}
