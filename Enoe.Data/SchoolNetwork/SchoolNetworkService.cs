using Enoe.Data.People;
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
public sealed class SchoolNetworkService(IDbContextFactory<EnoeDbContext> dbFactory)
{
    public async Task<NetworkView> GetAsync(CurrentUser user, int? childId, string? search, int take = 12, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var membership = await db.Memberships.AsNoTracking()
            .FirstOrDefaultAsync(m => m.PersonId == user.PersonId && m.SchoolId == user.SchoolId, ct);
        if (membership is null) return new([], []);
        var schoolId = membership.SchoolId;
        var profiles = membership.Profiles;

        // Whose classes: the student themself, a parent's child (only theirs), a teacher's teaching.
        IQueryable<int> learners = profiles.HasAny(Profile.Student) ? db.Users.Where(p => p.Id == user.PersonId).Select(p => p.Id)
            : profiles.HasAny(Profile.Parent) ? db.Guardianships.Where(g => g.ParentId == user.PersonId && (childId == null || g.StudentId == childId)).Select(g => g.StudentId)
            : db.Users.Where(_ => false).Select(p => p.Id);
        var classIds = db.Enrolments.Where(e => learners.Contains(e.StudentId)).Select(e => e.SchoolClassId)
            .Union(db.TeachingAssignments.Where(a => a.TeacherId == user.PersonId && a.SchoolClassId != null).Select(a => a.SchoolClassId!.Value));
        var groupIds = db.GroupEnrolments.Where(e => learners.Contains(e.StudentId)).Select(e => e.TeachingGroupId)
            .Union(db.TeachingAssignments.Where(a => a.TeacherId == user.PersonId && a.TeachingGroupId != null).Select(a => a.TeachingGroupId!.Value));

        var groups = (await db.Classes.Where(c => c.SchoolId == schoolId && classIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, IsClass = true })
            .Concat(db.Groups.Where(g => g.SchoolId == schoolId && groupIds.Contains(g.Id)).Select(g => new { g.Id, g.Name, IsClass = false }))
            .AsNoTracking().ToListAsync(ct))
            .Select(g => new NetworkGroup(g.Id, g.Name, g.IsClass)).ToList();

        var teachers = from a in db.TeachingAssignments
                       where a.Subject!.SchoolId == schoolId && a.TeacherId != user.PersonId
                             && (profiles.HasAny(Profile.Staff | Profile.SchoolAdmin)
                                 || (a.SchoolClassId != null && classIds.Contains(a.SchoolClassId.Value))
                                 || (a.TeachingGroupId != null && groupIds.Contains(a.TeachingGroupId.Value)))
                       select new { a.TeacherId, Role = a.Subject!.Name };
        var staff = db.Memberships.Where(m => m.SchoolId == schoolId && m.Function != null && m.PersonId != user.PersonId
                && (m.Profiles & (Profile.Staff | Profile.SchoolAdmin)) != 0)
            .Select(m => new { TeacherId = m.PersonId, Role = m.Function! });
        var reachable = teachers.Concat(staff);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = $"%{search.Trim()}%";
            var matching = db.Users.Where(p => EF.Functions.Like(p.FirstName + " " + p.LastName, s) || EF.Functions.Like(p.LastName, s)).Select(p => p.Id);
            reachable = reachable.Where(r => matching.Contains(r.TeacherId));
        }
        var rows = await (from r in reachable
                          join p in db.Users on r.TeacherId equals p.Id
                          select new { p.Id, p.FirstName, p.LastName, r.Role })
            .AsNoTracking().ToListAsync(ct);
        var people = rows.GroupBy(r => r.Id)
            .Select(g => new NetworkPerson(g.Key, $"{g.First().FirstName} {g.First().LastName}", string.Join(", ", g.Select(r => r.Role).Distinct().Order())))
            .OrderBy(p => p.DisplayName.Split(' ').Last()).ThenBy(p => p.DisplayName)
            .Take(take).ToList();
        return new NetworkView(groups, people);
    }
}
