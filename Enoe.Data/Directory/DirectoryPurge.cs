using Enoe.Data.Assignments;
using Enoe.Data.Bookings;
using Enoe.Data.Dashboards;
using Enoe.Data.DigitalResources;
using Enoe.Data.Documents;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Skills;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Directory;

/// <summary>
/// Deletes the directory accounts whose <see cref="Person.DeletionDueAt"/> has passed, with their personal data (the
/// arrêté of 30 November 2006 gives three months after leaving), and, when the retention job asks, the local
/// accounts an admin disabled before a given date.
/// <para>
/// What is the person's own goes: memberships, class and group places, teaching, guardianships, dashboards,
/// favourites, bookings, their copies of mémos, their documents space, shares made to them, external logins; as a
/// student, their copies handed in, marks, skills and homework ticks (their school record leaves with them, as it does
/// in SIECLE); then the files they uploaded that nothing kept still shows.
/// </para>
/// <para>
/// What they wrote for others stays, as an ENT keeps a class's carnet de bord when its teacher leaves: carnet entries
/// and their revisions, devoirs and evaluations they set (with the other students' marks), skills they assessed, mémos
/// they sent (in their recipients' boxes), documents they put in a class's space, copies they returned, bookings they
/// decided. Those rows point to the person, so the row becomes a tombstone: named "Compte supprimé", with no login,
/// e-mail, password, jointure, external login or membership, and disabled for good. Someone who wrote nothing shared is
/// deleted outright.
/// </para>
/// </summary>
public sealed class DirectoryPurge(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    FileStore files,
    ILogger<DirectoryPurge> logger
)
{
    private const int Batch = 200;

    /// <summary>The number of directory accounts deleted (outright or down to a tombstone).</summary>
    public async Task<int> DeleteDueAsync(CancellationToken ct = default) =>
        (await PurgeAsync(localDisabledBefore: null, ct)).Accounts;

    /// <summary>
    /// Deletes the accounts due: directory accounts past their date, and local accounts disabled before
    /// <paramref name="localDisabledBefore"/> (none when null); how many, and how many of their files went.
    /// </summary>
    /// <param name="keep">Asked after each chunk (the caller renews its job lease): false stops the purge
    /// there.</param>
    public async Task<(int Accounts, int Files)> PurgeAsync(
        DateTime? localDisabledBefore,
        CancellationToken ct,
        Func<Task<bool>>? keep = null
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await Due(db, now, localDisabledBefore).Select(p => p.Id).ToListAsync(ct);
        var (deleted, fileCount) = (0, 0);
        foreach (var chunk in due.Chunk(Batch))
        {
            var (count, blobs) = await PurgeAsync(db, chunk, now, localDisabledBefore, ct);
            await files.DeleteBlobsAsync(blobs); // after the commit: a failed purge leaves every file its row
            deleted += count;
            fileCount += blobs.Count;
            if (keep is not null && !await keep())
                break;
        }
        if (deleted > 0)
            logger.LogInformation("Directory purge: {Count} accounts deleted", deleted);
        return (deleted, fileCount);
    }

    /// <summary>What <see cref="PurgeAsync(DateTime?, CancellationToken)"/> would delete now (the dry run).</summary>
    public async Task<(int Accounts, int Files)> CountDueAsync(DateTime? localDisabledBefore, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await Due(db, now, localDisabledBefore).Select(p => p.Id).ToArrayAsync(ct);
        var fileCount = 0;
        foreach (var chunk in ids.Chunk(Batch))
            fileCount += await OwnUnusedFiles(db, chunk).CountAsync(ct);
        return (ids.Length, fileCount);
    }

    /// <summary>
    /// Directory accounts past their date; local ones disabled before the cutoff, except tombstones (no login left).
    /// </summary>
    private static IQueryable<Person> Due(EnoeDbContext db, DateTime now, DateTime? localDisabledBefore) =>
        db.Users.Where(p =>
            p.DisabledAt != null
            && (
                (p.DirectoryKey != null && p.DeletionDueAt <= now)
                || (
                    localDisabledBefore != null
                    && p.DirectoryKey == null
                    && p.UserName != null
                    && p.DisabledAt <= localDisabledBefore
                )
            )
        );

    private static async Task<(int Count, List<Guid> Blobs)> PurgeAsync(
        EnoeDbContext db,
        int[] ids,
        DateTime now,
        DateTime? localDisabledBefore,
        CancellationToken ct
    )
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Still due now: a sync or an admin that acted since the list was read may have brought someone back.
        ids = await Due(db, now, localDisabledBefore).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToArrayAsync(ct);
        await DeletePersonalAsync(db, ids, ct);
        var blobs = await DeleteOwnFilesAsync(db, ids, ct);
        var kept = await db
            .Users.Where(p => ids.Contains(p.Id))
            .Where(SharedAuthor(db))
            .Select(p => p.Id)
            .ToListAsync(ct);
        await db.Users.Where(p => ids.Contains(p.Id) && !kept.Contains(p.Id)).ExecuteDeleteAsync(ct);
        await TombstoneAsync(db, kept, now, ct);
        await transaction.CommitAsync(ct);
        return (ids.Length, blobs);
    }

    private static async Task DeletePersonalAsync(EnoeDbContext db, int[] ids, CancellationToken ct)
    {
        await db.Memberships.Where(m => ids.Contains(m.PersonId)).ExecuteDeleteAsync(ct);
        await db.Guardianships.Where(g => ids.Contains(g.ParentId) || ids.Contains(g.StudentId)).ExecuteDeleteAsync(ct);
        await db.Enrolments.Where(e => ids.Contains(e.StudentId)).ExecuteDeleteAsync(ct);
        await db.GroupEnrolments.Where(e => ids.Contains(e.StudentId)).ExecuteDeleteAsync(ct);
        await db.TeachingAssignments.Where(t => ids.Contains(t.TeacherId)).ExecuteDeleteAsync(ct);
        await db.Set<FormTutor>().Where(t => ids.Contains(t.TeacherId)).ExecuteDeleteAsync(ct);
        await db.DashboardTabs.Where(t => ids.Contains(t.PersonId)).ExecuteDeleteAsync(ct);
        await db.Set<ResourceFavourite>().Where(f => ids.Contains(f.PersonId)).ExecuteDeleteAsync(ct);
        await db.Bookings.Where(b => ids.Contains(b.PersonId)).ExecuteDeleteAsync(ct);
        await db.Set<MemoRecipient>().Where(r => ids.Contains(r.PersonId)).ExecuteDeleteAsync(ct);
        await db.Set<DocumentShare>()
            .Where(s => s.PersonId != null && ids.Contains(s.PersonId.Value))
            .ExecuteDeleteAsync(ct);
        // Their own space, contents first (folders hold each other, without cascade).
        var spaces = db.Set<DocumentSpace>()
            .Where(s => s.OwnerId != null && ids.Contains(s.OwnerId.Value))
            .Select(s => s.Id);
        await db.Set<Document>().Where(d => spaces.Contains(d.SpaceId)).ExecuteDeleteAsync(ct);
        await db.Set<Folder>()
            .Where(f => spaces.Contains(f.SpaceId))
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.ParentId, (int?)null), ct);
        await db.Set<Folder>().Where(f => spaces.Contains(f.SpaceId)).ExecuteDeleteAsync(ct);
        await db.Set<DocumentSpace>()
            .Where(s => s.OwnerId != null && ids.Contains(s.OwnerId.Value))
            .ExecuteDeleteAsync(ct);
        // A student's record.
        await db.Set<Submission>().Where(s => ids.Contains(s.StudentId)).ExecuteDeleteAsync(ct);
        await db.Set<SubmissionReturn>().Where(r => ids.Contains(r.StudentId)).ExecuteDeleteAsync(ct);
        await db.Set<Grade>().Where(g => ids.Contains(g.StudentId)).ExecuteDeleteAsync(ct);
        await db.Set<SkillAssessment>().Where(s => ids.Contains(s.StudentId)).ExecuteDeleteAsync(ct);
        await db.Set<HomeworkDone>().Where(h => ids.Contains(h.StudentId)).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => ids.Contains(l.UserId)).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => ids.Contains(c.UserId)).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => ids.Contains(t.UserId)).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => ids.Contains(r.UserId)).ExecuteDeleteAsync(ct);
        // A parent's choice of child is checked at every use; cleared all the same.
        await db
            .Users.Where(p => p.ViewedChildId != null && ids.Contains(p.ViewedChildId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ViewedChildId, (int?)null), ct);
    }

    /// <summary>The files they uploaded that nothing kept shows any more; their bytes go after the commit.</summary>
    private static async Task<List<Guid>> DeleteOwnFilesAsync(EnoeDbContext db, int[] ids, CancellationToken ct)
    {
        var blobs = await OwnUnusedFiles(db, ids).Select(f => f.BlobId).ToListAsync(ct);
        await db.StoredFiles.Where(f => blobs.Contains(f.BlobId)).ExecuteDeleteAsync(ct);
        return blobs;
    }

    private static IQueryable<StoredFile> OwnUnusedFiles(EnoeDbContext db, int[] ids) =>
        db.StoredFiles.Where(f =>
            ids.Contains(f.OwnerId)
            && !db.Set<Document>().Any(d => d.FileId == f.Id)
            && !db.Set<LogbookAttachment>().Any(a => a.FileId == f.Id)
            && !db.Set<AssignmentFile>().Any(a => a.FileId == f.Id)
            && !db.Set<SubmissionFile>().Any(s => s.FileId == f.Id)
            && !db.Set<SubmissionReturn>().Any(r => r.FileId == f.Id)
            && !db.Set<MemoAttachment>().Any(a => a.FileId == f.Id)
            && !db.Set<SchoolLife.Absence>().Any(a => a.JustificationFileId == f.Id)
        );

    /// <summary>
    /// People others' records still point to (by foreign key, or by a plain id such as a revision's).
    /// </summary>
    private static System.Linq.Expressions.Expression<Func<Person, bool>> SharedAuthor(EnoeDbContext db) =>
        p =>
            db.Assignments.Any(a => a.TeacherId == p.Id)
            || db.Assessments.Any(a => a.TeacherId == p.Id)
            || db.Set<SkillAssessment>().Any(s => s.TeacherId == p.Id)
            || db.LogbookEntries.Any(e => e.CreatedById == p.Id || e.UpdatedById == p.Id || e.DeletedById == p.Id)
            || db.Set<LogbookRevision>().Any(r => r.EditedById == p.Id)
            || db.Memos.Any(m => m.SenderId == p.Id)
            || db.Set<Document>().Any(d => d.AddedById == p.Id)
            || db.StoredFiles.Any(f => f.OwnerId == p.Id)
            || db.Set<SubmissionReturn>().Any(r => r.ReturnedById == p.Id)
            || db.Bookings.Any(b => b.DecidedById == p.Id)
            || db.Set<Timetable.Lesson>().Any(l => l.TeacherId == p.Id)
            || db.Set<Timetable.LessonChange>().Any(c => c.ChangedById == p.Id)
            || db.Set<SchoolLife.Absence>().Any(a => a.RecordedById == p.Id)
            || db.Set<SchoolLife.RollCall>().Any(r => r.TakenById == p.Id);

    private static Task TombstoneAsync(EnoeDbContext db, List<int> ids, DateTime now, CancellationToken ct) =>
        db
            .Users.Where(p => ids.Contains(p.Id))
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(p => p.FirstName, DirectoryMessages.Purge_TombstoneFirst)
                        .SetProperty(p => p.LastName, DirectoryMessages.Purge_TombstoneLast)
                        .SetProperty(p => p.UserName, (string?)null)
                        .SetProperty(p => p.NormalizedUserName, (string?)null)
                        .SetProperty(p => p.Email, (string?)null)
                        .SetProperty(p => p.NormalizedEmail, (string?)null)
                        .SetProperty(p => p.PasswordHash, (string?)null)
                        .SetProperty(p => p.PhoneNumber, (string?)null)
                        .SetProperty(p => p.BirthDate, (DateOnly?)null)
                        .SetProperty(p => p.DirectoryKey, (string?)null)
                        .SetProperty(p => p.DeletionDueAt, (DateTime?)null)
                        .SetProperty(p => p.DisabledAt, now)
                        .SetProperty(p => p.IsAcademyAdmin, false)
                        .SetProperty(p => p.CurrentSchoolId, (int?)null)
                        .SetProperty(p => p.ViewedChildId, (int?)null)
                        .SetProperty(p => p.SecurityStamp, Guid.NewGuid().ToString("N"))
                        .SetProperty(p => p.ConcurrencyStamp, Guid.NewGuid().ToString()),
                ct
            );
}
