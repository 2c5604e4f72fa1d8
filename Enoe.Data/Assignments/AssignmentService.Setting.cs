using System.Data.Common;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Assignments;

/// <summary>Setting a devoir with its subject files, and deleting one set by mistake.</summary>
public sealed partial class AssignmentService
{
    /// <summary>
    /// Sets a devoir, with its subject files, for a class or group the teacher teaches in that subject.
    /// </summary>
    public async Task<Result<int>> CreateAsync(
        CurrentUser user,
        AssignmentDraft draft,
        IReadOnlyList<FileUpload> subjectFiles,
        CancellationToken ct = default
    )
    {
        // The class's établissement, whatever the session's (a teacher of two schools).
        if (await AudienceGateAsync(user, draft, ct) is { } refused)
            return refused;
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        var dueAt = SchoolTime.ToUtc(draft.DueLocal);
        if (dueAt <= clock.GetUtcNow().UtcDateTime)
            return Result.Invalid([AssignmentMessages.DeadlineInThePast]);
        int? school;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            school = await TaughtSchoolAsync(db, user.PersonId, draft, ct);
        if (school is null)
            return NotYourClass;

        Assignment? created = null;
        var result = await files.SaveWithFilesAsync(
            user.PersonId,
            school.Value,
            subjectFiles,
            async (db, stored) =>
            {
                if (await TaughtSchoolAsync(db, user.PersonId, draft, ct) is null)
                    return NotYourClass;
                created = new Assignment
                {
                    SchoolId = school.Value,
                    SchoolClassId = draft.SchoolClassId,
                    TeachingGroupId = draft.TeachingGroupId,
                    SubjectId = draft.SubjectId,
                    TeacherId = user.PersonId,
                    Title = draft.Title.Trim(),
                    Instructions = draft.Instructions.Trim(),
                    DueAt = dueAt,
                    AcceptsLate = draft.AcceptsLate,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    Files = [.. stored.Select(f => new AssignmentFile { File = f })],
                };
                db.Add(created);
                return Result<int>.Ok(0);
            },
            ct
        );
        if (!result.Succeeded)
            return result;
        await events.PublishAsync(await SetEventAsync(created!));
        return Result<int>.Ok(created!.Id);
    }

    /// <summary>
    /// Deletes a devoir set by mistake, with its subject files, for a teacher of it — only while no
    /// submission has been handed in: a student's work is never lost with a devoir. Under the devoir's lock, which a
    /// hand-in also takes: a submission arriving at the same moment either keeps the devoir or finds it gone.
    /// </summary>
    public async Task<Result> DeleteAsync(CurrentUser user, int assignmentId, CancellationToken ct = default)
    {
        if (await GateAsync(user, assignmentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await Managed(db, user.PersonId)
            .Where(a => a.Id == assignmentId)
            .Select(a => new
            {
                Event = new AssignmentChanged(a.Id, null)
                {
                    SchoolId = a.SchoolId,
                    TeacherId = a.TeacherId,
                    Deleted = true,
                    SchoolClassId = a.SchoolClassId,
                    TeachingGroupId = a.TeachingGroupId,
                },
                Subject = a.Files.Select(f => new { f.FileId, f.File!.BlobId }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return NotYours;
        var subject = found.Subject;
        await using var transaction = await db.BeginTurnAsync<Assignment>(assignmentId, ct);
        var deleted = await db.Set<Assignment>()
            .Where(a => a.Id == assignmentId && !db.Set<Submission>().Any(s => s.AssignmentId == assignmentId))
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
            return Result.Invalid([AssignmentMessages.HasSubmissions]);
        var fileIds = subject.Select(f => f.FileId).ToList();
        await db.Set<StoredFile>().Where(f => fileIds.Contains(f.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        await files.DeleteBlobsAsync(subject.Select(f => f.BlobId));
        await events.PublishAsync(found.Event);
        return Result.Ok();
    }

    /// <summary>
    /// A devoir just set, for its students' open tabs to add without reading it again; if it cannot be read back (the
    /// devoir is set all the same), they read again.
    /// </summary>
    private async Task<AssignmentChanged> SetEventAsync(Assignment set)
    {
        var changed = new AssignmentChanged(set.Id, null)
        {
            SchoolId = set.SchoolId,
            TeacherId = set.TeacherId,
            SchoolClassId = set.SchoolClassId,
            TeachingGroupId = set.TeachingGroupId,
        };
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var shown = await LearnerItemsAsync(db, db.Set<Assignment>().Where(a => a.Id == set.Id), 0, default);
            return changed with { Set = shown.SingleOrDefault() };
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Devoir {AssignmentId} set, not read back: its students read again", set.Id);
            return changed;
        }
    }
}
