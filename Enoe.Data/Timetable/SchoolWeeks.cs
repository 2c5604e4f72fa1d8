namespace Enoe.Data.Timetable;

/// <summary>
/// One établissement's calendar as its timetable reads it: the holidays (its own and the académie's) and whether a
/// week is an A or a B. Weeks alternate from the établissement's week A; a week wholly in holidays does not count, so
/// the week after the Toussaint follows the week before it.
/// </summary>
public sealed class SchoolWeeks(DateOnly weekA, IReadOnlyList<(string Name, DateOnly From, DateOnly To)> holidays)
{
    /// <summary>The Monday of the week holding <paramref name="day"/>.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Week A when an établissement set none: the week of the rentrée (the one holding 1 September).</summary>
    public static DateOnly DefaultWeekA(DateOnly day) =>
        MondayOf(new DateOnly(day.Month >= 8 ? day.Year : day.Year - 1, 9, 1));

    public DateOnly WeekA => weekA;

    /// <summary>The holiday <paramref name="day"/> falls in, or null on a school day.</summary>
    public string? HolidayOn(DateOnly day)
    {
        foreach (var (name, from, to) in holidays)
            if (day >= from && day <= to)
                return name;
        return null;
    }

    /// <summary>
    /// The school day after <paramref name="day"/>: the next Monday to Friday outside the holidays (Friday gives
    /// Monday, the last day before the holidays the first day back). A year at most is looked at.
    /// </summary>
    public DateOnly NextSchoolDay(DateOnly day)
    {
        var next = day.AddDays(1);
        for (var i = 0; i < 366 && !IsSchoolDay(next); i++)
            next = next.AddDays(1);
        return next;
    }

    /// <summary>Monday to Friday, outside the holidays.</summary>
    public bool IsSchoolDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayOn(day) is null;

    /// <summary>Whether Monday to Friday of the week holding <paramref name="day"/> are all holidays.</summary>
    public bool IsHolidayWeek(DateOnly day)
    {
        var monday = MondayOf(day);
        for (var i = 0; i < 5; i++)
            if (HolidayOn(monday.AddDays(i)) is null)
                return false;
        return true;
    }

    /// <summary>A or B for the week holding <paramref name="day"/>; a holiday week has none.</summary>
    public WeekPattern? KindOf(DateOnly day)
    {
        var monday = MondayOf(day);
        if (_kinds.TryGetValue(monday, out var known))
            return known;
        WeekPattern? kind = null;
        if (!IsHolidayWeek(monday))
        {
            // The school weeks between week A and this one, whichever comes first: an even count makes an A.
            var (from, to) = monday >= weekA ? (weekA, monday) : (monday, weekA);
            var schoolWeeks = 0;
            for (var week = from; week < to; week = week.AddDays(7))
                if (!IsHolidayWeek(week))
                    schoolWeeks++;
            kind = schoolWeeks % 2 == 0 ? WeekPattern.A : WeekPattern.B;
        }
        return _kinds[monday] = kind;
    }

    private readonly Dictionary<DateOnly, WeekPattern?> _kinds = [];

    /// <summary>
    /// Whether the lesson meets on <paramref name="day"/> (its weekday, dates, weeks; holidays aside).
    /// </summary>
    public bool Meets(Lesson lesson, DateOnly day) => Meets(lesson.Day, lesson.Weeks, lesson.From, lesson.To, day);

    public bool Meets(DayOfWeek weekday, WeekPattern weeks, DateOnly? from, DateOnly? to, DateOnly day) =>
        day.DayOfWeek == weekday
        && (from is null || day >= from)
        && (to is null || day <= to)
        && HolidayOn(day) is null
        && (weeks == WeekPattern.Every || KindOf(day) == weeks);
}
