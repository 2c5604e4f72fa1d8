// Usage statistics benchmark: a year of daily figures for 200 établissements, every metric every day (876,000 rows,
// more than real use writes), in a new database; then the console's reads, each repeated, and one count added.
//
//   dotnet run --project bench/Enoe.Bench.Usage -c Release -- [rounds=20] [PostgreSQL connection string]
//
// Without a connection string the database is a SQLite file in a temporary folder.
using Enoe.Bench.Usage;
using Enoe.Data.Database;
using Enoe.Data.Statistics;

var rounds = args.Length > 0 ? int.Parse(args[0]) : 20;
var database = new DatabaseSettings
{
    Provider = args.Length > 1 ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite,
    ConnectionString = args.Length > 1 ? args[1] : null,
};
await using var history = await UsageHistory.CreateAsync(database, schools: 200, days: 365);
Console.WriteLine(
    $"ENOE usage statistics, Release, {database.Provider}: {history.Rows:N0} daily rows "
        + $"({history.Schools} établissements × {history.Days} days × {UsageMetric.All.Count} metrics), "
        + $"written in {history.Written.TotalSeconds:0.0} s"
);

// CPU: the process's processor time during the report (median), steadier than the wall clock on a loaded machine.
Console.WriteLine($"{"query", -58} {"median ms", 10} {"p95 ms", 8} {"CPU ms", 8} {"rows read", 10}");
var (from, to) = (history.FirstDay, history.FirstDay.AddDays(history.Days - 1));
await history.TimeAsync(
    "académie, per month over a year (+ totals per établissement)",
    rounds,
    new(from, to, null, UsageGrain.Month)
);
await history.TimeAsync("académie, per day over a year (+ totals per établissement)", rounds, new(from, to));
await history.TimeAsync("one établissement, per day over a year", rounds, new(from, to, history.OneSchool));
await history.TimeAsync(
    "académie, last 30 days per day (+ totals per établissement)",
    rounds,
    new(to.AddDays(-29), to)
);
await history.TimeIncrementAsync(rounds * 10);
return 0;
