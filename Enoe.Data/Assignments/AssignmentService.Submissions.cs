using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Privacy;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Assignments;

/// <summary>Hand-ins and returns: students hand in submissions; teachers return them, or download them all.</summary>
public sealed partial class AssignmentService
{
    /// <summary>
    /// A student hands in a submission (one or more files). Earlier hand-ins stay as versions; after the
    /// deadline the submission is flagged late, or refused when the devoir says so — checked before any
    /// byte is written, and again inside the write.
    /// </summary>
    public async Task<Result<SubmissionView>> HandInAsync(
        CurrentUser user,
        int assignmentId,
        IReadOnlyList<FileUpload> uploads,
        CancellationToken ct = default
    )
    {
        if (await GateAsync(user, assignmentId, ct) is { } refused)
            return refused;
        if (uploads.Count == 0)
            return Result.Invalid([AssignmentMessages.AddAFile]);
        var check = await CanHandInAsync(user.PersonId, assignmentId, ct);
        if (!check.Succeeded)
            return check.Failure;

        Submission? saved = null;
        var result = await files.SaveWithFilesAsync(
            user.PersonId,
            check.Value,
            uploads,
            async (db, stored) =>
            {
                await db.LockAsync<Assignment>(assignmentId, ct); // a deletion waits for this hand-in, or went first
                var due = await db.Set<Assignment>()
                    .Where(a => a.Id == assignmentId)
                    .Select(a => new { a.DueAt, a.AcceptsLate })
                    .FirstOrDefaultAsync(ct);
                if (due is null)
                    return Result.NotFound(AssignmentMessages.NotSetForYou); // deleted meanwhile
                var now = clock.GetUtcNow().UtcDateTime;
                if (now > due.DueAt && !due.AcceptsLate)
                    return Closed(due.DueAt);
                var number =
                    await db.Set<Submission>()
                        .Where(s => s.AssignmentId == assignmentId && s.StudentId == user.PersonId)
                        .MaxAsync(s => (int?)s.Number, ct)
                    ?? 0;
                saved = new Submission
                {
                    AssignmentId = assignmentId,
                    StudentId = user.PersonId,
                    Number = number + 1,
                    SubmittedAt = now,
                    Late = now > due.DueAt,
                    Files = [.. stored.Select(f => new SubmissionFile { File = f })],
                };
                db.Add(saved);
                return Result<SubmissionView>.Ok(null!);
            },
            ct
        );
        if (!result.Succeeded)
            return result;
        await events.PublishAsync(new AssignmentChanged(assignmentId, user.PersonId) { SchoolId = check.Value });
        return Result<SubmissionView>.Ok(
            new SubmissionView(
                saved!.Number,
                saved.SubmittedAt,
                saved.Late,
                [.. saved.Files.Select(f => new FileView(f.File!.Id, f.File.Name, f.File.Length))]
            )
        );
    }

    /// <summary>The school of the devoir when this person, a student it is set to, may still hand in now.</summary>
    private async Task<Result<int>> CanHandInAsync(int studentId, int assignmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await OfLearner(db, studentId)
            .Where(x => x.Id == assignmentId)
            .Select(x => new
            {
                x.SchoolId,
                x.DueAt,
                x.AcceptsLate,
            })
            .FirstOrDefaultAsync(ct);
        if (a is null)
            return Result.NotFound(AssignmentMessages.NotSetForYou);
        if (clock.GetUtcNow().UtcDateTime > a.DueAt && !a.AcceptsLate)
            return Closed(a.DueAt);
        return Result<int>.Ok(a.SchoolId);
    }

    /// <summary>
    /// A teacher of the devoir returns a student's submission with a comment and optionally an
    /// annotated file; returning again replaces it.
    /// </summary>
    public async Task<Result> ReturnAsync(
        CurrentUser user,
        int assignmentId,
        int studentId,
        string comment,
        FileUpload? annotated,
        CancellationToken ct = default
    )
    {
        if (await GateAsync(user, assignmentId, ct) is { } refused)
            return refused;
        comment = comment.Trim();
        if (comment.Length == 0 && annotated is null)
            return Result.Invalid([AssignmentMessages.CommentOrFile]);
        if (comment.Length > CommentMax)
            return Result.Invalid([AssignmentMessages.FormatCommentTooLong(CommentMax)]);
        int school;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await ReturnableAsync(db, user.PersonId, assignmentId, studentId, ct);
            if (!found.Succeeded)
                return found;
            school = found.Value;
        }
        Guid? replaced = null;
        IReadOnlyList<FileUpload> upload = annotated is null ? [] : [annotated];
        var result = await files.SaveWithFilesAsync(
            user.PersonId,
            school,
            upload,
            async (db, stored) =>
            {
                // Two teachers (or tabs) returning the same copy at once: one creates the return, the other updates it.
                await db.LockAsync<Assignment>(assignmentId, ct);
                var again = await ReturnableAsync(db, user.PersonId, assignmentId, studentId, ct);
                if (!again.Succeeded)
                    return again.Failure;
                var existing = await db.Set<SubmissionReturn>()
                    .Include(r => r.File)
                    .FirstOrDefaultAsync(r => r.AssignmentId == assignmentId && r.StudentId == studentId, ct);
                if (existing is null)
                    db.Add(existing = new SubmissionReturn { AssignmentId = assignmentId, StudentId = studentId });
                if (stored.Count > 0 && existing.File is { } old)
                {
                    replaced = old.BlobId;
                    db.Remove(old);
                }
                existing.Comment = comment;
                if (stored.Count > 0)
                    existing.File = stored[0];
                existing.ReturnedAt = clock.GetUtcNow().UtcDateTime;
                existing.ReturnedById = user.PersonId;
                return Result<bool>.Ok(true);
            },
            ct
        );
        if (!result.Succeeded)
            return result;
        if (replaced is Guid blob)
            await files.DeleteBlobsAsync([blob]);
        await NotifyReturnedAsync(new AssignmentChanged(assignmentId, studentId) { SchoolId = school }, ct);
        return Result.Ok();
    }

    /// <summary>Every student's latest submission as zip entries named by student, for the devoir's teachers.</summary>
    public async Task<
        Result<(string ZipName, IReadOnlyList<(string EntryName, StoredFile File)> Entries)>
    > SubmissionsZipAsync(CurrentUser user, int assignmentId, CancellationToken ct = default)
    {
        if (await GateAsync(user, assignmentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await Managed(db, user.PersonId)
            .Where(x => x.Id == assignmentId)
            .Select(x => new { x.Title, Audience = x.SchoolClass != null ? x.SchoolClass.Name : x.TeachingGroup!.Name })
            .FirstOrDefaultAsync(ct);
        if (a is null)
            return NotYours;
        var latest = await db.Set<Submission>()
            .AsNoTracking()
            .Where(s =>
                s.AssignmentId == assignmentId
                && !db.Set<Submission>()
                    .Any(n => n.AssignmentId == assignmentId && n.StudentId == s.StudentId && n.Number > s.Number)
            )
            .OrderBy(s => s.Student!.LastName)
            .ThenBy(s => s.Student!.FirstName)
            .Select(s => new
            {
                s.StudentId,
                Student = PersonNames.Listed(s.Student!.LastName, s.Student.FirstName),
                s.Late,
                Files = s.Files.Select(f => f.File!).ToList(),
            })
            .ToListAsync(ct);
        await AccessLog.RecordAsync(
            db,
            clock,
            user,
            [.. latest.Select(s => s.StudentId)],
            PersonalDataKind.Submissions,
            ct
        );
        var entries = new List<(string, StoredFile)>();
        foreach (var s in latest)
        {
            var folder = FileNames.Safe(s.Late ? AssignmentMessages.FormatLateFolder(s.Student) : s.Student);
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in s.Files)
            {
                entries.Add(($"{folder}/{FileNames.UniqueEntry(f.Name, used)}", f));
            }
        }
        var zipName = $"{FileNames.Safe(a.Title)} - {FileNames.Safe(a.Audience)}.zip";
        return Result<(string, IReadOnlyList<(string, StoredFile)>)>.Ok((zipName, entries));
    }

    /// <summary>The deadline in the reader's language: "vendredi 4 décembre à 18:00", "Friday 4 December at 18:00".
    /// </summary>
    private static Refusal Closed(DateTime dueAt)
    {
        var local = SchoolTime.ToLocal(dueAt);
        var deadline = AssignmentMessages.FormatDeadlineAt(local.ToString("dddd d MMMM"), local.ToString("HH:mm"));
        return Result.Forbidden(AssignmentMessages.FormatClosed(deadline));
    }

    private static async Task<Result<int>> ReturnableAsync(
        EnoeDbContext db,
        int teacherId,
        int assignmentId,
        int studentId,
        CancellationToken ct
    )
    {
        var school = await Managed(db, teacherId)
            .Where(a => a.Id == assignmentId)
            .Select(a => (int?)a.SchoolId)
            .FirstOrDefaultAsync(ct);
        if (school is null)
            return NotYours;
        if (!await db.Set<Submission>().AnyAsync(s => s.AssignmentId == assignmentId && s.StudentId == studentId, ct))
            return Result.Invalid([AssignmentMessages.NothingHandedIn]);
        return Result<int>.Ok(school.Value);
    }
}
