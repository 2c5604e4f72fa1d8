using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Statistics;

/// <summary>
/// The usage figures for the consoles: the académie's admins read every établissement's, an établissement's admins
/// only their own (decided here, whatever the page asks). Sums are made by the database (GROUP BY over the daily
/// rows); only the day-by-metric totals come back, then fold into weeks or months.
/// </summary>
public sealed class UsageStatistics(IDbContextFactory<EnoeDbContext> dbFactory)
{
    /// <summary>The longest period one report covers: two school years of daily figures.</summary>
    public const int MaxDays = 731;

    public async Task<Result<UsageScope>> ScopeAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ScopeAsync(db, user, ct);
    }

    public async Task<Result<UsageReport>> ReportAsync(
        CurrentUser user,
        UsageQuery query,
        CancellationToken ct = default
    )
    {
        if (query.To < query.From)
            return Result.Invalid([UsageMessages.BadPeriod]);
        if (query.To.DayNumber - query.From.DayNumber + 1 > MaxDays)
            return Result.Invalid([UsageMessages.FormatTooLong(MaxDays)]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ScopeAsync(db, user, ct);
        if (!scope.Succeeded)
            return scope.Failure;
        var (wholeAcademy, schools) = scope.Value!;
        if (!wholeAcademy)
        {
            if (query.SchoolId is { } asked && asked != schools[0].Id)
                return Result.Forbidden(UsageMessages.OtherSchool);
            query = query with { SchoolId = schools[0].Id };
        }

        var rows = Selected(db, query);
        var days = await rows.GroupBy(c => new { c.Day, c.Metric })
            .Select(g => new
            {
                g.Key.Day,
                g.Key.Metric,
                Count = g.Sum(c => (long)c.Count),
            })
            .ToListAsync(ct);
        var periods = UsagePeriods.Of(query).ToList();
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var series = UsageMetric.All.ToDictionary(m => m, _ => new long[periods.Count]);
        foreach (var d in days)
            if (series.TryGetValue(d.Metric, out var values))
                values[index[UsagePeriods.StepOf(d.Day, query)]] += d.Count;

        IReadOnlyList<UsageSchoolTotals> perSchool = [];
        if (query.SchoolId is null)
        {
            // The schools and metrics are named (the ones shown: it filters nothing out) so that SQLite reads the sums
            // from the (SchoolId, Metric, Day, Count) index, one seek to the period per pair, already in GROUP BY
            // order: with the period alone it read the (Day...) index and sorted all of it (SQLite has no hash
            // aggregation), the better part of a year's report for 200 établissements (bench/Enoe.Bench.Usage). ANALYZE
            // statistics would let it skip-scan the index, but a database that started empty has none.
            var schoolIds = schools.Select(s => s.Id).ToList();
            string[] metrics = [.. UsageMetric.All];
            var totals = await rows.Where(c => schoolIds.Contains(c.SchoolId) && metrics.Contains(c.Metric))
                .GroupBy(c => new { c.SchoolId, c.Metric })
                .Select(g => new
                {
                    g.Key.SchoolId,
                    g.Key.Metric,
                    Count = g.Sum(c => (long)c.Count),
                })
                .ToListAsync(ct);
            var bySchool = totals.ToLookup(t => t.SchoolId);
            perSchool =
            [
                .. schools.Select(s => new UsageSchoolTotals(
                    s,
                    [.. UsageMetric.All.Select(m => bySchool[s.Id].Where(t => t.Metric == m).Sum(t => t.Count))]
                )),
            ];
        }
        return Result<UsageReport>.Ok(
            new UsageReport(query, periods, series, series.ToDictionary(s => s.Key, s => s.Value.Sum()), perSchool)
        );
    }

    private static IQueryable<UsageCount> Selected(EnoeDbContext db, UsageQuery query)
    {
        var rows = db.Set<UsageCount>().Where(c => c.Day >= query.From && c.Day <= query.To);
        return query.SchoolId is { } schoolId ? rows.Where(c => c.SchoolId == schoolId) : rows;
    }

    private static async Task<Result<UsageScope>> ScopeAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
    {
        var schools = db.Schools.AsNoTracking().OrderBy(s => s.Name);
        if (await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result<UsageScope>.Ok(
                new UsageScope(true, await schools.Select(s => new UsageSchool(s.Id, s.Name, s.Uai)).ToListAsync(ct))
            );
        if (!await db.IsSchoolAdminAsync(user.PersonId, user.SchoolId, ct))
            return Result.Forbidden(UsageMessages.Forbidden);
        return Result<UsageScope>.Ok(
            new UsageScope(
                false,
                await schools
                    .Where(s => s.Id == user.SchoolId)
                    .Select(s => new UsageSchool(s.Id, s.Name, s.Uai))
                    .ToListAsync(ct)
            )
        );
    }
}
