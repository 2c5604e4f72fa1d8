using Enoe.Data.Caching;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Dashboards;

/// <summary>
/// A profile's default layout as its editor sees it. <see cref="Inherited"/>: nothing stored here yet, it comes from
/// the académie or the catalogue.
/// </summary>
public sealed record DefaultLayoutView(
    int? SchoolId,
    Profile Profile,
    bool Inherited,
    IReadOnlyList<PlacementView> Placements
);

/// <summary>
/// Which layout a profile starts from — the établissement's default for it, else the académie's,
/// else every widget the profile may use — and the editing of those defaults by admins
/// (établissement: their school's; académie: the académie's), with mandatory and locked placements.
/// </summary>
public sealed partial class DefaultLayoutService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IWidgetRules rules,
    EnoeCache cache
)
{
    public static readonly Profile[] EditableProfiles =
    [
        Profile.Student,
        Profile.Parent,
        Profile.Teacher,
        Profile.Staff,
        Profile.SchoolAdmin,
    ];

    /// <summary>The profile whose default applies to someone holding several: the first of this order.</summary>
    public static Profile PrimaryProfile(Profile profiles) =>
        ProfileNames.Single.FirstOrDefault(p => profiles.HasAny(p), Profile.None);

    internal async Task<IReadOnlyList<DefaultPlacement>> ResolveAsync(
        EnoeDbContext db,
        int? schoolId,
        Profile profiles,
        CancellationToken ct
    )
    {
        var profile = PrimaryProfile(profiles);
        var layouts = await db
            .DefaultLayouts.AsNoTracking()
            .Include(l => l.Placements)
            .Where(l => l.Profile == profile && (l.SchoolId == schoolId || l.SchoolId == null))
            .ToListAsync(ct);
        var chosen =
            layouts.FirstOrDefault(l => l.SchoolId == schoolId && schoolId != null)
            ?? layouts.FirstOrDefault(l => l.SchoolId == null);
        if (chosen is not null)
            return chosen.Placements;

        var builtIn = new List<DefaultPlacement>();
        foreach (var rule in rules.All.Where(r => profiles.HasAny(r.Profiles)))
        {
            var (x, y) = GridLayout.FirstFreeSpot(builtIn, rule.DefaultWidth, rule.DefaultHeight);
            builtIn.Add(
                new DefaultPlacement
                {
                    WidgetKey = rule.Key,
                    X = x,
                    Y = y,
                    Width = rule.DefaultWidth,
                    Height = rule.DefaultHeight,
                }
            );
        }
        return builtIn;
    }

    public async Task<Result<DefaultLayoutView>> GetForEditAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenyAsync(db, user, schoolId, profile, ct) is { } denied)
            return denied;
        var stored = await Stored(db, schoolId, profile).AsNoTracking().FirstOrDefaultAsync(ct);
        if (stored is not null)
            return Result<DefaultLayoutView>.Ok(View(stored, inherited: false));
        var resolved = await ResolveAsync(db, schoolId, profile, ct);
        return Result<DefaultLayoutView>.Ok(
            new DefaultLayoutView(schoolId, profile, true, [.. resolved.Select(ViewOf)])
        );
    }

    /// <summary>Starts this établissement's (or the académie's) own default from what the profile inherits.</summary>
    public async Task<Result<DefaultLayoutView>> CustomizeAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenyAsync(db, user, schoolId, profile, ct) is { } denied)
            return denied;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var layout = await Stored(db, schoolId, profile).FirstOrDefaultAsync(ct);
        if (layout is null)
        {
            var start = await ResolveAsync(db, schoolId, profile, ct);
            layout = new DefaultLayout
            {
                SchoolId = schoolId,
                Profile = profile,
                Placements =
                [
                    .. start.Select(p => new DefaultPlacement
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
            db.Add(layout);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (Contention.IsDuplicate(e))
            {
                // Another administrator started the same default a moment ago: theirs is the one.
                await transaction.RollbackAsync(ct);
                await using var again = await dbFactory.CreateDbContextAsync(ct);
                var theirs = await Stored(again, schoolId, profile).AsNoTracking().FirstAsync(ct);
                return Result<DefaultLayoutView>.Ok(View(theirs, inherited: false));
            }
        }
        await transaction.CommitAsync(ct);
        await ChangedAsync(schoolId);
        return Result<DefaultLayoutView>.Ok(View(layout, inherited: false));
    }

    /// <summary>Drops this level's own default: the profile inherits again.</summary>
    public async Task<Result> RevertAsync(
        CurrentUser user,
        int? schoolId,
        Profile profile,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenyAsync(db, user, schoolId, profile, ct) is { } denied)
            return denied;
        await Stored(db, schoolId, profile).ExecuteDeleteAsync(ct);
        await ChangedAsync(schoolId);
        return Result.Ok();
    }

    private static IQueryable<DefaultLayout> Stored(EnoeDbContext db, int? schoolId, Profile profile) =>
        db.DefaultLayouts.Include(l => l.Placements).Where(l => l.SchoolId == schoolId && l.Profile == profile);

    private static async Task<Refusal?> DenyAsync(
        EnoeDbContext db,
        CurrentUser user,
        int? schoolId,
        Profile profile,
        CancellationToken ct
    )
    {
        if (!EditableProfiles.Contains(profile))
            return Result.Invalid([DashboardMessages.UnknownProfile]);
        if (await db.IsAcademyAdminAsync(user.PersonId, ct))
            return null;
        return await db.IsSchoolAdminAsync(user.PersonId, schoolId, ct)
            ? null
            : Result.Forbidden(DashboardMessages.AdminsOnly);
    }

    private static DefaultLayoutView View(DefaultLayout layout, bool inherited) =>
        new(
            layout.SchoolId,
            layout.Profile,
            inherited,
            [.. layout.Placements.OrderBy(p => p.Y).ThenBy(p => p.X).Select(ViewOf)]
        );

    private static PlacementView ViewOf(DefaultPlacement p) =>
        new(p.Id, p.WidgetKey, p.X, p.Y, p.Width, p.Height, p.SettingsJson, p.Mandatory, p.Locked);
}
