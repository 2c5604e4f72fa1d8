using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Assignments;

/// <summary>What a student, or a parent for their child, sees of the devoirs set to them.</summary>
public sealed partial class AssignmentService
{
    /// <summary>
    /// A student's devoirs (their own, or a parent's child's), with the status of their submission; soonest due first.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentListItem>> ListForLearnerAsync(
        CurrentUser user,
        int? childId = null,
        DateTime? dueAfter = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LearnerGateAsync(db, user, childId, ct) is not int student)
            return [];
        var query = OfLearner(db, student);
        if (dueAfter is DateTime after)
            query = query.Where(a => a.DueAt >= after);
        return await LearnerItemsAsync(db, query.OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(100), student, ct);
    }

    /// <summary>
    /// The student whose devoirs this person follows (themself, or their child) and that student's classes and groups:
    /// what a devoir set live is checked against (<see cref="AssignmentChanged.IsSetTo"/>). Null for anyone else, or
    /// where the student's établissement does not run the service.
    /// </summary>
    public async Task<LearnerAudience?> LearnerAudienceAsync(
        CurrentUser user,
        int? childId = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LearnerGateAsync(db, user, childId, ct) is int student
            ? await AudienceOfAsync(db, student, ct)
            : null;
    }

    /// <summary>
    /// What "Devoirs à rendre" opens with, behind one gate: <see cref="LearnerAudienceAsync"/> and the first
    /// <paramref name="take"/> devoirs of <see cref="ListForLearnerAsync"/> due after <paramref name="dueAfter"/>.
    /// </summary>
    public async Task<LearnerDue?> DueForLearnerAsync(
        CurrentUser user,
        int? childId,
        DateTime dueAfter,
        int take,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await LearnerGateAsync(db, user, childId, ct) is not int student)
            return null;
        var audience = await AudienceOfAsync(db, student, ct);
        var due = OfLearner(db, student).Where(a => a.DueAt >= dueAfter).OrderBy(a => a.DueAt).ThenBy(a => a.Id);
        return new LearnerDue(audience, await LearnerItemsAsync(db, due.Take(take), student, ct));
    }

    private static async Task<LearnerAudience> AudienceOfAsync(EnoeDbContext db, int student, CancellationToken ct)
    {
        // One round trip for both, as LogbookService.ReaderAudiencesAsync reads them.
        var ids = await db
            .Enrolments.Where(e => e.StudentId == student)
            .Select(e => new { Class = (int?)e.SchoolClassId, Group = (int?)null })
            .Concat(
                db.GroupEnrolments.Where(e => e.StudentId == student)
                    .Select(e => new { Class = (int?)null, Group = (int?)e.TeachingGroupId })
            )
            .ToListAsync(ct);
        int[] classes = [.. ids.Where(i => i.Class is not null).Select(i => i.Class!.Value)];
        int[] groups = [.. ids.Where(i => i.Group is not null).Select(i => i.Group!.Value)];
        return new LearnerAudience(student, classes, groups);
    }

    /// <summary>The student this person follows, if the student's établissement runs the service.</summary>
    private async Task<int?> LearnerGateAsync(EnoeDbContext db, CurrentUser user, int? childId, CancellationToken ct)
    {
        if (
            await StudentRecords.ResolveInSchoolAsync(db, user.PersonId, childId, null, ct)
            is not var (student, _, school)
        )
            return null;
        // The child's établissement decides, not the session's (a parent of children in two schools).
        return await access.RefusalAsync(user, EntService.Documents, school ?? user.SchoolId, ct) is null
            ? student
            : null;
    }

    /// <summary>
    /// Devoirs as a student's list shows them, with <paramref name="studentId"/>'s status (for a devoir just set, any
    /// student: nothing is handed in yet).
    /// </summary>
    private static async Task<List<AssignmentListItem>> LearnerItemsAsync(
        EnoeDbContext db,
        IQueryable<Assignment> assignments,
        int studentId,
        CancellationToken ct
    )
    {
        var rows = await assignments
            .Select(a => new
            {
                Item = new AssignmentListItem(
                    a.Id,
                    a.Title,
                    a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name,
                    a.Subject!.Name,
                    a.Teacher!.FirstName + " " + a.Teacher.LastName,
                    a.DueAt,
                    a.AcceptsLate,
                    null,
                    0,
                    0,
                    0
                ),
                Returned = db.Set<SubmissionReturn>().Any(r => r.AssignmentId == a.Id && r.StudentId == studentId),
                LastLate = db.Set<Submission>()
                    .Where(s => s.AssignmentId == a.Id && s.StudentId == studentId)
                    .OrderByDescending(s => s.Number)
                    .Select(s => (bool?)s.Late)
                    .FirstOrDefault(),
            })
            .AsNoTracking()
            .ToListAsync(ct);
        return
        [
            .. rows.Select(r =>
                r.Item with
                {
                    Status = r.Returned
                        ? SubmissionStatus.Returned
                        : r.LastLate switch
                        {
                            null => SubmissionStatus.Missing,
                            true => SubmissionStatus.Late,
                            false => SubmissionStatus.HandedIn,
                        },
                }
            ),
        ];
    }
}
