using System.ComponentModel;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>The rooms the timetable holds in a day, as cached: the same for every teacher booking a room.</summary>
[ImmutableObject(true)]
public sealed record RoomDay(IReadOnlyList<RoomDay.Use> Uses)
{
    [ImmutableObject(true)]
    public sealed record Use(string Room, TimeOnly StartsAt, TimeOnly EndsAt);
}

/// <summary>
/// What the booking of rooms leaves out: the rooms where a lesson takes place. Every teacher's "Réserver" widget asks
/// for the same day of the same établissement, so the day is cached per établissement, dropped when a lesson changes,
/// the timetable is imported, or the calendar moves.
/// </summary>
public sealed partial class TimetableService
{
    private static string LessonsTag(int schoolId) => $"timetable:school:{schoolId}";

    /// <summary>
    /// The rooms (by name, case ignored) where a lesson takes place between <paramref name="startsAt"/> and
    /// <paramref name="endsAt"/> on <paramref name="date"/>, changes applied; none where the service is off.
    /// </summary>
    public async Task<IReadOnlySet<string>> RoomsInUseAsync(
        int schoolId,
        DateOnly date,
        TimeOnly startsAt,
        TimeOnly endsAt,
        CancellationToken ct = default
    )
    {
        if (await access.IsOffAsync(schoolId, EntService.Timetable, ct))
            return new HashSet<string>();
        var day = await cache.GetOrCreateAsync(
            $"timetable:rooms:{schoolId}:{date.DayNumber}",
            c => LoadRoomDayAsync(schoolId, date, c),
            [LessonsTag(schoolId), AcademyCalendarTag, CalendarTag(schoolId)],
            ct
        );
        return day
            .Uses.Where(u => u.StartsAt < endsAt && u.EndsAt > startsAt)
            .Select(u => u.Room)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Once lessons of <paramref name="schoolId"/> changed and committed: drops its cached room days.
    /// </summary>
    internal Task LessonsChangedAsync(int schoolId) => cache.InvalidateAsync(LessonsTag(schoolId));

    private async ValueTask<RoomDay> LoadRoomDayAsync(int schoolId, DateOnly date, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var weekday = date.DayOfWeek;
        var lessons = db.Set<Lesson>()
            .Where(l => l.SchoolId == schoolId && (l.Day == weekday || l.Changes.Any(c => c.NewDate == date)));
        var rows = await TimetableRows.ReadAsync(db, lessons, date, date, ct);
        if (rows.Count == 0)
            return new([]);
        var calendars = await CalendarsAsync([schoolId], date, ct);
        return new([
            .. TimetableRows
                .Expand(rows, calendars, date, date, room: null)[0]
                .Lessons.Where(l => l.TakesPlace && l.Room is not null)
                .Select(l => new RoomDay.Use(l.Room!, l.StartsAt, l.EndsAt)),
        ]);
    }
}
