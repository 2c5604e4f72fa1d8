using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Logbook;

/// <summary>What a reader may read of the carnet, and "Mon carnet"'s day read at once.</summary>
public sealed partial class LogbookService
{
    /// <summary>
    /// A day as "Mon carnet" shows it: the sessions of <paramref name="day"/> (by start) and, when
    /// <paramref name="homeworkTo"/> is given, the homework due from that day to then (by due day, then start), with
    /// <see cref="ListAsync"/>'s rights and filters, the entries read in one round trip.
    /// </summary>
    public async Task<LogbookDay> DayAsync(
        CurrentUser user,
        DateOnly day,
        DateOnly? homeworkTo,
        int? studentId = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ReaderQueryAsync(db, user, null, null, studentId, ct) is not var (query, doneFor))
            return new([], []);
        // The day's sessions and the homework due, each found through its own index, then the entries by their key:
        // "the day or the homework due" tested on each row read the établissement's whole year of carnet.
        var ids = query.Where(e => e.SessionDate == day).Select(e => e.Id);
        if (homeworkTo is DateOnly to)
            ids = ids.Concat(query.Where(e => e.HomeworkDueDate >= day && e.HomeworkDueDate <= to).Select(e => e.Id));
        query = db.LogbookEntries.Where(e => ids.Contains(e.Id));
        var rows = await Project(db, query, doneFor).AsNoTracking().ToListAsync(ct);
        var sessions = rows.Where(e => e.SessionDate == day).OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
        var homework = rows.Where(e =>
                e.Homework is not null && e.HomeworkDueDate >= day && e.HomeworkDueDate <= homeworkTo
            )
            .OrderBy(e => e.HomeworkDueDate)
            .ThenBy(e => e.StartsAt)
            .ThenBy(e => e.Id);
        return new([.. sessions], [.. homework]);
    }

    /// <summary>
    /// The entries this person may read (<see cref="ListAsync"/>'s filters), and whose "done" ticks they see; null
    /// where the service is closed to them.
    /// </summary>
    private async Task<(IQueryable<LogbookEntry> Query, int DoneFor)?> ReaderQueryAsync(
        EnoeDbContext db,
        CurrentUser user,
        int? classId,
        int? groupId,
        int? studentId,
        CancellationToken ct
    )
    {
        var me = user.PersonId;
        var (school, doneFor) = ((int?)null, me);
        if (studentId is int kin && await StudentRecords.RememberedChildAsync(db, me, kin, ct) is var (_, at))
            (school, doneFor) = (at, kin); // a parent's child, as the widgets loading with this one resolved it
        else if (studentId is int pupil)
        {
            // A child's carnet is gated by the child's établissement, whatever the parent's session; the "done" ticks
            // are the student's own, or a parent's child's (only theirs). Both in one round trip.
            var learners = Audiences.Learners(db, me);
            var schools = StudentRecords.StudentSchools(db);
            var of = await db
                .Users.Where(p => p.Id == pupil)
                .Select(p => new
                {
                    School = schools.Where(m => m.PersonId == p.Id).Select(m => (int?)m.SchoolId).FirstOrDefault(),
                    Followed = learners.Contains(p.Id),
                })
                .FirstOrDefaultAsync(ct);
            (school, doneFor) = (of?.School, of?.Followed == true ? pupil : me);
        }
        if (await access.RefusalAsync(user, EntService.Logbook, school ?? user.SchoolId, ct) is not null)
            return null;
        var query = HeldFromFamilies(db, Readable(db, me), me, clock.GetUtcNow().UtcDateTime);
        if (classId is int c)
            query = query.Where(e => e.SchoolClassId == c);
        if (groupId is int g)
            query = query.Where(e => e.TeachingGroupId == g);
        if (studentId is int child)
        {
            var classes = db.Enrolments.Where(e => e.StudentId == child).Select(e => e.SchoolClassId);
            var groups = db.GroupEnrolments.Where(e => e.StudentId == child).Select(e => e.TeachingGroupId);
            query = query.Where(e =>
                (e.SchoolClassId != null && classes.Contains(e.SchoolClassId.Value))
                || (e.TeachingGroupId != null && groups.Contains(e.TeachingGroupId.Value))
            );
        }
        else
            query = query.Where(e => e.SchoolId == user.SchoolId);
        return (query, doneFor);
    }
}
