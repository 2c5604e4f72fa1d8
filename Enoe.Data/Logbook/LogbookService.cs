using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Logbook;

public sealed record LogbookEntryView(
    int Id, int? SchoolClassId, int? TeachingGroupId, string Audience, int SubjectId, string Subject,
    DateOnly SessionDate, TimeOnly StartsAt, TimeOnly EndsAt, string Content, string? Homework, DateOnly? HomeworkDueDate,
    int? HomeworkMinutes, string UpdatedBy, DateTime UpdatedAt, int Version, bool Deleted, bool Done, IReadOnlyList<FileView> Attachments);

/// <summary>A class or group a teacher writes the carnet de bord for, in one subject.</summary>
public sealed record TeachingAudience(int? SchoolClassId, int? TeachingGroupId, string Name, int SubjectId, string Subject);

public sealed record LogbookRevisionView(int Version, string Content, string? Homework, DateOnly? HomeworkDueDate, DateTime EditedAt, string EditedBy);

/// <summary>How much homework a class already has due on a day, and from how many the school warns.</summary>
public sealed record HomeworkLoad(int Due, int Threshold)
{
    public bool Warn => Due >= Threshold;
}

/// <summary>
/// The cahier de textes. A teacher writes only for the classes and groups they teach, in the
/// subject they teach there; students read their classes' and groups' entries, parents their
/// children's, the direction (staff and admins) every class of its établissement, deleted entries
/// included. All of it is decided here, against the database.
/// </summary>
public sealed class LogbookService(IDbContextFactory<EnoeDbContext> dbFactory, FileStore files, TimeProvider clock, IEventBus events)
{
    private static readonly LogbookDraftValidator Validator = new();

    /// <summary>
    /// Entries this person may read between two dates (inclusive), optionally for one class, group or
    /// child. Without a child, only the current établissement's: a teacher of two établissements
    /// (each with its own 3eB) reads one carnet at a time, like the rest of the workspace.
    /// </summary>
    public async Task<IReadOnlyList<LogbookEntryView>> ListAsync(CurrentUser user, DateOnly from, DateOnly to,
        int? classId = null, int? groupId = null, int? studentId = null, bool byDueDate = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        // Whose "done" ticks: the student's own, or a parent's child (only theirs).
        var doneFor = studentId is int s && await Audiences.Learners(db, me).ContainsAsync(s, ct) ? s : me;
        var query = Readable(db, me);
        if (classId is int c) query = query.Where(e => e.SchoolClassId == c);
        if (groupId is int g) query = query.Where(e => e.TeachingGroupId == g);
        if (studentId is int child)
        {
            var classes = db.Enrolments.Where(e => e.StudentId == child).Select(e => e.SchoolClassId);
            var groups = db.GroupEnrolments.Where(e => e.StudentId == child).Select(e => e.TeachingGroupId);
            query = query.Where(e => (e.SchoolClassId != null && classes.Contains(e.SchoolClassId.Value))
                || (e.TeachingGroupId != null && groups.Contains(e.TeachingGroupId.Value)));
        }
        else query = query.Where(e => e.SchoolId == user.SchoolId);
        query = byDueDate
            ? query.Where(e => e.HomeworkDueDate >= from && e.HomeworkDueDate <= to)
            : query.Where(e => e.SessionDate >= from && e.SessionDate <= to);
        return await Project(db, query.OrderBy(e => byDueDate ? e.HomeworkDueDate : e.SessionDate).ThenBy(e => e.StartsAt), doneFor)
            .AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The classes and groups whose carnet this person reads as a student, parent (one child or all) or teacher: what live updates are filtered on.</summary>
    public async Task<(IReadOnlySet<int> Classes, IReadOnlySet<int> Groups)> ReaderAudiencesAsync(CurrentUser user, int? childId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var learners = Audiences.Learners(db, me, childId);
        var ids = await db.Enrolments.Where(e => learners.Contains(e.StudentId)).Select(e => new { Class = (int?)e.SchoolClassId, Group = (int?)null })
            .Concat(db.GroupEnrolments.Where(e => learners.Contains(e.StudentId)).Select(e => new { Class = (int?)null, Group = (int?)e.TeachingGroupId }))
            .Concat(db.TeachingAssignments.Where(a => a.TeacherId == me).Select(a => new { Class = a.SchoolClassId, Group = a.TeachingGroupId }))
            .ToListAsync(ct);
        return (ids.Where(i => i.Class != null).Select(i => i.Class!.Value).ToHashSet(), ids.Where(i => i.Group != null).Select(i => i.Group!.Value).ToHashSet());
    }

    /// <summary>Every class of the établissement, for its direction (staff and admins); empty for anyone else.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ClassesForDirectionAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Classes.AsNoTracking()
            .Where(c => c.SchoolId == user.SchoolId && db.Memberships.Any(m => m.PersonId == user.PersonId && m.SchoolId == c.SchoolId && (m.Profiles & Profile.Direction) != 0))
            .OrderBy(c => c.LevelId).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>The classes and groups this teacher writes for in their current établissement.</summary>
    public async Task<IReadOnlyList<TeachingAudience>> AudiencesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TeachingAssignments.AsNoTracking()
            .Where(a => a.TeacherId == user.PersonId && a.Subject!.SchoolId == user.SchoolId)
            .OrderBy(a => a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name)
            .Select(a => new TeachingAudience(a.SchoolClassId, a.TeachingGroupId,
                a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name, a.SubjectId, a.Subject!.Name))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Creates or updates an entry. On a concurrent change the result is a conflict carrying the
    /// stored version, so the editor can show both; nothing the caller typed is lost or written.
    /// </summary>
    public async Task<Result<LogbookEntryView>> SaveAsync(CurrentUser user, LogbookDraft draft, CancellationToken ct = default)
    {
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid) return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        LogbookEntry entry;
        if (draft.Id == 0)
        {
            var schoolId = await WritableSchoolAsync(db, user.PersonId, draft.SchoolClassId, draft.TeachingGroupId, draft.SubjectId, ct);
            if (schoolId is null) return NotYourClass;
            entry = new LogbookEntry
            {
                SchoolId = schoolId.Value, SchoolClassId = draft.SchoolClassId, TeachingGroupId = draft.TeachingGroupId,
                SubjectId = draft.SubjectId, CreatedAt = now, CreatedById = user.PersonId,
            };
            db.Add(entry);
        }
        else
        {
            var found = await db.Set<LogbookEntry>().FirstOrDefaultAsync(e => e.Id == draft.Id && e.DeletedAt == null, ct);
            if (found is null) return Result.NotFound(LogbookMessages.DeletedMeanwhile);
            // The audience and subject come from the stored entry: a forged draft cannot move it elsewhere.
            if (await WritableSchoolAsync(db, user.PersonId, found.SchoolClassId, found.TeachingGroupId, found.SubjectId, ct) is null)
                return NotYourClass;
            if (found.Version != draft.Version)
                return Result<LogbookEntryView>.Conflict((await ViewAsync(db, found.Id, user.PersonId, ct))!,
                    LogbookMessages.ChangedByAnother);
            entry = found;
            db.Add(new LogbookRevision
            {
                EntryId = entry.Id, Version = entry.Version, Content = entry.Content, Homework = entry.Homework,
                HomeworkDueDate = entry.HomeworkDueDate, HomeworkMinutes = entry.HomeworkMinutes, EditedAt = entry.UpdatedAt, EditedById = entry.UpdatedById,
            });
        }
        entry.SessionDate = draft.SessionDate;
        entry.StartsAt = draft.StartsAt;
        entry.EndsAt = draft.EndsAt;
        entry.Content = draft.Content.Trim();
        entry.Homework = string.IsNullOrWhiteSpace(draft.Homework) ? null : draft.Homework.Trim();
        entry.HomeworkDueDate = entry.Homework is null ? null : draft.HomeworkDueDate;
        entry.HomeworkMinutes = entry.Homework is null ? null : draft.HomeworkMinutes;
        entry.UpdatedAt = now;
        entry.UpdatedById = user.PersonId;
        entry.Version++;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await events.PublishAsync(new LogbookChanged(entry.Id, entry.SchoolId, entry.SchoolClassId, entry.TeachingGroupId));
        return Result<LogbookEntryView>.Ok((await ViewAsync(db, entry.Id, user.PersonId, ct))!);
    }

    /// <summary>Soft deletion by a teacher of the class: families no longer see it, the direction still does.</summary>
    public async Task<Result> DeleteAsync(CurrentUser user, int entryId, int version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<LogbookEntry>().FirstOrDefaultAsync(e => e.Id == entryId && e.DeletedAt == null, ct);
        if (entry is null) return Result.NotFound(LogbookMessages.AlreadyDeleted);
        if (await WritableSchoolAsync(db, user.PersonId, entry.SchoolClassId, entry.TeachingGroupId, entry.SubjectId, ct) is null) return NotYourClass;
        if (entry.Version != version) return Result.Conflict(LogbookMessages.ChangedBeforeDelete);
        entry.DeletedAt = clock.GetUtcNow().UtcDateTime;
        entry.DeletedById = user.PersonId;
        entry.Version++;
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new LogbookChanged(entry.Id, entry.SchoolId, entry.SchoolClassId, entry.TeachingGroupId));
        return Result.Ok();
    }

    /// <summary>Undoes a deletion: the entry is back for its readers. The same teachers who may delete it may restore it.</summary>
    public async Task<Result> RestoreAsync(CurrentUser user, int entryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<LogbookEntry>().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return Result.NotFound(LogbookMessages.EntryNotFound);
        if (await WritableSchoolAsync(db, user.PersonId, entry.SchoolClassId, entry.TeachingGroupId, entry.SubjectId, ct) is null) return NotYourClass;
        if (entry.DeletedAt is null) return Result.Invalid([LogbookMessages.NotDeleted]);
        (entry.DeletedAt, entry.DeletedById) = (null, null);
        entry.Version++;
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new LogbookChanged(entry.Id, entry.SchoolId, entry.SchoolClassId, entry.TeachingGroupId));
        return Result.Ok();
    }

    /// <summary>Attaches files (a worksheet, slides) to an entry of a class the teacher teaches; its readers are told live.</summary>
    public async Task<Result<int>> AttachAsync(CurrentUser user, int entryId, IReadOnlyList<FileUpload> uploads, CancellationToken ct = default)
    {
        if (uploads.Count == 0) return Result.Invalid([LogbookMessages.ChooseAFile]);
        LogbookEntry? entry;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            entry = await WritableEntryAsync(db, user.PersonId, entryId, ct);
            if (entry is null) return NotYourClass;
        }
        var result = await files.SaveWithFilesAsync(user.PersonId, entry.SchoolId, uploads, async (db, stored) =>
        {
            if (await WritableEntryAsync(db, user.PersonId, entryId, ct) is null) return NotYourClass;
            db.AddRange(stored.Select(f => new LogbookAttachment { EntryId = entryId, File = f }));
            return Result<int>.Ok(stored.Count);
        }, ct);
        if (result.Succeeded) await events.PublishAsync(new LogbookChanged(entry.Id, entry.SchoolId, entry.SchoolClassId, entry.TeachingGroupId));
        return result;
    }

    /// <summary>Removes an attached file (and its bytes) from an entry of a class the teacher teaches.</summary>
    public async Task<Result> DetachAsync(CurrentUser user, int entryId, int fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await WritableEntryAsync(db, user.PersonId, entryId, ct);
        if (entry is null) return NotYourClass;
        var attachment = await db.Set<LogbookAttachment>().Include(a => a.File).FirstOrDefaultAsync(a => a.EntryId == entryId && a.FileId == fileId, ct);
        if (attachment is null) return Result.NotFound(LogbookMessages.NoLongerAttached);
        db.Remove(attachment);
        db.Remove(attachment.File!);
        await db.SaveChangesAsync(ct);
        files.DeleteBlobs([attachment.File!.BlobId]);
        await events.PublishAsync(new LogbookChanged(entry.Id, entry.SchoolId, entry.SchoolClassId, entry.TeachingGroupId));
        return Result.Ok();
    }

    private static async Task<LogbookEntry?> WritableEntryAsync(EnoeDbContext db, int teacherId, int entryId, CancellationToken ct)
    {
        var entry = await db.Set<LogbookEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.DeletedAt == null, ct);
        return entry is not null && await WritableSchoolAsync(db, teacherId, entry.SchoolClassId, entry.TeachingGroupId, entry.SubjectId, ct) is not null ? entry : null;
    }

    /// <summary>Earlier texts of an entry, newest first: for its teachers and the direction.</summary>
    public async Task<Result<IReadOnlyList<LogbookRevisionView>>> HistoryAsync(CurrentUser user, int entryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<LogbookEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null) return Result.NotFound(LogbookMessages.EntryNotFound);
        var isDirection = await db.Memberships.AnyAsync(m => m.PersonId == user.PersonId && m.SchoolId == entry.SchoolId && (m.Profiles & Profile.Direction) != 0, ct);
        if (!isDirection && await WritableSchoolAsync(db, user.PersonId, entry.SchoolClassId, entry.TeachingGroupId, entry.SubjectId, ct) is null)
            return Result.Forbidden(LogbookMessages.HistoryForbidden);
        IReadOnlyList<LogbookRevisionView> revisions = await (from r in db.Set<LogbookRevision>()
                                                              join p in db.Users on r.EditedById equals p.Id
                                                              where r.EntryId == entryId
                                                              orderby r.Version descending
                                                              select new LogbookRevisionView(r.Version, r.Content, r.Homework, r.HomeworkDueDate, r.EditedAt, p.FirstName + " " + p.LastName))
            .ToListAsync(ct);
        return Result<IReadOnlyList<LogbookRevisionView>>.Ok(revisions);
    }

    /// <summary>A student's personal tick on homework of one of their classes or groups.</summary>
    public async Task<Result> SetDoneAsync(CurrentUser user, int entryId, bool done, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var mine = await db.Set<LogbookEntry>().AnyAsync(e => e.Id == entryId && e.DeletedAt == null && e.Homework != null
            && ((e.SchoolClassId != null && db.Enrolments.Any(x => x.StudentId == me && x.SchoolClassId == e.SchoolClassId))
                || (e.TeachingGroupId != null && db.GroupEnrolments.Any(x => x.StudentId == me && x.TeachingGroupId == e.TeachingGroupId))), ct);
        if (!mine) return Result.NotFound(LogbookMessages.NotInYourLogbook);
        var tick = await db.Set<HomeworkDone>().FindAsync([me, entryId], ct);
        if (done && tick is null) db.Add(new HomeworkDone { StudentId = me, EntryId = entryId, DoneAt = clock.GetUtcNow().UtcDateTime });
        if (!done && tick is not null) db.Remove(tick);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>How much work the students of a class or group already have due on a day (any subject, their groups included).</summary>
    public async Task<Result<HomeworkLoad>> HomeworkLoadAsync(CurrentUser user, int? classId, int? groupId, DateOnly dueDate, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teaches = await db.TeachingAssignments.AnyAsync(a => a.TeacherId == user.PersonId
            && ((classId != null && a.SchoolClassId == classId) || (groupId != null && a.TeachingGroupId == groupId)), ct);
        if (!teaches) return NotYourClass;
        var students = ClassContent.Students(db, classId, groupId);
        var classes = db.Enrolments.Where(e => students.Contains(e.StudentId)).Select(e => e.SchoolClassId);
        var groups = db.GroupEnrolments.Where(e => students.Contains(e.StudentId)).Select(e => e.TeachingGroupId);
        var due = await db.Set<LogbookEntry>().CountAsync(e => e.DeletedAt == null && e.Homework != null && e.HomeworkDueDate == dueDate
            && ((e.SchoolClassId != null && classes.Contains(e.SchoolClassId.Value)) || (e.TeachingGroupId != null && groups.Contains(e.TeachingGroupId.Value))), ct);
        var threshold = await (classId is int k ? db.Classes.Where(x => x.Id == k).Select(x => x.School!.HomeworkWarningThreshold)
            : db.Groups.Where(x => x.Id == groupId).Select(x => x.School!.HomeworkWarningThreshold)).FirstAsync(ct);
        return Result<HomeworkLoad>.Ok(new HomeworkLoad(due, threshold));
    }

    /// <summary>Built when refused, in the reader's language.</summary>
    private static Refusal NotYourClass => Result.Forbidden(LogbookMessages.NotYourClass);

    /// <summary>The school of the class or group if this teacher teaches that subject there; otherwise null.</summary>
    private static Task<int?> WritableSchoolAsync(EnoeDbContext db, int teacherId, int? classId, int? groupId, int subjectId, CancellationToken ct) =>
        ClassContent.TaughtSchoolAsync(db, teacherId, classId, groupId, subjectId, ct);

    /// <summary>Entries this person may read; deleted ones only for the direction.</summary>
    internal static IQueryable<LogbookEntry> Readable(EnoeDbContext db, int me)
    {
        var learners = Audiences.Learners(db, me);
        var classes = Audiences.Classes(db, me, learners);
        var groups = Audiences.Groups(db, me, learners);
        var directionOf = db.Memberships.Where(m => m.PersonId == me && (m.Profiles & Profile.Direction) != 0).Select(m => m.SchoolId);
        return db.Set<LogbookEntry>().Where(e => directionOf.Contains(e.SchoolId)
            || (e.DeletedAt == null && ((e.SchoolClassId != null && classes.Contains(e.SchoolClassId.Value))
                || (e.TeachingGroupId != null && groups.Contains(e.TeachingGroupId.Value)))));
    }

    private static Task<LogbookEntryView?> ViewAsync(EnoeDbContext db, int entryId, int me, CancellationToken ct) =>
        Project(db, db.Set<LogbookEntry>().AsNoTracking().Where(e => e.Id == entryId), me).FirstOrDefaultAsync(ct);

    /// <summary>Entries as the pages show them, with <paramref name="doneFor"/>'s "done" tick.</summary>
    private static IQueryable<LogbookEntryView> Project(EnoeDbContext db, IQueryable<LogbookEntry> entries, int doneFor) =>
        entries.Select(e => new LogbookEntryView(e.Id, e.SchoolClassId, e.TeachingGroupId,
            e.SchoolClass != null ? e.SchoolClass.Name : e.TeachingGroup!.Name, e.SubjectId, e.Subject!.Name,
            e.SessionDate, e.StartsAt, e.EndsAt, e.Content, e.Homework, e.HomeworkDueDate, e.HomeworkMinutes,
            e.UpdatedBy!.FirstName + " " + e.UpdatedBy.LastName, e.UpdatedAt, e.Version, e.DeletedAt != null,
            db.Set<HomeworkDone>().Any(d => d.EntryId == e.Id && d.StudentId == doneFor),
            e.Attachments.OrderBy(a => a.FileId).Select(a => new FileView(a.FileId, a.File!.Name, a.File.Length)).ToList()));
}

/// <summary>An entry's attachments are read by whoever reads the entry.</summary>
public sealed class LogbookFileRule : IFileReadRule
{
    public Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var readable = LogbookService.Readable(db, personId);
        return db.Set<LogbookAttachment>().AnyAsync(a => a.FileId == fileId && readable.Any(e => e.Id == a.EntryId), ct);
    }
}
