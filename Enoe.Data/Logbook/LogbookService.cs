using System.Data.Common;
using Enoe.Data.Common;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Logbook;

/// <summary>
/// The cahier de textes. A teacher writes only for the classes and groups they teach, in the
/// subject they teach there; students read their classes' and groups' entries, parents their
/// children's, the direction (staff and admins) every class of its établissement, deleted entries
/// included. All of it is decided here, against the database.
/// </summary>
public sealed partial class LogbookService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    FileStore files,
    TimeProvider clock,
    ServiceAccess access,
    ILogger<LogbookService> logger,
    Notifications.NotificationService notifications,
    Notifications.QuietHoursService quietHours,
    Timetable.TimetableService timetable
)
{
    private static readonly LogbookDraftValidator Validator = new();

    /// <summary>
    /// Entries this person may read between two dates (inclusive), optionally for one class, group or
    /// child. Without a child, only the current établissement's: a teacher of two établissements
    /// (each with its own 3eB) reads one carnet at a time, like the rest of the workspace.
    /// </summary>
    public async Task<IReadOnlyList<LogbookEntryView>> ListAsync(
        CurrentUser user,
        DateOnly from,
        DateOnly to,
        int? classId = null,
        int? groupId = null,
        int? studentId = null,
        bool byDueDate = false,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ReaderQueryAsync(db, user, classId, groupId, studentId, ct) is not var (query, doneFor))
            return [];
        query = byDueDate
            ? query.Where(e => e.HomeworkDueDate >= from && e.HomeworkDueDate <= to)
            : query.Where(e => e.SessionDate >= from && e.SessionDate <= to);
        return await Project(
                db,
                query
                    .OrderBy(e => byDueDate ? e.HomeworkDueDate : e.SessionDate)
                    .ThenBy(e => e.StartsAt)
                    .ThenBy(e => e.Id),
                doneFor
            )
            .AsNoTracking()
            .ToListAsync(ct);
    }

    /// <summary>
    /// The classes and groups whose carnet this person reads as a student, parent (one child or all) or teacher: what
    /// live updates are filtered on.
    /// </summary>
    public async Task<(IReadOnlySet<int> Classes, IReadOnlySet<int> Groups)> ReaderAudiencesAsync(
        CurrentUser user,
        int? childId,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Logbook, ct: ct) is not null)
            return (new HashSet<int>(), new HashSet<int>());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var learners = Audiences.Learners(db, me, childId);
        var ids = await db
            .Enrolments.Where(e => learners.Contains(e.StudentId))
            .Select(e => new { Class = (int?)e.SchoolClassId, Group = (int?)null })
            .Concat(
                db.GroupEnrolments.Where(e => learners.Contains(e.StudentId))
                    .Select(e => new { Class = (int?)null, Group = (int?)e.TeachingGroupId })
            )
            .Concat(
                db.TeachingAssignments.Where(a => a.TeacherId == me)
                    .Select(a => new { Class = a.SchoolClassId, Group = a.TeachingGroupId })
            )
            .ToListAsync(ct);
        return (
            ids.Where(i => i.Class != null).Select(i => i.Class!.Value).ToHashSet(),
            ids.Where(i => i.Group != null).Select(i => i.Group!.Value).ToHashSet()
        );
    }

    /// <summary>
    /// Every class of the établissement, for whoever oversees every carnet there (<see
    /// cref="Right.LogbookEveryClass"/>: direction, CPE); empty for anyone else.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ClassesForDirectionAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Logbook, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var overseers = db.Memberships.Holding(Right.LogbookEveryClass);
        var rows = await db
            .Classes.AsNoTracking()
            .Where(c =>
                c.SchoolId == user.SchoolId
                && overseers.Any(m => m.PersonId == user.PersonId && m.SchoolId == c.SchoolId)
            )
            .OrderBy(c => c.LevelId)
            .ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>The classes and groups this teacher writes for in their current établissement.</summary>
    public async Task<IReadOnlyList<TeachingAudience>> AudiencesAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Logbook, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db
            .TeachingAssignments.AsNoTracking()
            .Where(a => a.TeacherId == user.PersonId && a.Subject!.SchoolId == user.SchoolId)
            .OrderBy(a => a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name)
            .Select(a => new TeachingAudience(
                a.SchoolClassId,
                a.TeachingGroupId,
                a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name,
                a.SubjectId,
                a.Subject!.Name
            ))
            .ToListAsync(ct);
    }

    /// <summary>Earlier texts of an entry, newest first: for its teachers and the direction.</summary>
    public async Task<Result<IReadOnlyList<LogbookRevisionView>>> HistoryAsync(
        CurrentUser user,
        int entryId,
        CancellationToken ct = default
    )
    {
        if (await EntryGateAsync(user, entryId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.Set<LogbookEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
            return Result.NotFound(LogbookMessages.EntryNotFound);
        var isDirection = await db
            .Memberships.Holding(Right.LogbookEveryClass)
            .AnyAsync(m => m.PersonId == user.PersonId && m.SchoolId == entry.SchoolId, ct);
        if (
            !isDirection
            && await WritableSchoolAsync(
                db,
                user.PersonId,
                entry.SchoolClassId,
                entry.TeachingGroupId,
                entry.SubjectId,
                ct
            )
                is null
        )
            return Result.Forbidden(LogbookMessages.HistoryForbidden);
        IReadOnlyList<LogbookRevisionView> revisions = await (
            from r in db.Set<LogbookRevision>()
            join p in db.Users on r.EditedById equals p.Id
            where r.EntryId == entryId
            orderby r.Version descending
            select new LogbookRevisionView(
                r.Version,
                r.Content,
                r.Homework,
                r.HomeworkDueDate,
                r.EditedAt,
                p.FirstName + " " + p.LastName
            )
        ).ToListAsync(ct);
        return Result<IReadOnlyList<LogbookRevisionView>>.Ok(revisions);
    }

    /// <summary>Entries this person may read; deleted ones only for those who oversee every class.</summary>
    internal static IQueryable<LogbookEntry> Readable(EnoeDbContext db, int me)
    {
        var learners = Audiences.Learners(db, me);
        var classes = Audiences.Classes(db, me, learners);
        var groups = Audiences.Groups(db, me, learners);
        var directionOf = db
            .Memberships.Holding(Right.LogbookEveryClass)
            .Where(m => m.PersonId == me)
            .Select(m => m.SchoolId);
        return db.Set<LogbookEntry>()
            .Where(e =>
                directionOf.Contains(e.SchoolId)
                || (
                    e.DeletedAt == null
                    && (
                        (e.SchoolClassId != null && classes.Contains(e.SchoolClassId.Value))
                        || (e.TeachingGroupId != null && groups.Contains(e.TeachingGroupId.Value))
                    )
                )
            );
    }

    /// <summary>
    /// Tells the entry's readers it changed, with the entry as they now read it (their own "done" tick aside, and
    /// marked deleted when it left them) and the notifications of its homework: their open tabs show both without
    /// reading, in one render. After the commit, whatever the caller's token: the change is made, and a failure to
    /// read it back only makes the readers read again.
    /// </summary>
    private async Task PublishChangedAsync(LogbookEntry entry, IReadOnlyCollection<NewNotification>? notices = null)
    {
        var changed = new LogbookChanged(entry.Id, entry.SchoolId, entry.SchoolClassId, entry.TeachingGroupId)
        {
            Entry = await ReadBackAsync(entry.Id),
        };
        await notifications.PublishCarryingAsync(
            changed,
            notices ?? [],
            (e, delivered) => e with { Delivered = delivered }
        );
    }

    private async Task<LogbookEntryView?> ReadBackAsync(int entryId)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return await ViewAsync(db, entryId, me: 0, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning(e, "Carnet entry {EntryId} saved, not read back: its readers read again", entryId);
            return null;
        }
    }

    private static Task<LogbookEntryView?> ViewAsync(EnoeDbContext db, int entryId, int me, CancellationToken ct) =>
        Project(db, db.Set<LogbookEntry>().AsNoTracking().Where(e => e.Id == entryId), me).FirstOrDefaultAsync(ct);

    /// <summary>Entries as the pages show them, with <paramref name="doneFor"/>'s "done" tick.</summary>
    private static IQueryable<LogbookEntryView> Project(
        EnoeDbContext db,
        IQueryable<LogbookEntry> entries,
        int doneFor
    ) =>
        entries.Select(e => new LogbookEntryView(
            e.Id,
            e.SchoolClassId,
            e.TeachingGroupId,
            e.SchoolClass != null ? e.SchoolClass.Name : e.TeachingGroup!.Name,
            e.SubjectId,
            e.Subject!.Name,
            e.SessionDate,
            e.StartsAt,
            e.EndsAt,
            e.Content,
            e.Homework,
            e.HomeworkDueDate,
            e.HomeworkMinutes,
            e.UpdatedBy!.FirstName + " " + e.UpdatedBy.LastName,
            e.UpdatedAt,
            e.Version,
            e.DeletedAt != null,
            db.Set<HomeworkDone>().Any(d => d.EntryId == e.Id && d.StudentId == doneFor),
            // The file's name and length read by its key, not joined: SQLite reads a joined collection whole (every
            // attachment of the académie) before it picks the entries'.
            e.Attachments.OrderBy(a => a.FileId)
                .Select(a => new FileView(
                    a.FileId,
                    db.Set<StoredFile>().Where(f => f.Id == a.FileId).Select(f => f.Name).First(),
                    db.Set<StoredFile>().Where(f => f.Id == a.FileId).Select(f => f.Length).First()
                ))
                .ToList()
        ));
}
