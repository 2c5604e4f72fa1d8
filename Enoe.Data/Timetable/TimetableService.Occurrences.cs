using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>A lesson's occurrences on one day, for what is done during lessons (the roll call).</summary>
public sealed partial class TimetableService
{
    /// <summary>
    /// The lesson as it takes place on <paramref name="date"/> (moved there included); null if it does not.
    /// </summary>
    public async Task<LessonView?> OccurrenceAsync(int lessonId, DateOnly date, CancellationToken ct = default) =>
        (await DayOfAsync(l => l.Id == lessonId, date, ct)).FirstOrDefault(l => l.LessonId == lessonId);

    /// <summary>Every lesson of the établissement that takes place on <paramref name="date"/>, by start.</summary>
    public Task<IReadOnlyList<LessonView>> SchoolDayAsync(int schoolId, DateOnly date, CancellationToken ct = default)
    {
        var weekday = date.DayOfWeek;
        return DayOfAsync(
            l => l.SchoolId == schoolId && (l.Day == weekday || l.Changes.Any(c => c.NewDate == date)),
            date,
            ct
        );
    }

    private async Task<IReadOnlyList<LessonView>> DayOfAsync(
        System.Linq.Expressions.Expression<Func<Lesson, bool>> which,
        DateOnly date,
        CancellationToken ct
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await TimetableRows.ReadAsync(db, db.Set<Lesson>().Where(which), date, date, ct);
        if (rows.Count == 0)
            return [];
        var calendars = await CalendarsAsync([.. rows.Select(r => r.SchoolId).Distinct()], date, ct);
        return [.. TimetableRows.Expand(rows, calendars, date, date, room: null)[0].Lessons.Where(l => l.TakesPlace)];
    }
}
