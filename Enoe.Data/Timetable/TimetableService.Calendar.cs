using System.ComponentModel;
using Enoe.Data.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>An établissement's week A (null: the rentrée's) and its holidays with the académie's, as cached.</summary>
[ImmutableObject(true)]
public sealed record SchoolCalendar(DateOnly? WeekA, IReadOnlyList<SchoolCalendar.Holiday> Holidays)
{
    [ImmutableObject(true)]
    public sealed record Holiday(string Name, DateOnly From, DateOnly To);
}

/// <summary>
/// Every timetable read needs its établissement's holidays and week A, which a few administrators change a few times
/// a year: they are cached per établissement (<see cref="Caching.EnoeCache"/>, shared between instances) and dropped
/// when the week A is set or a holiday added or removed.
/// </summary>
public sealed partial class TimetableService
{
    private const string AcademyCalendarTag = "calendar:academy";

    private static string CalendarTag(int? schoolId) =>
        schoolId is int id ? $"calendar:school:{id}" : AcademyCalendarTag;

    /// <summary>
    /// How far back holidays are kept in the cached calendar: weeks A/B are counted over one school year.
    /// </summary>
    private static readonly int YearsBack = 2;

    public ValueTask<SchoolCalendar> CalendarOfAsync(int schoolId, CancellationToken ct = default) =>
        cache.GetOrCreateAsync(
            $"timetable:calendar:{schoolId}",
            c => LoadCalendarAsync(schoolId, c),
            [AcademyCalendarTag, CalendarTag(schoolId)],
            ct
        );

    /// <summary>
    /// Once a holiday of <paramref name="schoolId"/> (null: the académie's) or its week A changed and committed: drops
    /// the cached calendars here and on every instance.
    /// </summary>
    public Task CalendarChangedAsync(int? schoolId) => cache.InvalidateAsync(CalendarTag(schoolId));

    private async ValueTask<SchoolCalendar> LoadCalendarAsync(int schoolId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = DateOnly.FromDateTime(Now).AddYears(-YearsBack);
        var weekA = await db.Set<TimetableCalendar>()
            .Where(c => c.SchoolId == schoolId)
            .Select(c => (DateOnly?)c.WeekA)
            .FirstOrDefaultAsync(ct);
        var holidays = await db.Set<HolidayPeriod>()
            .Where(h => (h.SchoolId == null || h.SchoolId == schoolId) && h.To >= since)
            .OrderBy(h => h.From)
            .Select(h => new SchoolCalendar.Holiday(h.Name, h.From, h.To))
            .ToListAsync(ct);
        return new(weekA, holidays);
    }
}
