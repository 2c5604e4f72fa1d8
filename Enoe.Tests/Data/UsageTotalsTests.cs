using System.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Statistics;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// The académie's report over generated daily figures is the daily rows summed, whatever the period and the grain:
/// the series, the totals and each établissement's totals (read from their own index); on SQLite, those totals are
/// read in the index's order, without sorting the period's rows.
/// </summary>
public sealed class UsageTotalsTests : IAsyncLifetime
{
    private static readonly DateOnly First = new(2026, 9, 1);
    private readonly TotalsQuery _totalsQuery = new();
    private readonly List<UsageCount> _rows = [];
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_totalsQuery));
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        await db
            .Users.Where(p => p.Id == _f.StaffB.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.IsAcademyAdmin, true));
        // Sixty days of both établissements, every metric and one no report shows, with gaps (a count of 0 is no row).
        var random = new Random(16);
        foreach (var school in new[] { _f.A.Id, _f.B.Id })
            for (var day = 0; day < 60; day++)
                foreach (var metric in UsageMetric.All.Append("unknown.metric"))
                    if (random.Next(0, 50) is var count and > 0)
                        _rows.Add(
                            new UsageCount
                            {
                                SchoolId = school,
                                Day = First.AddDays(day),
                                Metric = metric,
                                Count = count,
                            }
                        );
        db.AddRange(_rows);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private CurrentUser AcademyAdmin => TwoSchools.As(_f.StaffB, _f.B) with { Profiles = Profile.AcademyAdmin };

    [Theory]
    [InlineData(0, 59, UsageGrain.Day)]
    [InlineData(10, 40, UsageGrain.Week)]
    [InlineData(5, 59, UsageGrain.Month)]
    [InlineData(59, 59, UsageGrain.Day)]
    public async Task TheSeries_TheTotals_AndEachEtablissementsTotals_AreTheDailyRowsSummed(
        int from,
        int to,
        UsageGrain grain
    )
    {
        var query = new UsageQuery(First.AddDays(from), First.AddDays(to), null, grain);

        var report = (await _database.Get<UsageStatistics>().ReportAsync(AcademyAdmin, query)).Value!;

        long Sum(Func<UsageCount, bool> counted) =>
            _rows.Where(r => r.Day >= query.From && r.Day <= query.To && counted(r)).Sum(r => (long)r.Count);
        Assert.Equal([_f.A.Id, _f.B.Id], report.PerSchool.Select(s => s.School.Id).Order());
        foreach (var school in report.PerSchool)
            Assert.Equal(
                [.. UsageMetric.All.Select(m => Sum(r => r.SchoolId == school.School.Id && r.Metric == m))],
                school.Totals
            );
        foreach (var metric in UsageMetric.All)
        {
            Assert.Equal(Sum(r => r.Metric == metric), report.Totals[metric]);
            Assert.Equal(
                [.. report.Periods.Select(p => Sum(r => r.Metric == metric && r.Day >= p && r.Day <= report.EndOf(p)))],
                report.Series[metric]
            );
        }
        Assert.True(report.Totals[UsageMetric.MemosSent] > 0);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")] // SQLite's plan: it has no hash aggregation, PostgreSQL has
    public async Task OnSqlite_EachEtablissementsTotals_AreReadFromTheirIndexInOrder_WithoutSortingThePeriod()
    {
        Assert.Equal(DatabaseProvider.Sqlite, TestDatabase.Provider);
        await _database.Get<UsageStatistics>().ReportAsync(AcademyAdmin, new UsageQuery(First, First.AddDays(59)));
        var (text, parameters) = _totalsQuery.Last ?? throw new InvalidOperationException("No totals were read.");

        await using var db = _database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + text;
        foreach (var (name, value) in parameters)
        {
            var parameter = explain.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            explain.Parameters.Add(parameter);
        }
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                plan.Add(reader.GetString(3));

        var steps = string.Join("\n", plan);
        const string seeks = "(SchoolId=? AND Metric=? AND Day>? AND Day<?)"; // the period of each pair
        Assert.Contains("USING COVERING INDEX IX_UsageCount_SchoolId_Metric_Day_Count " + seeks, steps);
        Assert.DoesNotContain("TEMP B-TREE", steps);
    }

    /// <summary>Keeps the last query of each établissement's totals, with its parameters, to explain it.</summary>
    private sealed class TotalsQuery : DbCommandInterceptor
    {
        public (string Text, (string Name, object? Value)[] Parameters)? Last { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken ct = default
        )
        {
            if (command.CommandText.Contains("GROUP BY \"u\".\"SchoolId\", \"u\".\"Metric\""))
                Last = (
                    command.CommandText,
                    [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]
                );
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }
    }
}
