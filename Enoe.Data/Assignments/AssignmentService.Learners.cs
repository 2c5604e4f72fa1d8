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
        var due = OfLearner(db, student).Where(a => a.DueAt >= dueAfter).OrderBy(a => a.DueAt).ThenBy(a => a.Id);
        // The devoirs and the learner's classes and groups in one round trip: rows of either kind, told apart by
        // whether they name a class or a group.
        var rows = await Rows(db, due.Take(take), student).Concat(AudienceRows(db, student)).ToListAsync(ct);
        var devoirs = rows.Where(r => r.Class is null && r.Group is null).OrderBy(r => r.DueAt).ThenBy(r => r.Id);
        return new LearnerDue(AudienceOf(student, rows), [.. devoirs.Select(Item)]);
    }

    private static async Task<LearnerAudience> AudienceOfAsync(EnoeDbContext db, int student, CancellationToken ct) =>
        AudienceOf(student, await AudienceRows(db, student).ToListAsync(ct));

    private static LearnerAudience AudienceOf(int student, List<LearnerRow> rows) =>
        new(
            student,
            [.. rows.Where(r => r.Class is not null).Select(r => r.Class!.Value)],
            [.. rows.Where(r => r.Group is not null).Select(r => r.Group!.Value)]
        );

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
    ) => [.. (await Rows(db, assignments, studentId).ToListAsync(ct)).Select(Item)];
}
