using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>
/// A person writing (or sharing) in an établissement: their profiles and functions there, and its rules.
/// </summary>
internal sealed record Sender(int PersonId, int SchoolId, Profile Profiles, StaffFunction Functions, MemoRules Rules)
{
    /// <summary>What the sender is to everyone of the établissement, as the rights table reads it.</summary>
    public Holder Holder => FunctionRights.Of(Profiles, Functions);
}

/// <summary>
/// Who may address whom in an établissement, under its rules: the one place mémos, document sharing and the admin's
/// "Puis-je écrire à… ?" ask, so that no path reaches further than a mémo would.
/// </summary>
internal static partial class Reach
{
    public static async Task<Sender?> SenderAsync(EnoeDbContext db, int me, int schoolId, CancellationToken ct)
    {
        var row = await db
            .Memberships.Where(m => m.PersonId == me && m.SchoolId == schoolId)
            .Select(m => new
            {
                m.Profiles,
                m.Functions,
                m.School!.MemoRules,
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new Sender(me, schoolId, row.Profiles, row.Functions, row.MemoRules);
    }

    /// <summary>Everyone of the établissement this sender may write to (one composable query).</summary>
    public static IQueryable<int> People(EnoeDbContext db, Sender sender) => Under(db, sender, sender.Rules);

    /// <summary>The people an address stands for, within the établissement.</summary>
    public static IQueryable<int> Expand(EnoeDbContext db, int schoolId, MemoAddress address)
    {
        var target = address.TargetId;
        return address.Kind switch
        {
            AudienceKind.Person => db
                .Memberships.Where(m => m.SchoolId == schoolId && m.PersonId == target)
                .Select(m => m.PersonId),
            AudienceKind.ClassStudents => db
                .Enrolments.Where(e => e.SchoolClassId == target && e.SchoolClass!.SchoolId == schoolId)
                .Select(e => e.StudentId),
            AudienceKind.ClassParents => db
                .Guardianships.Where(g =>
                    db.Enrolments.Any(e =>
                        e.StudentId == g.StudentId && e.SchoolClassId == target && e.SchoolClass!.SchoolId == schoolId
                    )
                )
                .Select(g => g.ParentId),
            AudienceKind.ClassTeachers => db
                .TeachingAssignments.Where(a => a.SchoolClassId == target && a.SchoolClass!.SchoolId == schoolId)
                .Select(a => a.TeacherId),
            AudienceKind.GroupStudents => db
                .GroupEnrolments.Where(e => e.TeachingGroupId == target && e.TeachingGroup!.SchoolId == schoolId)
                .Select(e => e.StudentId),
            _ => db
                .Memberships.Where(m => m.SchoolId == schoolId && ((int)m.Profiles & target) != 0)
                .Select(m => m.PersonId),
        };
    }

    /// <summary>
    /// The direction, the CPE, the secrétariat and the admins write to everyone of their établissement, whatever the
    /// switches (<see cref="Right.ReachEveryone"/>); other staff (an agent, a librarian) write to the personnel.
    /// </summary>
    public static bool ReachesEveryone(Sender sender) => FunctionRights.Allows(Right.ReachEveryone, sender.Holder);

    /// <summary>Everyone this sender would reach if only <paramref name="rules"/> were on.</summary>
    private static IQueryable<int> Under(EnoeDbContext db, Sender sender, MemoRules rules)
    {
        var (me, profiles) = (sender.PersonId, sender.Profiles);
        var members = db.Memberships.Where(m => m.SchoolId == sender.SchoolId);
        if (ReachesEveryone(sender))
            return members.Select(m => m.PersonId);
        IQueryable<int> With(Profile p) => members.Where(m => (m.Profiles & p) != 0).Select(m => m.PersonId);
        bool Allows(Profile who, MemoRules rule) => profiles.HasAny(who) && rules.HasFlag(rule);

        var myClasses = db.Enrolments.Where(e => e.StudentId == me).Select(e => e.SchoolClassId);
        var myGroups = db.GroupEnrolments.Where(e => e.StudentId == me).Select(e => e.TeachingGroupId);
        var children = db.Guardianships.Where(g => g.ParentId == me).Select(g => g.StudentId);
        var childClasses = db.Enrolments.Where(e => children.Contains(e.StudentId)).Select(e => e.SchoolClassId);
        var childGroups = db.GroupEnrolments.Where(e => children.Contains(e.StudentId)).Select(e => e.TeachingGroupId);
        var taughtClasses = db
            .TeachingAssignments.Where(a => a.TeacherId == me && a.SchoolClassId != null)
            .Select(a => a.SchoolClassId!.Value);
        var taughtGroups = db
            .TeachingAssignments.Where(a => a.TeacherId == me && a.TeachingGroupId != null)
            .Select(a => a.TeachingGroupId!.Value);
        var taughtStudents = db
            .Enrolments.Where(e => taughtClasses.Contains(e.SchoolClassId))
            .Select(e => e.StudentId)
            .Union(db.GroupEnrolments.Where(e => taughtGroups.Contains(e.TeachingGroupId)).Select(e => e.StudentId));

        var reach = new List<IQueryable<int>>();
        if (FunctionRights.Allows(Right.ReachPersonnel, sender.Holder))
            reach.Add(With(Profile.Personnel));
        if (Allows(Profile.Teacher, MemoRules.TeachersToColleagues))
            reach.Add(With(Profile.Personnel));
        if (Allows(Profile.Teacher, MemoRules.TeachersToStudents))
            reach.Add(taughtStudents);
        if (Allows(Profile.Teacher, MemoRules.TeachersToParents))
            reach.Add(db.Guardianships.Where(g => taughtStudents.Contains(g.StudentId)).Select(g => g.ParentId));
        if (Allows(Profile.Student, MemoRules.StudentsToTheirTeachers))
            reach.Add(
                db.TeachingAssignments.Where(a =>
                        (a.SchoolClassId != null && myClasses.Contains(a.SchoolClassId.Value))
                        || (a.TeachingGroupId != null && myGroups.Contains(a.TeachingGroupId.Value))
                    )
                    .Select(a => a.TeacherId)
            );
        if (Allows(Profile.Student, MemoRules.StudentsToStaff))
            reach.Add(With(Profile.Direction));
        if (Allows(Profile.Student, MemoRules.StudentsToClassmates))
            reach.Add(
                db.Enrolments.Where(e => myClasses.Contains(e.SchoolClassId))
                    .Select(e => e.StudentId)
                    .Union(db.GroupEnrolments.Where(e => myGroups.Contains(e.TeachingGroupId)).Select(e => e.StudentId))
            );
        if (Allows(Profile.Parent, MemoRules.ParentsToTeachers))
            reach.Add(
                db.TeachingAssignments.Where(a =>
                        (a.SchoolClassId != null && childClasses.Contains(a.SchoolClassId.Value))
                        || (a.TeachingGroupId != null && childGroups.Contains(a.TeachingGroupId.Value))
                    )
                    .Select(a => a.TeacherId)
            );
        if (Allows(Profile.Parent, MemoRules.ParentsToStaff))
            reach.Add(With(Profile.Direction));
        if (Allows(Profile.Parent, MemoRules.ParentsToClassParents))
            reach.Add(
                db.Guardianships.Where(g =>
                        db.Enrolments.Any(e => e.StudentId == g.StudentId && childClasses.Contains(e.SchoolClassId))
                    )
                    .Select(g => g.ParentId)
            );

        if (reach.Count == 0)
            return members.Where(m => false).Select(m => m.PersonId);
        var all = reach.Aggregate((a, b) => a.Union(b));
        return members.Where(m => all.Contains(m.PersonId)).Select(m => m.PersonId);
    }
}
