// Directory sync benchmark: a generated SDET directory (the tests' SampleDirectory, read page by page without LDAP,
// 500 entries a page as from the académie's server) synced into an empty database, then synced again unchanged.
// Prints, for each run: time, database round trips, rows written; and the peak managed heap over the run.
//
//   dotnet run --project bench/Enoe.Bench.Directory -c Release -- [people=10000] [PostgreSQL connection string]
//
// Without a connection string the database is a SQLite file in a temporary folder (bench/directory.sh passes a
// throw-away PostgreSQL server's).
using System.Diagnostics;
using Enoe.Bench.Directory;
using Enoe.Data.Database;

var people = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var database = new DatabaseSettings
{
    Provider = args.Length > 1 ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite,
    ConnectionString = args.Length > 1 ? args[1] : null,
};
await using var run = await SyncRun.StartAsync(database, people);
Console.WriteLine(
    $"ENOE directory sync, Release, {database.Provider}: {run.Sample.PeopleCount:N0} entries in "
        + $"{run.Sample.SchoolCount} établissements"
);
Console.WriteLine($"{"run", -22} {"time (s)", 9} {"round trips", 12} {"rows written", 13} {"peak heap (MB)", 15}");
foreach (var name in new[] { "first (empty database)", "second (unchanged)" })
{
    var (report, elapsed, roundTrips, peak) = await run.SyncAsync();
    if (!report.Completed)
        throw new InvalidOperationException(report.Failure);
    Console.WriteLine(
        $"{name, -22} {elapsed.TotalSeconds, 9:0.0} {roundTrips, 12:N0} {report.RowsWritten, 13:N0} "
            + $"{peak / 1048576.0, 15:0.0}"
    );
    Console.WriteLine($"    {report.Summary}");
}
return 0;
