using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Assignments;

/// <summary>
/// Remise de copies. The teachers of a class or group in a subject set devoirs and follow and
/// return their submissions; the students of that class or group hand in; parents follow their
/// children's. Every method checks these rights against the database.
/// </summary>
public sealed partial class AssignmentService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    FileStore files,
    TimeProvider clock,
    IEventBus events,
    ServiceAccess access,
    ILogger<AssignmentService> logger,
    Notifications.NotificationService notifications
)
{
    public const int CommentMax = 5_000;
    private static readonly AssignmentDraftValidator Validator = new();
    private static Refusal NotYours => Result.Forbidden(AssignmentMessages.NotYours);

    /// <summary>
    /// The devoirs this person sets (as a teacher of the class or group, co-teachers included) in
    /// their current établissement, most recent first: a teacher of two établissements, each with
    /// its own 3eB, sees one établissement's devoirs at a time, like the rest of the workspace.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentListItem>> ListSetAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Documents, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Managed(db, user.PersonId)
            .Where(a => a.SchoolId == user.SchoolId)
            .OrderByDescending(a => a.DueAt)
            .Take(100)
            .Select(a => new AssignmentListItem(
                a.Id,
                a.Title,
                a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name,
                a.Subject!.Name,
                a.Teacher!.FirstName + " " + a.Teacher.LastName,
                a.DueAt,
                a.AcceptsLate,
                null,
                db.Set<Submission>().Where(s => s.AssignmentId == a.Id).Select(s => s.StudentId).Distinct().Count(),
                a.SchoolClassId != null
                    ? db.Enrolments.Count(e => e.SchoolClassId == a.SchoolClassId)
                    : db.GroupEnrolments.Count(e => e.TeachingGroupId == a.TeachingGroupId),
                db.Set<Submission>()
                    .Where(s =>
                        s.AssignmentId == a.Id
                        && !db.Set<SubmissionReturn>().Any(r => r.AssignmentId == a.Id && r.StudentId == s.StudentId)
                    )
                    .Select(s => s.StudentId)
                    .Distinct()
                    .Count()
            ))
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>
    /// A devoir as this person may see it: its teachers get every student's submissions; a student
    /// their own; a parent their child's (<paramref name="childId"/>, or their only child).
    /// </summary>
    public async Task<Result<AssignmentDetail>> GetAsync(
        CurrentUser user,
        int assignmentId,
        int? childId = null,
        CancellationToken ct = default
    )
    {
        if (await GateAsync(user, assignmentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var manages = await Managed(db, user.PersonId).AnyAsync(a => a.Id == assignmentId, ct);
        int? student = null;
        if (!manages)
        {
            student = await LearnerAsync(db, user.PersonId, childId, ct);
            if (student is null || !await OfLearner(db, student.Value).AnyAsync(a => a.Id == assignmentId, ct))
                return Result.NotFound(AssignmentMessages.NotFoundOrNotYours);
        }
        var a = await db.Set<Assignment>()
            .AsNoTracking()
            .Where(x => x.Id == assignmentId)
            .Select(x => new
            {
                x.Id,
                x.Title,
                x.Instructions,
                x.DueAt,
                x.AcceptsLate,
                x.SchoolClassId,
                x.TeachingGroupId,
                Audience = x.SchoolClass != null ? x.SchoolClass.Name : x.TeachingGroup!.Name,
                Subject = x.Subject!.Name,
                Teacher = x.Teacher!.FirstName + " " + x.Teacher.LastName,
                Files = x.Files.Select(f => new FileView(f.FileId, f.File!.Name, f.File.Length)).ToList(),
            })
            .FirstAsync(ct);

        var students = manages
            ? ClassContent.Students(db, a.SchoolClassId, a.TeachingGroupId)
            : db.Users.Where(p => p.Id == student).Select(p => p.Id);
        var people = await db
            .Users.Where(p => students.Contains(p.Id))
            .OrderBy(p => p.LastName)
            .ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, Name = PersonNames.Listed(p.LastName, p.FirstName) })
            .ToListAsync(ct);
        var submissions = await db.Set<Submission>()
            .AsNoTracking()
            .Where(s => s.AssignmentId == assignmentId && students.Contains(s.StudentId))
            .OrderBy(s => s.Number)
            .Select(s => new
            {
                s.StudentId,
                View = new SubmissionView(
                    s.Number,
                    s.SubmittedAt,
                    s.Late,
                    s.Files.Select(f => new FileView(f.FileId, f.File!.Name, f.File.Length)).ToList()
                ),
            })
            .ToListAsync(ct);
        await Privacy.AccessLog.RecordAsync(
            db,
            clock,
            user,
            [.. submissions.Select(s => s.StudentId)],
            Privacy.PersonalDataKind.Submissions,
            ct
        );
        var returns = await db.Set<SubmissionReturn>()
            .AsNoTracking()
            .Where(r => r.AssignmentId == assignmentId && students.Contains(r.StudentId))
            .Select(r => new
            {
                r.StudentId,
                View = new ReturnView(
                    r.Comment,
                    r.File == null ? null : new FileView(r.File.Id, r.File.Name, r.File.Length),
                    r.ReturnedAt
                ),
            })
            .ToListAsync(ct);
        var roster = people
            .Select(p => new RosterRow(
                p.Id,
                p.Name,
                [.. submissions.Where(s => s.StudentId == p.Id).Select(s => s.View)],
                returns.FirstOrDefault(r => r.StudentId == p.Id)?.View
            ))
            .ToList();
        return Result<AssignmentDetail>.Ok(
            new AssignmentDetail(
                a.Id,
                a.Title,
                a.Audience,
                a.Subject,
                a.Teacher,
                a.Instructions,
                a.DueAt,
                a.AcceptsLate,
                a.Files,
                manages,
                manages ? roster : [],
                manages ? null : roster.FirstOrDefault()
            )
        );
    }

    private static Refusal NotYourClass => Result.Forbidden(AssignmentMessages.NotYourClass);

    /// <summary>
    /// The gate of the établissement the devoir belongs to, whatever the session's (a teacher of two schools, a
    /// parent of children in two).
    /// </summary>
    private ValueTask<Refusal?> GateAsync(CurrentUser user, int assignmentId, CancellationToken ct) =>
        Gate(user, db => db.Set<Assignment>().Where(a => a.Id == assignmentId).Select(a => a.SchoolId), ct);

    private ValueTask<Refusal?> AudienceGateAsync(CurrentUser user, AssignmentDraft draft, CancellationToken ct) =>
        Gate(user, db => DataSchoolGate.SchoolOfAudience(db, draft.SchoolClassId, draft.TeachingGroupId), ct);

    private ValueTask<Refusal?> Gate(
        CurrentUser user,
        Func<EnoeDbContext, IQueryable<int>> school,
        CancellationToken ct
    ) => access.RefusalForAsync(dbFactory, user, EntService.Documents, school, ct);

    private static Task<int?> TaughtSchoolAsync(
        EnoeDbContext db,
        int teacherId,
        AssignmentDraft d,
        CancellationToken ct
    ) => ClassContent.TaughtSchoolAsync(db, teacherId, d.SchoolClassId, d.TeachingGroupId, d.SubjectId, ct);

    /// <summary>
    /// The student this person follows: themself, or a child of theirs (the first when none is named).
    /// </summary>
    private static async Task<int?> LearnerAsync(EnoeDbContext db, int me, int? childId, CancellationToken ct) =>
        (await StudentRecords.ResolveAsync(db, me, childId, right: null, ct))?.StudentId;

    /// <summary>Devoirs a teacher sets or co-teaches: same class or group, same subject.</summary>
    internal static IQueryable<Assignment> Managed(EnoeDbContext db, int teacherId) =>
        db.Set<Assignment>().TaughtBy(db, teacherId);

    /// <summary>Devoirs set to a student's classes and groups.</summary>
    internal static IQueryable<Assignment> OfLearner(EnoeDbContext db, int studentId) =>
        db.Set<Assignment>().SetTo(db, studentId);
}
