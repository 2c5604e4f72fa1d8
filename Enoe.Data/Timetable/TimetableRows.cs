using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>
/// The weekly lessons of a scope read once with their changes over the dates asked, then laid out day by day: what
/// meets, on which weeks, outside holidays, and what the direction changed.
/// </summary>
internal static class TimetableRows
{
    internal sealed record ChangeRow(
        DateOnly Date,
        LessonChangeKind Kind,
        DateOnly? NewDate,
        TimeOnly? NewStartsAt,
        TimeOnly? NewEndsAt,
        string? NewRoom,
        string Reason
    );

    internal sealed record Row(
        int Id,
        int SchoolId,
        DayOfWeek Day,
        TimeOnly StartsAt,
        TimeOnly EndsAt,
        string Subject,
        int SubjectId,
        string Audience,
        int? ClassId,
        int? GroupId,
        int TeacherId,
        string Teacher,
        string? Room,
        WeekPattern Weeks,
        DateOnly? From,
        DateOnly? To,
        List<ChangeRow> Changes
    );

    /// <summary>The lessons that may meet between the dates (or were moved into them), in one round trip.</summary>
    public static Task<List<Row>> ReadAsync(
        EnoeDbContext db,
        IQueryable<Lesson> lessons,
        DateOnly from,
        DateOnly to,
        CancellationToken ct
    ) =>
        lessons
            .Where(l =>
                ((l.From == null || l.From <= to) && (l.To == null || l.To >= from))
                || l.Changes.Any(c => c.NewDate >= from && c.NewDate <= to)
            )
            .Select(l => new Row(
                l.Id,
                l.SchoolId,
                l.Day,
                l.StartsAt,
                l.EndsAt,
                l.Subject!.Name,
                l.SubjectId,
                l.SchoolClassId != null ? l.SchoolClass!.Name : l.TeachingGroup!.Name,
                l.SchoolClassId,
                l.TeachingGroupId,
                l.TeacherId,
                l.Teacher!.FirstName + " " + l.Teacher.LastName,
                l.Room,
                l.Weeks,
                l.From,
                l.To,
                l.Changes.Where(c => (c.Date >= from && c.Date <= to) || (c.NewDate >= from && c.NewDate <= to))
                    .Select(c => new ChangeRow(
                        c.Date,
                        c.Kind,
                        c.NewDate,
                        c.NewStartsAt,
                        c.NewEndsAt,
                        c.NewRoom,
                        c.Reason
                    ))
                    .ToList()
            ))
            .AsNoTracking()
            .ToListAsync(ct);

    /// <summary>
    /// Each day from <paramref name="from"/> to <paramref name="to"/>: its holiday, or its lessons by start. In a
    /// room's timetable (<paramref name="room"/>), only what meets there.
    /// </summary>
    public static List<TimetableDay> Expand(
        IReadOnlyList<Row> rows,
        IReadOnlyDictionary<int, SchoolWeeks> calendars,
        DateOnly from,
        DateOnly to,
        string? room
    )
    {
        var days = new List<TimetableDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var lessons = new List<LessonView>();
            string? holiday = null;
            foreach (var row in rows)
            {
                var weeks = calendars[row.SchoolId];
                holiday ??= weeks.HolidayOn(day);
                if (weeks.Meets(row.Day, row.Weeks, row.From, row.To, day))
                    lessons.Add(Planned(row, day, row.Changes.FirstOrDefault(c => c.Date == day)));
                // Only where it was planned still holds (a holiday or a new timetable may have taken that day away).
                foreach (var moved in row.Changes.Where(c => c.Kind == LessonChangeKind.Moved && c.NewDate == day))
                    if (weeks.Meets(row.Day, row.Weeks, row.From, row.To, moved.Date))
                        lessons.Add(MovedHere(row, moved));
            }
            if (room is not null)
                lessons.RemoveAll(l =>
                    !string.Equals(
                        l.TakesPlace ? l.Room : l.PlannedRoom ?? l.Room,
                        room,
                        StringComparison.OrdinalIgnoreCase
                    )
                );
            days.Add(
                new(
                    day,
                    lessons.Count == 0 ? holiday : null,
                    [.. lessons.OrderBy(l => l.StartsAt).ThenBy(l => l.Subject, StringComparer.Ordinal)]
                )
            );
        }
        return days;
    }

    private static LessonView Planned(Row row, DateOnly day, ChangeRow? change)
    {
        var view = View(row, day, row.StartsAt, row.EndsAt, row.Room, LessonStatus.AsPlanned);
        return change switch
        {
            null => view,
            { Kind: LessonChangeKind.Cancelled } => view with
            {
                Status = LessonStatus.Cancelled,
                Reason = change.Reason,
            },
            { Kind: LessonChangeKind.RoomChanged } => view with
            {
                Status = LessonStatus.RoomChanged,
                Room = change.NewRoom,
                PlannedRoom = row.Room,
                Reason = change.Reason,
            },
            _ => view with
            {
                Status = LessonStatus.MovedAway,
                Reason = change.Reason,
                MovedTo = change.NewDate?.ToDateTime(change.NewStartsAt ?? row.StartsAt),
            },
        };
    }

    private static LessonView MovedHere(Row row, ChangeRow moved) =>
        View(
            row,
            moved.NewDate!.Value,
            moved.NewStartsAt ?? row.StartsAt,
            moved.NewEndsAt ?? row.EndsAt,
            moved.NewRoom ?? row.Room,
            LessonStatus.MovedHere
        ) with
        {
            Reason = moved.Reason,
            MovedFrom = moved.Date,
            PlannedRoom = row.Room,
        };

    private static LessonView View(
        Row row,
        DateOnly day,
        TimeOnly starts,
        TimeOnly ends,
        string? room,
        LessonStatus status
    ) =>
        new(
            row.Id,
            row.SchoolId,
            day,
            starts,
            ends,
            row.Subject,
            row.SubjectId,
            row.Audience,
            row.ClassId,
            row.GroupId,
            row.TeacherId,
            row.Teacher,
            room,
            row.Weeks,
            status
        );
}
