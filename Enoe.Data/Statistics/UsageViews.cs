namespace Enoe.Data.Statistics;

/// <summary>How the days of a period are grouped: each day, each week (from Monday), each calendar month.</summary>
public enum UsageGrain
{
    Day,
    Week,
    Month,
}

/// <summary>
/// A period and a selection: the whole académie (<paramref name="SchoolId"/> null) or one établissement.
/// </summary>
public sealed record UsageQuery(DateOnly From, DateOnly To, int? SchoolId = null, UsageGrain Grain = UsageGrain.Day);

/// <summary>An établissement the reader may choose.</summary>
public sealed record UsageSchool(int Id, string Name, string Uai);

/// <summary>
/// Whose figures the reader may see: every établissement for the académie's admins, only their own for an
/// établissement's.
/// </summary>
public sealed record UsageScope(bool WholeAcademy, IReadOnlyList<UsageSchool> Schools);

/// <summary>
/// The figures of a period: one value per metric (<see cref="UsageMetric.All"/>'s order) for each period step
/// (<see cref="Periods"/>, each step's first day) and in total; for the whole académie, each établissement's totals.
/// Counts only: no name but the établissements'.
/// </summary>
public sealed record UsageReport(
    UsageQuery Query,
    IReadOnlyList<DateOnly> Periods,
    IReadOnlyDictionary<string, long[]> Series,
    IReadOnlyDictionary<string, long> Totals,
    IReadOnlyList<UsageSchoolTotals> PerSchool
)
{
    /// <summary>The last day of the step that starts on <paramref name="start"/>, within the query's period.</summary>
    public DateOnly EndOf(DateOnly start) => UsagePeriods.EndOf(start, Query);
}

/// <summary>
/// One établissement's totals over the period, one per metric in <see cref="UsageMetric.All"/>'s order.
/// </summary>
public sealed record UsageSchoolTotals(UsageSchool School, long[] Totals);

/// <summary>
/// The steps of a period: days, weeks from Monday, calendar months, cut to the period's first and last day.
/// </summary>
public static class UsagePeriods
{
    /// <summary>The first day of each step of the period, every step even when nothing was counted.</summary>
    public static IEnumerable<DateOnly> Of(UsageQuery query)
    {
        for (var start = Align(query.From, query.Grain); start <= query.To; start = Next(start, query.Grain))
            yield return start < query.From ? query.From : start;
    }

    /// <summary>The first day of the step <paramref name="day"/> belongs to.</summary>
    public static DateOnly StepOf(DateOnly day, UsageQuery query) =>
        Align(day, query.Grain) is var start && start < query.From ? query.From : start;

    public static DateOnly EndOf(DateOnly start, UsageQuery query) =>
        Next(Align(start, query.Grain), query.Grain).AddDays(-1) is var end && end > query.To ? query.To : end;

    private static DateOnly Next(DateOnly start, UsageGrain grain) =>
        grain switch
        {
            UsageGrain.Week => start.AddDays(7),
            UsageGrain.Month => start.AddMonths(1),
            _ => start.AddDays(1),
        };

    private static DateOnly Align(DateOnly day, UsageGrain grain) =>
        grain switch
        {
            UsageGrain.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), // back to Monday
            UsageGrain.Month => new DateOnly(day.Year, day.Month, 1),
            _ => day,
        };
}
