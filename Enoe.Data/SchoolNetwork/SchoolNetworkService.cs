using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolNetwork;

public sealed record NetworkGroup(int Id, string Name, bool IsClass);

public sealed record NetworkPerson(int Id, string DisplayName, string Role);

public sealed record NetworkView(IReadOnlyList<NetworkGroup> Groups, IReadOnlyList<NetworkPerson> People);

/// <summary>
/// The réseau d'établissement as one person sees it: their classes and groups (a parent's: their
/// child's), and the people of those they may reach — the teachers of their classes and the school's
/// staff (a teacher: colleagues of the same classes; staff: all personnel). Never another school's.
/// </summary>
public sealed class SchoolNetworkService(IDbContextFactory<EnoeDbContext> dbFactory, ServiceAccess access)
{
    /// <summary>One round trip: groups and people come back together.</summary>
    public async Task<NetworkView> GetAsync(
        CurrentUser user,
        int? childId,
        string? search,
        int take = 12,
        CancellationToken ct = default
    )
    {
        if (
            user.SchoolId is not int schoolId
            || await access.RefusalAsync(user, EntService.Dashboard, ct: ct) is not null
        )
            return new([], []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        // Every row is tied to this person by the database: their membership here, their own
        // enrolments and teaching, their children's (guardianships) — whatever the cookie says.
        var member = db.Memberships.Where(m => m.PersonId == me && m.SchoolId == schoolId);
        var learners = Audiences.Learners(db, me, childId);
        var classIds = Audiences.Classes(db, me, learners);
        var groupIds = Audiences.Groups(db, me, learners);
        var pattern = string.IsNullOrWhiteSpace(search) ? null : TextSearch.Pattern(search);

        var classes = db
            .Classes.Where(c => c.SchoolId == schoolId && classIds.Contains(c.Id) && member.Any())
            .Select(c => new
            {
                Kind = KindClass,
                c.Id,
                c.Name,
                Role = "",
            });
        var groups = db
            .Groups.Where(g => g.SchoolId == schoolId && groupIds.Contains(g.Id) && member.Any())
            .Select(g => new
            {
                Kind = KindGroup,
                g.Id,
                g.Name,
                Role = "",
            });
        // Staff and admins reach every teacher (Right.NetworkEveryTeacher: a profile, whatever the function); others
        // the teachers of their (children's) classes and groups.
        const Profile everyTeacher = Profile.Staff | Profile.SchoolAdmin;
        var teachers =
            from a in db.TeachingAssignments
            join p in db.Users on a.TeacherId equals p.Id
            where
                a.Subject!.SchoolId == schoolId
                && a.TeacherId != me
                && member.Any()
                && (
                    member.Any(m => (m.Profiles & everyTeacher) != 0)
                    || (a.SchoolClassId != null && classIds.Contains(a.SchoolClassId.Value))
                    || (a.TeachingGroupId != null && groupIds.Contains(a.TeachingGroupId.Value))
                )
                && (
                    pattern == null
                    || EF.Functions.Like(TextSearch.Folded(p.FirstName + " " + p.LastName), pattern, TextSearch.Escape)
                )
            select new
            {
                Kind = KindPerson,
                p.Id,
                Name = p.FirstName + " " + p.LastName,
                Role = a.Subject!.Name,
            };
        var staff =
            from m in db.Memberships
            join p in db.Users on m.PersonId equals p.Id
            where
                m.SchoolId == schoolId
                && m.Function != null
                && m.PersonId != me
                && member.Any()
                && (m.Profiles & (Profile.Staff | Profile.SchoolAdmin)) != 0
                && (
                    pattern == null
                    || EF.Functions.Like(TextSearch.Folded(p.FirstName + " " + p.LastName), pattern, TextSearch.Escape)
                )
            select new
            {
                Kind = KindPerson,
                p.Id,
                Name = p.FirstName + " " + p.LastName,
                Role = m.Function!,
            };

        var rows = await classes.Concat(groups).Concat(teachers).Concat(staff).AsNoTracking().ToListAsync(ct);
        var people = rows.Where(r => r.Kind == KindPerson)
            .GroupBy(r => r.Id)
            .Select(g => new NetworkPerson(
                g.Key,
                g.First().Name,
                string.Join(", ", g.Select(r => r.Role).Distinct().Order())
            ))
            .OrderBy(p => p.DisplayName.Split(' ').Last())
            .ThenBy(p => p.DisplayName)
            .Take(take)
            .ToList();
        return new NetworkView(
            [.. rows.Where(r => r.Kind != KindPerson).Select(r => new NetworkGroup(r.Id, r.Name, r.Kind == KindClass))],
            people
        );
    }

    private const int KindClass = 0,
        KindGroup = 1,
        KindPerson = 2;
}
