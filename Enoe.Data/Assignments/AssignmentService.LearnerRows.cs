using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Assignments;

/// <summary>
/// A learner's devoirs as flat rows, which a query can put together with the learner's classes and groups (rows of
/// the same shape naming only a class or a group): "Devoirs à rendre" opens with both in one round trip.
/// </summary>
public sealed partial class AssignmentService
{
    private sealed class LearnerRow
    {
        public int? Class { get; init; }
        public int? Group { get; init; }
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public string Audience { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Teacher { get; init; } = "";
        public DateTime? DueAt { get; init; } // null on a class's or a group's row
        public bool AcceptsLate { get; init; }
        public bool Returned { get; init; }
        public bool? LastLate { get; init; }
    }

    /// <summary>
    /// Each devoir with what <paramref name="studentId"/> did of it: handed in (late or not), returned.
    /// </summary>
    private static IQueryable<LearnerRow> Rows(EnoeDbContext db, IQueryable<Assignment> assignments, int studentId) =>
        assignments
            .Select(a => new LearnerRow
            {
                Class = null,
                Group = null,
                Id = a.Id,
                Title = a.Title,
                Audience = a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name,
                Subject = a.Subject!.Name,
                Teacher = a.Teacher!.FirstName + " " + a.Teacher.LastName,
                DueAt = a.DueAt,
                AcceptsLate = a.AcceptsLate,
                Returned = db.Set<SubmissionReturn>().Any(r => r.AssignmentId == a.Id && r.StudentId == studentId),
                LastLate = db.Set<Submission>()
                    .Where(s => s.AssignmentId == a.Id && s.StudentId == studentId)
                    .OrderByDescending(s => s.Number)
                    .Select(s => (bool?)s.Late)
                    .FirstOrDefault(),
            })
            .AsNoTracking();

    /// <summary>
    /// The classes and groups <paramref name="student"/> is enrolled in, one row each (every member assigned: a set
    /// operation wants both sides alike).
    /// </summary>
    private static IQueryable<LearnerRow> AudienceRows(EnoeDbContext db, int student) =>
        db
            .Enrolments.Where(e => e.StudentId == student)
            .Select(e => new { Class = (int?)e.SchoolClassId, Group = (int?)null })
            .Concat(
                db.GroupEnrolments.Where(e => e.StudentId == student)
                    .Select(e => new { Class = (int?)null, Group = (int?)e.TeachingGroupId })
            )
            .Select(x => new LearnerRow
            {
                Class = x.Class,
                Group = x.Group,
                Id = 0,
                Title = "",
                Audience = "",
                Subject = "",
                Teacher = "",
                DueAt = null,
                AcceptsLate = false,
                Returned = false,
                LastLate = null,
            });

    private static AssignmentListItem Item(LearnerRow r) =>
        new(
            r.Id,
            r.Title,
            r.Audience,
            r.Subject,
            r.Teacher,
            r.DueAt!.Value,
            r.AcceptsLate,
            r.Returned
                ? SubmissionStatus.Returned
                : r.LastLate switch
                {
                    null => SubmissionStatus.Missing,
                    true => SubmissionStatus.Late,
                    false => SubmissionStatus.HandedIn,
                },
            0,
            0,
            0
        );
}
