using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Timetable;

/// <summary>One occurrence cancelled, moved or given another room, by the direction or the vie scolaire.</summary>
public sealed partial class TimetableService
{
    /// <summary>
    /// Whether the reader changes lessons in the établissement of their session (to show the buttons).
    /// </summary>
    public async Task<bool> CanChangeAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.HoldsAsync(user.PersonId, user.SchoolId, Right.TimetableChange, ct);
    }

    /// <summary>
    /// Records the change of one occurrence (replacing an earlier change of it), and tells the open timetables.
    /// </summary>
    public async Task<Result> ChangeAsync(CurrentUser user, LessonChangeDraft draft, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await GateAsync(db, user, draft.LessonId, draft.Date, ct) is not var (lesson, weeks))
            return Result.Forbidden();
        if (await access.RefusalAsync(user, EntService.Timetable, lesson.SchoolId, ct) is { } off)
            return off;
        var problems = Problems(draft, lesson, weeks);
        if (problems.Count > 0)
            return Result.Invalid(problems);
        if (!draft.Confirmed && await CollisionsAsync(lesson, draft, ct) is { Count: > 0 } collisions)
            return Result<IReadOnlyList<string>>.Conflict(collisions, TimetableMessages.Change_Collides);
        var change = await db.Set<LessonChange>()
            .FirstOrDefaultAsync(c => c.LessonId == lesson.Id && c.Date == draft.Date, ct);
        var earlierMove = change?.NewDate;
        if (change is null)
            db.Add(change = new LessonChange { LessonId = lesson.Id, Date = draft.Date });
        var moved = draft.Kind == LessonChangeKind.Moved;
        change.Kind = draft.Kind;
        change.Reason = draft.Reason.Trim();
        change.NewRoom =
            draft.Kind == LessonChangeKind.Cancelled || string.IsNullOrWhiteSpace(draft.NewRoom)
                ? null
                : draft.NewRoom.Trim();
        change.NewDate = moved ? draft.NewDate : null;
        change.NewStartsAt = moved ? draft.NewStartsAt : null;
        change.NewEndsAt = moved ? draft.NewEndsAt : null;
        change.ChangedById = user.PersonId;
        change.ChangedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone changed the same occurrence at the same moment: theirs stands, this one is asked again.
            return Result.Conflict(TimetableMessages.Change_Concurrent);
        }
        var changed = await ChangedAsync(lesson, draft.Date, change.NewDate, earlierMove);
        await NotifyChangeAsync(lesson, draft.Date, change, changed, ct);
        return Result.Ok();
    }

    /// <summary>Puts the occurrence back as the weekly timetable has it.</summary>
    public async Task<Result> UndoChangeAsync(
        CurrentUser user,
        int lessonId,
        DateOnly date,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await GateAsync(db, user, lessonId, date, ct) is not var (lesson, _))
            return Result.Forbidden();
        if (await access.RefusalAsync(user, EntService.Timetable, lesson.SchoolId, ct) is { } off)
            return off;
        var change = await db.Set<LessonChange>()
            .FirstOrDefaultAsync(c => c.LessonId == lessonId && c.Date == date, ct);
        if (change is null)
            return Result.NotFound();
        db.Remove(change);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.NotFound(); // undone by someone else meanwhile
        }
        await NotifyChangeAsync(lesson, date, null, await ChangedAsync(lesson, date, change.NewDate, null), ct);
        return Result.Ok();
    }

    /// <summary>The lesson and its établissement's weeks, when the reader holds the right there.</summary>
    private async Task<(Lesson Lesson, SchoolWeeks Weeks)?> GateAsync(
        EnoeDbContext db,
        CurrentUser user,
        int lessonId,
        DateOnly day,
        CancellationToken ct
    )
    {
        var lesson = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == lessonId, ct);
        if (lesson is null || !await db.HoldsAsync(user.PersonId, lesson.SchoolId, Right.TimetableChange, ct))
            return null;
        // The weeks as the change's day reads them (its school year's week A, as the timetable shows it).
        var calendars = await CalendarsAsync([lesson.SchoolId], day, ct);
        return (lesson, calendars[lesson.SchoolId]);
    }

    private static List<string> Problems(LessonChangeDraft draft, Lesson lesson, SchoolWeeks weeks)
    {
        var problems = new List<string>();
        if (!weeks.Meets(lesson, draft.Date))
            problems.Add(TimetableMessages.Change_NoLessonThatDay);
        if (string.IsNullOrWhiteSpace(draft.Reason))
            problems.Add(TimetableMessages.Change_ReasonRequired);
        else if (draft.Reason.Trim().Length > ReasonMax)
            problems.Add(TimetableMessages.FormatChange_ReasonTooLong(ReasonMax));
        if (draft.NewRoom?.Trim().Length > TimetableImport.RoomMax)
            problems.Add(TimetableMessages.FormatImport_RoomTooLong(TimetableImport.RoomMax));
        switch (draft.Kind)
        {
            case LessonChangeKind.RoomChanged when string.IsNullOrWhiteSpace(draft.NewRoom):
                problems.Add(TimetableMessages.Change_RoomRequired);
                break;
            case LessonChangeKind.Moved:
                if (
                    draft.NewDate is not DateOnly to
                    || draft.NewStartsAt is not TimeOnly s
                    || draft.NewEndsAt is not TimeOnly e
                )
                    problems.Add(TimetableMessages.Change_WhenRequired);
                else if (e <= s)
                    problems.Add(TimetableMessages.Change_EndBeforeStart);
                else if (to.DayOfWeek == DayOfWeek.Sunday)
                    problems.Add(TimetableMessages.Change_MovedToSunday);
                else if (weeks.HolidayOn(to) is { } holiday)
                    problems.Add(TimetableMessages.FormatChange_MovedIntoHoliday(holiday));
                else if (to == draft.Date && s == lesson.StartsAt)
                    problems.Add(TimetableMessages.Change_MovedNowhere);
                break;
        }
        return problems;
    }

    /// <summary>The cached lessons forget it; the event for the open timetables, published with its notices.</summary>
    private async Task<LessonChanged> ChangedAsync(
        Lesson lesson,
        DateOnly date,
        DateOnly? newDate,
        DateOnly? earlierNewDate
    )
    {
        await LessonsChangedAsync(lesson.SchoolId);
        log.LogInformation("Lesson {Lesson} changed on {Date}", lesson.Id, date);
        return new LessonChanged(
            lesson.SchoolId,
            lesson.Id,
            lesson.SchoolClassId,
            lesson.TeachingGroupId,
            lesson.TeacherId,
            date,
            newDate,
            earlierNewDate
        );
    }
}
