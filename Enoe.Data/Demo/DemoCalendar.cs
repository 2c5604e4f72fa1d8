namespace Enoe.Data.Demo;

/// <summary>
/// The school year around the clock's day, so the demo is alive whatever the date: the zone A
/// holidays and public holidays of that year (computed, not typed in), its three terms, and the
/// window the demo fills — the four weeks before today and the whole of next week.
/// </summary>
internal sealed class DemoCalendar
{
    public sealed record Period(string Name, DateOnly From, DateOnly To);

    public DateOnly Today { get; }

    /// <summary>Four weeks back: the first day whose sessions, marks and mémos the demo writes.</summary>
    public DateOnly From => Today.AddDays(-28);

    /// <summary>
    /// The Monday after today (a week away when today is a Monday), as the booking page counts "next week".
    /// </summary>
    public DateOnly NextMonday { get; }
    public DateOnly NextFriday => NextMonday.AddDays(4);

    /// <summary>Holidays of the school year that holds today, public holidays on school days included.</summary>
    public IReadOnlyList<Period> Holidays { get; }
    public IReadOnlyList<Period> Terms { get; }
    private readonly List<Period> _closed;

    public DemoCalendar(DateOnly today)
    {
        Today = today;
        NextMonday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
        // The year starts in September; in July and August the coming year is already the one shown.
        var year = today.Month >= 8 ? today.Year : today.Year - 1;
        Holidays = YearHolidays(year);
        var summer = Holidays[^1];
        Terms =
        [
            new("Trimestre 1", Rentree(year), new(year, 11, 30)),
            new("Trimestre 2", new(year, 12, 1), FirstOnOrAfter(new(year + 1, 3, 8), DayOfWeek.Friday)),
            new("Trimestre 3", FirstOnOrAfter(new(year + 1, 3, 8), DayOfWeek.Friday).AddDays(1), summer.From),
        ];
        // Last year's holidays too: in early September the window reaches back into the summer.
        _closed = [.. YearHolidays(year - 1), .. Holidays];
    }

    public bool IsSchoolDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_closed.Any(h => h.From <= day && day <= h.To);

    /// <summary>School days from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public IEnumerable<DateOnly> SchoolDays(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
            if (IsSchoolDay(day))
                yield return day;
    }

    /// <summary>
    /// The zone A calendar of the year starting in September of <paramref name="year"/>, the summer last.
    /// </summary>
    private static List<Period> YearHolidays(int year)
    {
        var toussaint = FirstOnOrAfter(new(year, 11, 1), DayOfWeek.Sunday);
        var christmas = FirstOnOrAfter(new(year, 12, 17), DayOfWeek.Saturday);
        var winter = FirstOnOrAfter(new(year + 1, 2, 6), DayOfWeek.Saturday);
        var spring = FirstOnOrAfter(new(year + 1, 4, 3), DayOfWeek.Saturday);
        var easter = Easter(year + 1);
        var ascension = easter.AddDays(39);
        var summer = FirstOnOrAfter(new(year + 1, 7, 1), DayOfWeek.Saturday);
        var periods = new List<Period>
        {
            new("Vacances de la Toussaint", toussaint.AddDays(-15), toussaint),
            new("Vacances de Noël", christmas, christmas.AddDays(15)),
            new("Vacances d'hiver", winter, winter.AddDays(15)),
            new("Vacances de printemps", spring, spring.AddDays(15)),
            new("Pont de l'Ascension", ascension, ascension.AddDays(3)),
        };
        // Public holidays that fall on a school day outside the holidays above.
        foreach (
            var (name, day) in new[]
            {
                ("Armistice du 11 novembre", new DateOnly(year, 11, 11)),
                ("Lundi de Pâques", easter.AddDays(1)),
                ("Fête du Travail", new DateOnly(year + 1, 5, 1)),
                ("Victoire du 8 mai 1945", new DateOnly(year + 1, 5, 8)),
                ("Lundi de Pentecôte", easter.AddDays(50)),
            }
        )
            if (
                day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !periods.Any(p => p.From <= day && day <= p.To)
            )
                periods.Add(new(name, day, day));
        periods.Sort((a, b) => a.From.CompareTo(b.From));
        periods.Add(new("Vacances d'été", summer, Rentree(year + 1).AddDays(-1)));
        return periods;
    }

    /// <summary>Rentrée: the 1st of September, or the Monday after when it falls late in the week.</summary>
    private static DateOnly Rentree(int year)
    {
        var first = new DateOnly(year, 9, 1);
        return first.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday
            ? FirstOnOrAfter(first, DayOfWeek.Monday)
            : first;
    }

    private static DateOnly FirstOnOrAfter(DateOnly day, DayOfWeek wanted) =>
        day.AddDays(((int)wanted - (int)day.DayOfWeek + 7) % 7);

    /// <summary>Easter Sunday (Gregorian, the anonymous algorithm).</summary>
    private static DateOnly Easter(int y)
    {
        int a = y % 19,
            b = y / 100,
            c = y % 100,
            d = b / 4,
            e = b % 4,
            f = (b + 8) / 25,
            g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30,
            i = c / 4,
            k = c % 4,
            l = (32 + 2 * e + 2 * i - h - k) % 7,
            m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(y, month, day);
    }
}
