using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Logbook;

/// <summary>
/// What a teacher writes: entries saved, deleted and restored, files attached, all for their own classes and subjects.
/// </summary>
public sealed partial class LogbookService
{
    /// <summary>
    /// Creates or updates an entry. On a concurrent change the result is a conflict carrying the
    /// stored version, so the editor can show both; nothing the caller typed is lost or written.
    /// </summary>
    public async Task<Result<LogbookEntryView>> SaveAsync(
        CurrentUser user,
        LogbookDraft draft,
        CancellationToken ct = default
    )
    {
        var gate =
            draft.Id == 0
                ? AudienceGateAsync(user, draft.SchoolClassId, draft.TeachingGroupId, ct)
                : EntryGateAsync(user, draft.Id, ct);
        if (await gate is { } refused)
            return refused;
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        LogbookEntry entry;
        if (draft.Id == 0)
        {
            var schoolId = await WritableSchoolAsync(
                db,
                user.PersonId,
                draft.SchoolClassId,
                draft.TeachingGroupId,
                draft.SubjectId,
                ct
            );
            if (schoolId is null)
                return NotYourClass;
            entry = new LogbookEntry
            {
                SchoolId = schoolId.Value,
                SchoolClassId = draft.SchoolClassId,
                TeachingGroupId = draft.TeachingGroupId,
                SubjectId = draft.SubjectId,
                CreatedAt = now,
                CreatedById = user.PersonId,
            };
            db.Add(entry);
        }
        else
        {
            // Under the entry's lock the version check and the write are one step: two saves of one version
            // give one save and one "changed by another" (not an exception).
            await db.LockAsync<LogbookEntry>(draft.Id, ct);
            var found = await db.Set<LogbookEntry>()
                .FirstOrDefaultAsync(e => e.Id == draft.Id && e.DeletedAt == null, ct);
            if (found is null)
                return Result.NotFound(LogbookMessages.DeletedMeanwhile);
            // The audience and subject come from the stored entry: a forged draft cannot move it elsewhere.
            if (
                await WritableSchoolAsync(
                    db,
                    user.PersonId,
                    found.SchoolClassId,
                    found.TeachingGroupId,
                    found.SubjectId,
                    ct
                )
                is null
            )
                return NotYourClass;
            if (found.Version != draft.Version)
                return Result<LogbookEntryView>.Conflict(
                    (await ViewAsync(db, found.Id, user.PersonId, ct))!,
                    LogbookMessages.ChangedByAnother
                );
            entry = found;
            db.Add(
                new LogbookRevision
                {
                    EntryId = entry.Id,
                    Version = entry.Version,
                    Content = entry.Content,
                    Homework = entry.Homework,
                    HomeworkDueDate = entry.HomeworkDueDate,
                    HomeworkMinutes = entry.HomeworkMinutes,
                    EditedAt = entry.UpdatedAt,
                    EditedById = entry.UpdatedById,
                }
            );
        }
        entry.SessionDate = draft.SessionDate;
        entry.StartsAt = draft.StartsAt;
        entry.EndsAt = draft.EndsAt;
        entry.Content = draft.Content.Trim();
        var homeworkBefore = (entry.Homework, entry.HomeworkDueDate);
        entry.Homework = string.IsNullOrWhiteSpace(draft.Homework) ? null : draft.Homework.Trim();
        entry.HomeworkDueDate = entry.Homework is null ? null : draft.HomeworkDueDate;
        entry.HomeworkMinutes = entry.Homework is null ? null : draft.HomeworkMinutes;
        entry.UpdatedAt = now;
        entry.UpdatedById = user.PersonId;
        entry.Version++;
        await db.SaveChangesAsync(ct); // a new entry's id, which its notices point to
        var notices = await HomeworkNoticesAsync(db, entry, homeworkBefore, now, ct);
        await db.SaveChangesAsync(ct); // the homework held by the quiet window (no command otherwise)
        await Notifications.NotificationService.WriteAsync(db, notices, now, ct);
        await transaction.CommitAsync(ct);
        await PublishChangedAsync(entry, notices);
        return Result<LogbookEntryView>.Ok((await ViewAsync(db, entry.Id, user.PersonId, ct))!);
    }

    /// <summary>Soft deletion by a teacher of the class: families no longer see it, the direction still does.</summary>
    public async Task<Result> DeleteAsync(CurrentUser user, int entryId, int version, CancellationToken ct = default)
    {
        if (await EntryGateAsync(user, entryId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginTurnAsync<LogbookEntry>(entryId, ct);
        var entry = await db.Set<LogbookEntry>().FirstOrDefaultAsync(e => e.Id == entryId && e.DeletedAt == null, ct);
        if (entry is null)
            return Result.NotFound(LogbookMessages.AlreadyDeleted);
        if (
            await WritableSchoolAsync(
                db,
                user.PersonId,
                entry.SchoolClassId,
                entry.TeachingGroupId,
                entry.SubjectId,
                ct
            )
            is null
        )
            return NotYourClass;
        if (entry.Version != version)
            return Result.Conflict(LogbookMessages.ChangedBeforeDelete);
        entry.DeletedAt = clock.GetUtcNow().UtcDateTime;
        entry.DeletedById = user.PersonId;
        entry.Version++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await PublishChangedAsync(entry);
        return Result.Ok();
    }

    /// <summary>
    /// Undoes a deletion: the entry is back for its readers. The same teachers who may delete it may restore it.
    /// </summary>
    public async Task<Result> RestoreAsync(CurrentUser user, int entryId, CancellationToken ct = default)
    {
        if (await EntryGateAsync(user, entryId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.BeginTurnAsync<LogbookEntry>(entryId, ct);
        var entry = await db.Set<LogbookEntry>().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
            return Result.NotFound(LogbookMessages.EntryNotFound);
        if (
            await WritableSchoolAsync(
                db,
                user.PersonId,
                entry.SchoolClassId,
                entry.TeachingGroupId,
                entry.SubjectId,
                ct
            )
            is null
        )
            return NotYourClass;
        if (entry.DeletedAt is null)
            return Result.Invalid([LogbookMessages.NotDeleted]);
        (entry.DeletedAt, entry.DeletedById) = (null, null);
        entry.Version++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await PublishChangedAsync(entry);
        return Result.Ok();
    }

    /// <summary>
    /// Attaches files (a worksheet, slides) to an entry of a class the teacher teaches; its readers are told live.
    /// </summary>
    public async Task<Result<int>> AttachAsync(
        CurrentUser user,
        int entryId,
        IReadOnlyList<FileUpload> uploads,
        CancellationToken ct = default
    )
    {
        if (await EntryGateAsync(user, entryId, ct) is { } refused)
            return refused;
        if (uploads.Count == 0)
            return Result.Invalid([LogbookMessages.ChooseAFile]);
        LogbookEntry? entry;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            entry = await WritableEntryAsync(db, user.PersonId, entryId, ct);
            if (entry is null)
                return NotYourClass;
        }
        var result = await files.SaveWithFilesAsync(
            user.PersonId,
            entry.SchoolId,
            uploads,
            async (db, stored) =>
            {
                if (await WritableEntryAsync(db, user.PersonId, entryId, ct) is null)
                    return NotYourClass;
                db.AddRange(stored.Select(f => new LogbookAttachment { EntryId = entryId, File = f }));
                return Result<int>.Ok(stored.Count);
            },
            ct
        );
        if (result.Succeeded)
            await PublishChangedAsync(entry);
        return result;
    }

    /// <summary>Removes an attached file (and its bytes) from an entry of a class the teacher teaches.</summary>
    public async Task<Result> DetachAsync(CurrentUser user, int entryId, int fileId, CancellationToken ct = default)
    {
        if (await EntryGateAsync(user, entryId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await WritableEntryAsync(db, user.PersonId, entryId, ct);
        if (entry is null)
            return NotYourClass;
        var attachment = await db.Set<LogbookAttachment>()
            .Include(a => a.File)
            .FirstOrDefaultAsync(a => a.EntryId == entryId && a.FileId == fileId, ct);
        if (attachment is null)
            return Result.NotFound(LogbookMessages.NoLongerAttached);
        db.Remove(attachment);
        db.Remove(attachment.File!);
        await db.SaveChangesAsync(ct);
        await files.DeleteBlobsAsync([attachment.File!.BlobId]);
        await PublishChangedAsync(entry);
        return Result.Ok();
    }

    private static async Task<LogbookEntry?> WritableEntryAsync(
        EnoeDbContext db,
        int teacherId,
        int entryId,
        CancellationToken ct
    )
    {
        var entry = await db.Set<LogbookEntry>()
            .AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == entryId && e.DeletedAt == null, ct);
        return
            entry is not null
            && await WritableSchoolAsync(db, teacherId, entry.SchoolClassId, entry.TeachingGroupId, entry.SubjectId, ct)
                is not null
            ? entry
            : null;
    }

    /// <summary>Built when refused, in the reader's language.</summary>
    private static Refusal NotYourClass => Result.Forbidden(LogbookMessages.NotYourClass);

    /// <summary>The school of the class or group if this teacher teaches that subject there; otherwise null.</summary>
    private static Task<int?> WritableSchoolAsync(
        EnoeDbContext db,
        int teacherId,
        int? classId,
        int? groupId,
        int subjectId,
        CancellationToken ct
    ) => ClassContent.TaughtSchoolAsync(db, teacherId, classId, groupId, subjectId, ct);
}
