// Database benchmark: the same workload on SQLite (a file) and on PostgreSQL, in one run, median and p95 per
// operation and the ratio between them. bench/database.sh starts a throw-away PostgreSQL server and runs it:
//
//   bench/database.sh [rounds=30]
//
// Workload, on the demo académie seeded at a fixed clock (a Tuesday in term), with the Collège Victor Hugo
// brought up to 1,200 parents (each operation once unmeasured first, to warm up):
// - dashboard: the data of a student's 8-widget dashboard, as the page loads it: the layout, then the widgets'
//   calls together (devoirs, notes, carnet, mémos, ressources, réseau, compétences, actualités);
// - mémo: its principal sends one mémo to every parent (one statement for every copy);
// - bookings: 200 concurrent attempts at one room's slot (checked: exactly one wins, every other attempt is
//   refused because the slot is taken).
using Enoe.Bench.Database;
using Enoe.Data.Database;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Enoe.Bench.Database <PostgreSQL connection string> [rounds=30]");
    return 2;
}
var rounds = args.Length > 1 ? int.Parse(args[1]) : 30;
var results = new Dictionary<DatabaseProvider, Dictionary<string, List<double>>>();
foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL })
{
    var settings = new DatabaseSettings
    {
        Provider = provider,
        ConnectionString = provider == DatabaseProvider.PostgreSQL ? args[0] : null,
    };
    await using var run = await Workload.StartAsync(settings, parents: 1200);
    results[provider] = await run.MeasureAsync(rounds);
}

Console.WriteLine($"ENOE data layer, Release, {rounds} rounds each, times in ms (median / p95):");
Console.WriteLine($"{"operation", -34} {"SQLite", 17} {"PostgreSQL", 17} {"PG/SQLite", 10}");
foreach (var operation in results[DatabaseProvider.Sqlite].Keys)
{
    var (sqlite, postgres) = (
        results[DatabaseProvider.Sqlite][operation],
        results[DatabaseProvider.PostgreSQL][operation]
    );
    var ratio = Percentile(postgres, 50) / Percentile(sqlite, 50);
    Console.WriteLine($"{operation, -34} {Cell(sqlite), 17} {Cell(postgres), 17} {ratio, 9:0.00}x");
}
return 0;

static string Cell(List<double> times) => $"{Percentile(times, 50):0.0} / {Percentile(times, 95):0.0}";

static double Percentile(List<double> times, int p)
{
    var sorted = times.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
}
