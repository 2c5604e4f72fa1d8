namespace Enoe.Data.Structure;

/// <summary>
/// Whose classes and groups a person sees, as composable queries (not executed here): their own
/// enrolments, their children's (through guardianships, optionally one child), and what they teach.
/// Every service that shows class-bound content starts from these, so the rule lives in one place.
/// </summary>
public static class Audiences
{
    /// <summary>
    /// The person themself and the children they answer for (only <paramref name="childId"/> if given).
    /// </summary>
    public static IQueryable<int> Learners(EnoeDbContext db, int personId, int? childId = null) =>
        db
            .Guardianships.Where(g => g.ParentId == personId && (childId == null || g.StudentId == childId))
            .Select(g => g.StudentId)
            .Union(db.Users.Where(p => p.Id == personId).Select(p => p.Id));

    /// <summary>Classes the learners are enrolled in, and the classes the person teaches.</summary>
    public static IQueryable<int> Classes(EnoeDbContext db, int personId, IQueryable<int> learners) =>
        db
            .Enrolments.Where(e => learners.Contains(e.StudentId))
            .Select(e => e.SchoolClassId)
            .Union(
                db.TeachingAssignments.Where(a => a.TeacherId == personId && a.SchoolClassId != null)
                    .Select(a => a.SchoolClassId!.Value)
            );

    /// <summary>Groups the learners are enrolled in, and the groups the person teaches.</summary>
    public static IQueryable<int> Groups(EnoeDbContext db, int personId, IQueryable<int> learners) =>
        db
            .GroupEnrolments.Where(e => learners.Contains(e.StudentId))
            .Select(e => e.TeachingGroupId)
            .Union(
                db.TeachingAssignments.Where(a => a.TeacherId == personId && a.TeachingGroupId != null)
                    .Select(a => a.TeachingGroupId!.Value)
            );

    /// <summary>
    /// The students of a class (when <paramref name="classId"/> is given) or else of a group: whom a lesson, an
    /// entry of the carnet de bord or a devoir is for.
    /// </summary>
    public static IQueryable<int> StudentsOf(EnoeDbContext db, int? classId, int? groupId) =>
        classId is int c
            ? db.Enrolments.Where(e => e.SchoolClassId == c).Select(e => e.StudentId)
            : db.GroupEnrolments.Where(e => e.TeachingGroupId == groupId).Select(e => e.StudentId);
}
