using Enoe.Data.Caching;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Timetable;

/// <summary>
/// Each person's week: a student's classes and groups, a parent's child's, a teacher's lessons in every
/// établissement; and, for the personnel of an établissement, any class's, group's, teacher's, room's or student's.
/// Holidays and weeks A/B are the établissement's; the direction and the vie scolaire change single occurrences
/// (<c>TimetableService.Changes.cs</c>).
/// </summary>
public sealed partial class TimetableService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    ServiceAccess access,
    EnoeCache cache,
    TimeProvider clock,
    ILogger<TimetableService> log,
    Notifications.NotificationService notifications
)
{
    public const int ReasonMax = 200;

    /// <summary>
    /// The week holding <paramref name="day"/> of <paramref name="of"/>'s timetable, if the reader may.
    /// </summary>
    public async Task<Result<TimetableWeek>> WeekAsync(
        CurrentUser user,
        TimetableOf of,
        DateOnly day,
        CancellationToken ct = default
    )
    {
        var monday = SchoolWeeks.MondayOf(day);
        var read = await ReadAsync(user, of, monday, monday.AddDays(5), titled: true, ct);
        if (!read.Succeeded)
            return read.Failure;
        var (title, days, kind, audience) = read.Value;
        // Saturday only where something meets then.
        var shown = days[^1].Lessons.Count > 0 ? days : days.Take(5).ToList();
        return Result<TimetableWeek>.Ok(new(monday, kind, title, shown, audience));
    }

    /// <summary>
    /// The days from <paramref name="from"/> to <paramref name="to"/> of <paramref name="of"/>'s timetable
    /// ("Ma journée"); empty when the reader may not, or the service is off.
    /// </summary>
    public async Task<TimetableDays> DaysAsync(
        CurrentUser user,
        TimetableOf of,
        DateOnly from,
        DateOnly to,
        CancellationToken ct = default
    ) =>
        await ReadAsync(user, of, from, to, titled: false, ct) is { Succeeded: true } read
            ? new(read.Value.Days, read.Value.Audience)
            : TimetableDays.None;

    /// <summary>
    /// The school day after <paramref name="day"/> in <paramref name="schoolId"/>'s calendar (its holidays and the
    /// académie's, as cached); without an établissement, the next weekday.
    /// </summary>
    public async Task<DateOnly> NextSchoolDayAsync(int? schoolId, DateOnly day, CancellationToken ct = default)
    {
        var weeks = schoolId is int id ? (await CalendarsAsync([id], day, ct))[id] : new SchoolWeeks(day, []);
        return weeks.NextSchoolDay(day);
    }

    /// <summary>Today, as the établissement's clock says (Paris).</summary>
    public DateTime Now => SchoolTime.ToLocal(clock.GetUtcNow().UtcDateTime);

    private async Task<
        Result<(string Title, IReadOnlyList<TimetableDay> Days, WeekPattern? Kind, TimetableAudience Audience)>
    > ReadAsync(CurrentUser user, TimetableOf of, DateOnly from, DateOnly to, bool titled, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await TimetableScope.ResolveAsync(db, user, of, titled, ct);
        if (scope.Value is not { } found)
            return scope.Failure;
        if (found.SchoolId is int school && await access.RefusalAsync(user, EntService.Timetable, school, ct) is { } no)
            return no;
        var rows = await TimetableRows.ReadAsync(db, found.Lessons, from, to, ct);
        // A teacher's lessons in another établissement show only where the service runs there.
        var schools = new List<int>();
        foreach (var id in rows.Select(r => r.SchoolId).Distinct())
            if (id == found.SchoolId || await access.RefusalAsync(user, EntService.Timetable, id, ct) is null)
                schools.Add(id);
        var calendars = await CalendarsAsync(schools, from, ct);
        var days = TimetableRows.Expand(
            [.. rows.Where(r => schools.Contains(r.SchoolId))],
            calendars,
            from,
            to,
            of.Kind == TimetableKind.Room ? of.Room?.Trim() : null
        );
        var home = found.SchoolId ?? schools.FirstOrDefault();
        var kind =
            rows.Any(r => r.Weeks != WeekPattern.Every) && calendars.TryGetValue(home, out var weeks)
                ? weeks.KindOf(from)
                : null;
        // A teacher's timetable hears their own lessons; a learner's, a class's or a group's, their classes and groups.
        HashSet<int> teachers = of.Kind switch
        {
            TimetableKind.Teacher => [of.Id],
            TimetableKind.Mine => [user.PersonId],
            _ => [],
        };
        var learning = rows.Where(r => schools.Contains(r.SchoolId) && !teachers.Contains(r.TeacherId)).ToList();
        var audience = new TimetableAudience(
            schools
                .Concat(
                    found.SchoolId is int s ? [s]
                    : user.SchoolId is int u ? [u]
                    : []
                )
                .Distinct()
                .ToList(),
            [.. learning.Select(r => r.ClassId).OfType<int>().Distinct()],
            [.. learning.Select(r => r.GroupId).OfType<int>().Distinct()],
            [.. teachers],
            Everything: of.Kind == TimetableKind.Room
        );
        return Result<(string, IReadOnlyList<TimetableDay>, WeekPattern?, TimetableAudience)>.Ok(
            (found.Title, days, kind, audience)
        );
    }

    /// <summary>Each établissement's weeks: its week A and its holidays (<see cref="CalendarOfAsync"/>).</summary>
    private async Task<Dictionary<int, SchoolWeeks>> CalendarsAsync(
        IReadOnlyList<int> schools,
        DateOnly day,
        CancellationToken ct
    )
    {
        var calendars = new Dictionary<int, SchoolWeeks>();
        foreach (var school in schools)
        {
            var calendar = await CalendarOfAsync(school, ct);
            calendars[school] = new SchoolWeeks(
                calendar.WeekA ?? SchoolWeeks.DefaultWeekA(day),
                [.. calendar.Holidays.Select(h => (h.Name, h.From, h.To))]
            );
        }
        return calendars;
    }
}
