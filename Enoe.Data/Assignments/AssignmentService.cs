using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Assignments;

/// <summary>
/// Remise de copies. The teachers of a class or group in a subject set devoirs and follow and
/// return their submissions; the students of that class or group hand in; parents follow their
/// children's. Every method checks these rights against the database.
/// </summary>
public sealed class AssignmentService(IDbContextFactory<EnoeDbContext> dbFactory, FileStore files, TimeProvider clock, IEventBus events)
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Managed(db, user.PersonId).Where(a => a.SchoolId == user.SchoolId).OrderByDescending(a => a.DueAt).Take(100)
            .Select(a => new AssignmentListItem(a.Id, a.Title, a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name, a.Subject!.Name,
                a.Teacher!.FirstName + " " + a.Teacher.LastName, a.DueAt, a.AcceptsLate, null,
                db.Set<Submission>().Where(s => s.AssignmentId == a.Id).Select(s => s.StudentId).Distinct().Count(),
                a.SchoolClassId != null ? db.Enrolments.Count(e => e.SchoolClassId == a.SchoolClassId) : db.GroupEnrolments.Count(e => e.TeachingGroupId == a.TeachingGroupId),
                db.Set<Submission>().Where(s => s.AssignmentId == a.Id && !db.Set<SubmissionReturn>().Any(r => r.AssignmentId == a.Id && r.StudentId == s.StudentId))
                    .Select(s => s.StudentId).Distinct().Count()))
            .AsNoTracking().ToListAsync(ct);
    }

    /// <summary>A student's devoirs (their own, or a parent's child's), with the status of their submission; soonest due first.</summary>
    public async Task<IReadOnlyList<AssignmentListItem>> ListForLearnerAsync(CurrentUser user, int? childId = null, DateTime? dueAfter = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var student = await LearnerAsync(db, user.PersonId, childId, ct);
        if (student is null) return [];
        var query = OfLearner(db, student.Value);
        if (dueAfter is DateTime after) query = query.Where(a => a.DueAt >= after);
        var rows = await query.OrderBy(a => a.DueAt).Take(100)
            .Select(a => new
            {
                Item = new AssignmentListItem(a.Id, a.Title, a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name, a.Subject!.Name,
                    a.Teacher!.FirstName + " " + a.Teacher.LastName, a.DueAt, a.AcceptsLate, null, 0, 0, 0),
                Returned = db.Set<SubmissionReturn>().Any(r => r.AssignmentId == a.Id && r.StudentId == student),
                LastLate = db.Set<Submission>().Where(s => s.AssignmentId == a.Id && s.StudentId == student).OrderByDescending(s => s.Number).Select(s => (bool?)s.Late).FirstOrDefault(),
            })
            .AsNoTracking().ToListAsync(ct);
        return [.. rows.Select(r => r.Item with
        {
            Status = r.Returned ? SubmissionStatus.Returned : r.LastLate switch { null => SubmissionStatus.Missing, true => SubmissionStatus.Late, false => SubmissionStatus.HandedIn },
        })];
    }

    /// <summary>
    /// A devoir as this person may see it: its teachers get every student's submissions; a student
    /// their own; a parent their child's (<paramref name="childId"/>, or their only child).
    /// </summary>
    public async Task<Result<AssignmentDetail>> GetAsync(CurrentUser user, int assignmentId, int? childId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var manages = await Managed(db, user.PersonId).AnyAsync(a => a.Id == assignmentId, ct);
        int? student = null;
        if (!manages)
        {
            student = await LearnerAsync(db, user.PersonId, childId, ct);
            if (student is null || !await OfLearner(db, student.Value).AnyAsync(a => a.Id == assignmentId, ct))
                return Result.NotFound(AssignmentMessages.NotFoundOrNotYours);
        }
        var a = await db.Set<Assignment>().AsNoTracking().Where(x => x.Id == assignmentId)
            .Select(x => new
            {
                x.Id, x.Title, x.Instructions, x.DueAt, x.AcceptsLate, x.SchoolClassId, x.TeachingGroupId,
                Audience = x.SchoolClass != null ? x.SchoolClass.Name : x.TeachingGroup!.Name, Subject = x.Subject!.Name,
                Teacher = x.Teacher!.FirstName + " " + x.Teacher.LastName,
                Files = x.Files.Select(f => new FileView(f.FileId, f.File!.Name, f.File.Length)).ToList(),
            }).FirstAsync(ct);

        var students = manages
            ? ClassContent.Students(db, a.SchoolClassId, a.TeachingGroupId)
            : db.Users.Where(p => p.Id == student).Select(p => p.Id);
        var people = await db.Users.Where(p => students.Contains(p.Id)).OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, Name = PersonNames.Listed(p.LastName, p.FirstName) }).ToListAsync(ct);
        var submissions = await db.Set<Submission>().AsNoTracking().Where(s => s.AssignmentId == assignmentId && students.Contains(s.StudentId))
            .OrderBy(s => s.Number)
            .Select(s => new { s.StudentId, View = new SubmissionView(s.Number, s.SubmittedAt, s.Late, s.Files.Select(f => new FileView(f.FileId, f.File!.Name, f.File.Length)).ToList()) })
            .ToListAsync(ct);
        var returns = await db.Set<SubmissionReturn>().AsNoTracking().Where(r => r.AssignmentId == assignmentId && students.Contains(r.StudentId))
            .Select(r => new { r.StudentId, View = new ReturnView(r.Comment, r.File == null ? null : new FileView(r.File.Id, r.File.Name, r.File.Length), r.ReturnedAt) })
            .ToListAsync(ct);
        var roster = people.Select(p => new RosterRow(p.Id, p.Name,
            [.. submissions.Where(s => s.StudentId == p.Id).Select(s => s.View)],
            returns.FirstOrDefault(r => r.StudentId == p.Id)?.View)).ToList();
        return Result<AssignmentDetail>.Ok(new AssignmentDetail(a.Id, a.Title, a.Audience, a.Subject, a.Teacher, a.Instructions, a.DueAt, a.AcceptsLate, a.Files,
            manages, manages ? roster : [], manages ? null : roster.FirstOrDefault()));
    }

    /// <summary>Sets a devoir, with its subject files, for a class or group the teacher teaches in that subject.</summary>
    public async Task<Result<int>> CreateAsync(CurrentUser user, AssignmentDraft draft, IReadOnlyList<FileUpload> subjectFiles, CancellationToken ct = default)
    {
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid) return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        var dueAt = SchoolTime.ToUtc(draft.DueLocal);
        if (dueAt <= clock.GetUtcNow().UtcDateTime) return Result.Invalid([AssignmentMessages.DeadlineInThePast]);
        int? school;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            school = await TaughtSchoolAsync(db, user.PersonId, draft, ct);
        if (school is null) return NotYourClass;

        Assignment? created = null;
        var result = await files.SaveWithFilesAsync(user.PersonId, school.Value, subjectFiles, async (db, stored) =>
        {
            if (await TaughtSchoolAsync(db, user.PersonId, draft, ct) is null) return NotYourClass;
            created = new Assignment
            {
                SchoolId = school.Value, SchoolClassId = draft.SchoolClassId, TeachingGroupId = draft.TeachingGroupId, SubjectId = draft.SubjectId,
                TeacherId = user.PersonId, Title = draft.Title.Trim(), Instructions = draft.Instructions.Trim(), DueAt = dueAt,
                AcceptsLate = draft.AcceptsLate, CreatedAt = clock.GetUtcNow().UtcDateTime,
                Files = [.. stored.Select(f => new AssignmentFile { File = f })],
            };
            db.Add(created);
            return Result<int>.Ok(0);
        }, ct);
        if (!result.Succeeded) return result;
        await events.PublishAsync(new AssignmentChanged(created!.Id, null));
        return Result<int>.Ok(created.Id);
    }

    /// <summary>
    /// A student hands in a submission (one or more files). Earlier hand-ins stay as versions; after the
    /// deadline the submission is flagged late, or refused when the devoir says so — checked before any
    /// byte is written, and again inside the write.
    /// </summary>
    public async Task<Result<SubmissionView>> HandInAsync(CurrentUser user, int assignmentId, IReadOnlyList<FileUpload> uploads, CancellationToken ct = default)
    {
        if (uploads.Count == 0) return Result.Invalid([AssignmentMessages.AddAFile]);
        var check = await CanHandInAsync(user.PersonId, assignmentId, ct);
        if (!check.Succeeded) return check.Failure;

        Submission? saved = null;
        var result = await files.SaveWithFilesAsync(user.PersonId, check.Value, uploads, async (db, stored) =>
        {
            var due = await db.Set<Assignment>().Where(a => a.Id == assignmentId).Select(a => new { a.DueAt, a.AcceptsLate }).FirstOrDefaultAsync(ct);
            if (due is null) return Result.NotFound(AssignmentMessages.NotSetForYou); // deleted meanwhile
            var now = clock.GetUtcNow().UtcDateTime;
            if (now > due.DueAt && !due.AcceptsLate) return Closed(due.DueAt);
            var number = await db.Set<Submission>().Where(s => s.AssignmentId == assignmentId && s.StudentId == user.PersonId).MaxAsync(s => (int?)s.Number, ct) ?? 0;
            saved = new Submission
            {
                AssignmentId = assignmentId, StudentId = user.PersonId, Number = number + 1, SubmittedAt = now, Late = now > due.DueAt,
                Files = [.. stored.Select(f => new SubmissionFile { File = f })],
            };
            db.Add(saved);
            return Result<SubmissionView>.Ok(null!);
        }, ct);
        if (!result.Succeeded) return result;
        await events.PublishAsync(new AssignmentChanged(assignmentId, user.PersonId));
        return Result<SubmissionView>.Ok(new SubmissionView(saved!.Number, saved.SubmittedAt, saved.Late,
            [.. saved.Files.Select(f => new FileView(f.File!.Id, f.File.Name, f.File.Length))]));
    }

    /// <summary>The school of the devoir when this person, a student it is set to, may still hand in now.</summary>
    private async Task<Result<int>> CanHandInAsync(int studentId, int assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await OfLearner(db, studentId).Where(x => x.Id == assignmentId).Select(x => new { x.SchoolId, x.DueAt, x.AcceptsLate }).FirstOrDefaultAsync(ct);
        if (a is null) return Result.NotFound(AssignmentMessages.NotSetForYou);
        if (clock.GetUtcNow().UtcDateTime > a.DueAt && !a.AcceptsLate) return Closed(a.DueAt);
        return Result<int>.Ok(a.SchoolId);
    }

    /// <summary>A teacher of the devoir returns a student's submission with a comment and optionally an annotated file; returning again replaces it.</summary>
    public async Task<Result> ReturnAsync(CurrentUser user, int assignmentId, int studentId, string comment, FileUpload? annotated, CancellationToken ct = default)
    {
        comment = comment.Trim();
        if (comment.Length == 0 && annotated is null) return Result.Invalid([AssignmentMessages.CommentOrFile]);
        if (comment.Length > CommentMax) return Result.Invalid([AssignmentMessages.FormatCommentTooLong(CommentMax)]);
        int school;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await ReturnableAsync(db, user.PersonId, assignmentId, studentId, ct);
            if (!found.Succeeded) return found;
            school = found.Value;
        }
        Guid? replaced = null;
        var result = await files.SaveWithFilesAsync(user.PersonId, school, annotated is null ? [] : [annotated], async (db, stored) =>
        {
            var again = await ReturnableAsync(db, user.PersonId, assignmentId, studentId, ct);
            if (!again.Succeeded) return again.Failure;
            var existing = await db.Set<SubmissionReturn>().Include(r => r.File).FirstOrDefaultAsync(r => r.AssignmentId == assignmentId && r.StudentId == studentId, ct);
            if (existing is null) db.Add(existing = new SubmissionReturn { AssignmentId = assignmentId, StudentId = studentId });
            if (stored.Count > 0 && existing.File is { } old)
            {
                replaced = old.BlobId;
                db.Remove(old);
            }
            existing.Comment = comment;
            if (stored.Count > 0) existing.File = stored[0];
            existing.ReturnedAt = clock.GetUtcNow().UtcDateTime;
            existing.ReturnedById = user.PersonId;
            return Result<bool>.Ok(true);
        }, ct);
        if (!result.Succeeded) return result;
        if (replaced is Guid blob) files.DeleteBlobs([blob]);
        await events.PublishAsync(new AssignmentChanged(assignmentId, studentId));
        return Result.Ok();
    }

    /// <summary>
    /// Deletes a devoir set by mistake, with its subject files, for a teacher of it — only while no
    /// submission has been handed in: a student's work is never lost with a devoir. The check and the
    /// deletion are one statement, so a submission arriving at the same moment keeps the devoir.
    /// </summary>
    public async Task<Result> DeleteAsync(CurrentUser user, int assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subject = await Managed(db, user.PersonId).Where(a => a.Id == assignmentId)
            .Select(a => a.Files.Select(f => new { f.FileId, f.File!.BlobId }).ToList()).FirstOrDefaultAsync(ct);
        if (subject is null) return NotYours;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.Set<Assignment>()
            .Where(a => a.Id == assignmentId && !db.Set<Submission>().Any(s => s.AssignmentId == assignmentId))
            .ExecuteDeleteAsync(ct);
        if (deleted == 0) return Result.Invalid([AssignmentMessages.HasSubmissions]);
        var fileIds = subject.Select(f => f.FileId).ToList();
        await db.Set<StoredFile>().Where(f => fileIds.Contains(f.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        files.DeleteBlobs(subject.Select(f => f.BlobId));
        await events.PublishAsync(new AssignmentChanged(assignmentId, null));
        return Result.Ok();
    }

    /// <summary>Every student's latest submission, as zip entries named by student, for a teacher of the devoir.</summary>
    public async Task<Result<(string ZipName, IReadOnlyList<(string EntryName, StoredFile File)> Entries)>> SubmissionsZipAsync(CurrentUser user, int assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await Managed(db, user.PersonId).Where(x => x.Id == assignmentId)
            .Select(x => new { x.Title, Audience = x.SchoolClass != null ? x.SchoolClass.Name : x.TeachingGroup!.Name }).FirstOrDefaultAsync(ct);
        if (a is null) return NotYours;
        var latest = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.AssignmentId == assignmentId && !db.Set<Submission>().Any(n => n.AssignmentId == assignmentId && n.StudentId == s.StudentId && n.Number > s.Number))
            .OrderBy(s => s.Student!.LastName).ThenBy(s => s.Student!.FirstName)
            .Select(s => new { Student = PersonNames.Listed(s.Student!.LastName, s.Student.FirstName), s.Late, Files = s.Files.Select(f => f.File!).ToList() })
            .ToListAsync(ct);
        var entries = new List<(string, StoredFile)>();
        foreach (var s in latest)
        {
            var folder = s.Late ? FileNames.Safe(AssignmentMessages.FormatLateFolder(s.Student)) : FileNames.Safe(s.Student);
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in s.Files)
            {
                var name = f.Name;
                for (var i = 2; !used.Add(name); i++) name = $"{Path.GetFileNameWithoutExtension(f.Name)} ({i}){Path.GetExtension(f.Name)}";
                entries.Add(($"{folder}/{name}", f));
            }
        }
        return Result<(string, IReadOnlyList<(string, StoredFile)>)>.Ok(($"{FileNames.Safe(a.Title)} - {FileNames.Safe(a.Audience)}.zip", entries));
    }

    /// <summary>The deadline in the reader's language: "vendredi 4 décembre à 18:00", "Friday 4 December at 18:00".</summary>
    private static Refusal Closed(DateTime dueAt)
    {
        var local = SchoolTime.ToLocal(dueAt);
        return Result.Forbidden(AssignmentMessages.FormatClosed(AssignmentMessages.FormatDeadlineAt(local.ToString("dddd d MMMM"), local.ToString("HH:mm"))));
    }

    private static Refusal NotYourClass => Result.Forbidden(AssignmentMessages.NotYourClass);

    private static async Task<Result<int>> ReturnableAsync(EnoeDbContext db, int teacherId, int assignmentId, int studentId, CancellationToken ct)
    {
        var school = await Managed(db, teacherId).Where(a => a.Id == assignmentId).Select(a => (int?)a.SchoolId).FirstOrDefaultAsync(ct);
        if (school is null) return NotYours;
        if (!await db.Set<Submission>().AnyAsync(s => s.AssignmentId == assignmentId && s.StudentId == studentId, ct))
            return Result.Invalid([AssignmentMessages.NothingHandedIn]);
        return Result<int>.Ok(school.Value);
    }

    private static Task<int?> TaughtSchoolAsync(EnoeDbContext db, int teacherId, AssignmentDraft d, CancellationToken ct) =>
        ClassContent.TaughtSchoolAsync(db, teacherId, d.SchoolClassId, d.TeachingGroupId, d.SubjectId, ct);


    /// <summary>The student this person follows: themself, or a child of theirs (the first when none is named).</summary>
    private static async Task<int?> LearnerAsync(EnoeDbContext db, int me, int? childId, CancellationToken ct) =>
        (await StudentRecords.ResolveAsync(db, me, childId, teachers: false, direction: false, ct))?.StudentId;

    /// <summary>Devoirs a teacher sets or co-teaches: same class or group, same subject.</summary>
    internal static IQueryable<Assignment> Managed(EnoeDbContext db, int teacherId) => db.Set<Assignment>().TaughtBy(db, teacherId);

    /// <summary>Devoirs set to a student's classes and groups.</summary>
    internal static IQueryable<Assignment> OfLearner(EnoeDbContext db, int studentId) => db.Set<Assignment>().SetTo(db, studentId);
}

/// <summary>
/// Who reads a devoir's files: its subject, everyone it is set to (and their parents) and its
/// teachers; a submission and its return, the student, their parents and the devoir's teachers.
/// </summary>
public sealed class AssignmentFileRule : IFileReadRule
{
    public async Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var learners = Audiences.Learners(db, personId);
        var subject = db.Set<AssignmentFile>().Where(f => f.FileId == fileId).Select(f => f.AssignmentId);
        if (await subject.AnyAsync(ct))
        {
            var classes = Audiences.Classes(db, personId, learners);
            var groups = Audiences.Groups(db, personId, learners);
            return await db.Set<Assignment>().AnyAsync(a => subject.Contains(a.Id)
                && ((a.SchoolClassId != null && classes.Contains(a.SchoolClassId.Value)) || (a.TeachingGroupId != null && groups.Contains(a.TeachingGroupId.Value))), ct);
        }
        var handedIn = db.Set<Submission>().Where(s => s.Files.Any(f => f.FileId == fileId)).Select(s => new { s.AssignmentId, s.StudentId })
            .Concat(db.Set<SubmissionReturn>().Where(r => r.FileId == fileId).Select(r => new { r.AssignmentId, r.StudentId }));
        var managed = AssignmentService.Managed(db, personId).Select(a => a.Id);
        return await handedIn.AnyAsync(c => learners.Contains(c.StudentId) || managed.Contains(c.AssignmentId), ct);
    }
}
