using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.DigitalResources;

/// <summary>
/// What decides which catalogue entries one person sees, read from the database (not the cookie) on every call, in
/// one round trip: their profiles in the établissement, whether they are an académie admin, the levels of the
/// learners they follow (themselves, or their children) and their favourites. Never cached: it is about one person.
/// </summary>
internal sealed record ResourceReader(
    bool Member,
    Profile Profiles,
    bool AcademyAdmin,
    IReadOnlyList<string> LevelCodes,
    IReadOnlySet<int> Favourites
)
{
    // What each row of the one query says (a UNION ALL of four small reads: no join multiplies them).
    private const int MemberOf = 0,
        AcademyAdminRow = 1,
        LevelOf = 2,
        FavouriteOf = 3;

    public static async Task<ResourceReader> ReadAsync(
        EnoeDbContext db,
        CurrentUser user,
        int? childId,
        CancellationToken ct
    )
    {
        var me = user.PersonId;
        var schoolId = user.SchoolId;
        // Students see their level's resources, parents their children's; personnel see them all.
        var learners = Audiences.Learners(db, me, childId);
        var rows = await db
            .Memberships.Where(m => m.PersonId == me && m.SchoolId == schoolId)
            .Select(m => new
            {
                Kind = MemberOf,
                Number = (int)m.Profiles,
                Code = (string?)null,
            })
            .Concat(
                db.Users.Where(p => p.Id == me && p.IsAcademyAdmin)
                    .Select(p => new
                    {
                        Kind = AcademyAdminRow,
                        Number = 0,
                        Code = (string?)null,
                    })
            )
            .Concat(
                db.Enrolments.Where(e => learners.Contains(e.StudentId))
                    .Select(e => new
                    {
                        Kind = LevelOf,
                        Number = 0,
                        Code = (string?)e.SchoolClass!.Level!.Code,
                    })
            )
            .Concat(
                db.Set<ResourceFavourite>()
                    .Where(f => f.PersonId == me)
                    .Select(f => new
                    {
                        Kind = FavouriteOf,
                        Number = f.ResourceId,
                        Code = (string?)null,
                    })
            )
            .ToListAsync(ct);
        var memberships = rows.Where(r => r.Kind == MemberOf).ToList();
        return new(
            memberships.Count > 0,
            memberships.Aggregate(Profile.None, (all, m) => all | (Profile)m.Number),
            rows.Any(r => r.Kind == AcademyAdminRow),
            [.. rows.Where(r => r.Kind == LevelOf).Select(r => r.Code!).Distinct()],
            rows.Where(r => r.Kind == FavouriteOf).Select(r => r.Number).ToHashSet()
        );
    }

    /// <summary>
    /// Whether this person sees <paramref name="entry"/> of their établissement's catalogue: an établissement's own
    /// resources only for its members; a resource for their profile (the académie-admin bit for an académie admin);
    /// one for given levels only for personnel, académie admins, or a learner of one of those levels.
    /// </summary>
    public bool Sees(CatalogueEntry entry) =>
        (!entry.FromSchool || Member)
        && ((Profiles & entry.Profiles) != 0 || (AcademyAdmin && (entry.Profiles & Profile.AcademyAdmin) != 0))
        && (
            entry.LevelCodes is null
            || AcademyAdmin
            || (Profiles & Profile.Personnel) != 0
            || LevelCodes.Any(code =>
                ("," + entry.LevelCodes + ",").Contains("," + code + ",", StringComparison.Ordinal)
            )
        );
}
