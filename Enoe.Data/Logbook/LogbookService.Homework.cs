using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Logbook;

/// <summary>Homework: a student's own tick, and how much a class already has due on a day.</summary>
public sealed partial class LogbookService
{
    /// <summary>A student's personal tick on homework of one of their classes or groups.</summary>
    public async Task<Result> SetDoneAsync(CurrentUser user, int entryId, bool done, CancellationToken ct = default)
    {
        if (await EntryGateAsync(user, entryId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var mine = await db.Set<LogbookEntry>()
            .AnyAsync(
                e =>
                    e.Id == entryId
                    && e.DeletedAt == null
                    && e.Homework != null
                    && (
                        (
                            e.SchoolClassId != null
                            && db.Enrolments.Any(x => x.StudentId == me && x.SchoolClassId == e.SchoolClassId)
                        )
                        || (
                            e.TeachingGroupId != null
                            && db.GroupEnrolments.Any(x => x.StudentId == me && x.TeachingGroupId == e.TeachingGroupId)
                        )
                    ),
                ct
            );
        if (!mine)
            return Result.NotFound(LogbookMessages.NotInYourLogbook);
        // Said twice (two tabs, a double tap), it is still one tick: the key refuses the second.
        if (!done)
            await db.Set<HomeworkDone>().Where(h => h.StudentId == me && h.EntryId == entryId).ExecuteDeleteAsync(ct);
        else
            await db.InsertUnlessPresentAsync(
                new HomeworkDone
                {
                    StudentId = me,
                    EntryId = entryId,
                    DoneAt = clock.GetUtcNow().UtcDateTime,
                },
                ct
            );
        return Result.Ok();
    }

    /// <summary>
    /// How much work the students of a class or group already have due on a day (any subject, their groups included).
    /// </summary>
    public async Task<Result<HomeworkLoad>> HomeworkLoadAsync(
        CurrentUser user,
        int? classId,
        int? groupId,
        DateOnly dueDate,
        CancellationToken ct = default
    )
    {
        if (await AudienceGateAsync(user, classId, groupId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var teaches = await db.TeachingAssignments.AnyAsync(
            a =>
                a.TeacherId == user.PersonId
                && (
                    (classId != null && a.SchoolClassId == classId) || (groupId != null && a.TeachingGroupId == groupId)
                ),
            ct
        );
        if (!teaches)
            return NotYourClass;
        var students = ClassContent.Students(db, classId, groupId);
        var classes = db.Enrolments.Where(e => students.Contains(e.StudentId)).Select(e => e.SchoolClassId);
        var groups = db.GroupEnrolments.Where(e => students.Contains(e.StudentId)).Select(e => e.TeachingGroupId);
        var due = await db.Set<LogbookEntry>()
            .CountAsync(
                e =>
                    e.DeletedAt == null
                    && e.Homework != null
                    && e.HomeworkDueDate == dueDate
                    && (
                        (e.SchoolClassId != null && classes.Contains(e.SchoolClassId.Value))
                        || (e.TeachingGroupId != null && groups.Contains(e.TeachingGroupId.Value))
                    ),
                ct
            );
        var threshold = await (
            classId is int k
                ? db.Classes.Where(x => x.Id == k).Select(x => x.School!.HomeworkWarningThreshold)
                : db.Groups.Where(x => x.Id == groupId).Select(x => x.School!.HomeworkWarningThreshold)
        ).FirstAsync(ct);
        return Result<HomeworkLoad>.Ok(new HomeworkLoad(due, threshold));
    }
}
