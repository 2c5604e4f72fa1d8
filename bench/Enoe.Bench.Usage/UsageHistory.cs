using System.Diagnostics;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Bench.Usage;

/// <summary>A migrated database holding the generated history, and the console's reads timed over it.</summary>
public sealed class UsageHistory : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("enoe-bench-usage-");
    private ServiceProvider _services = default!;
    private CurrentUser _admin = default!;

    public int Schools { get; private init; }
    public int Days { get; private init; }
    public DateOnly FirstDay { get; private init; }
    public int Rows { get; private set; }
    public int OneSchool { get; private set; }
    public TimeSpan Written { get; private set; }

    public static async Task<UsageHistory> CreateAsync(DatabaseSettings database, int schools, int days)
    {
        var today = UsageCounter.Today(TimeProvider.System);
        var history = new UsageHistory
        {
            Schools = schools,
            Days = days,
            FirstDay = today.AddDays(-days + 1),
        };
        var services = new ServiceCollection().AddLogging();
        services.AddEnoeData(history._folder.FullName, database);
        history._services = services.BuildServiceProvider();
        await history._services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        await history.FillAsync();
        return history;
    }

    private async Task FillAsync()
    {
        await using var db = await _services
            .GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        var academy = new Academy { Name = "Académie du banc d'essai" };
        var schools = Enumerable
            .Range(1, Schools)
            .Select(i => new School
            {
                Academy = academy,
                Slug = $"etablissement-{i}",
                Name = $"Établissement {i:000}",
                Uai = Uai.Create((250_0000 + i).ToString()),
                Kind = i % 5 == 0 ? SchoolKind.Lycee : SchoolKind.College,
            })
            .ToList();
        var admin = new Person
        {
            FirstName = "Admin",
            LastName = "Académie",
            UserName = "admin",
            NormalizedUserName = "ADMIN",
            IsAcademyAdmin = true,
        };
        db.AddRange(schools);
        db.Add(admin);
        await db.SaveChangesAsync();
        _admin = new CurrentUser(admin.Id, "Admin", null, Profile.AcademyAdmin);
        OneSchool = schools[Schools / 2].Id;

        // One prepared statement in one transaction: the fastest way in, on either database.
        var clock = Stopwatch.StartNew();
        var random = new Random(16);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction.GetDbTransaction();
        insert.CommandText =
            """INSERT INTO "UsageCount" ("SchoolId", "Day", "Metric", "Count") VALUES (@s, @d, @m, @c)""";
        var (s, d, m, c) = (
            Parameter(insert, "@s"),
            Parameter(insert, "@d"),
            Parameter(insert, "@m"),
            Parameter(insert, "@c")
        );
        foreach (var school in schools)
            for (var day = 0; day < Days; day++)
                foreach (var metric in UsageMetric.All)
                {
                    (s.Value, d.Value, m.Value, c.Value) = (
                        school.Id,
                        FirstDay.AddDays(day),
                        metric,
                        random.Next(1, 400)
                    );
                    await insert.ExecuteNonQueryAsync();
                    Rows++;
                }
        await transaction.CommitAsync();
        Written = clock.Elapsed;
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The console's report for <paramref name="query"/>, as its page asks for it, several times.</summary>
    public async Task TimeAsync(string name, int rounds, UsageQuery query)
    {
        var statistics = _services.GetRequiredService<UsageStatistics>();
        var (times, cpu) = (new List<double>(), new List<double>());
        UsageReport report = default!;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i <= rounds; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = await statistics.ReportAsync(_admin, query);
            clock.Stop();
            process.Refresh();
            report = result.Value ?? throw new InvalidOperationException(string.Join(" ", result.Errors));
            if (i > 0) // the first warms the caches and the JIT
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }
        }
        var days = query.To.DayNumber - query.From.DayNumber + 1;
        var read = days * UsageMetric.All.Count * (query.SchoolId is null ? Schools : 1);
        Console.WriteLine(
            $"{name, -58} {Median(times), 10:0.0} {P95(times), 8:0.0} {Median(cpu), 8:0.0} {read, 10:N0}"
        );
        if (report.Totals[UsageMetric.MemosSent] == 0)
            throw new InvalidOperationException("Nothing was read.");
    }

    /// <summary>One count added as the services add theirs: its own context, one upsert on today's row.</summary>
    public async Task TimeIncrementAsync(int rounds)
    {
        var counter = _services.GetRequiredService<UsageCounter>();
        var times = new List<double>();
        for (var i = 0; i <= rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await counter.HandedOffAsync(OneSchool);
            if (i > 0)
                times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(
            $"{"one count added (upsert, its own context)", -58} {Median(times), 10:0.00} {P95(times), 8:0.00}"
        );
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static double P95(List<double> times) => times.Order().ElementAt((int)Math.Ceiling(times.Count * 0.95) - 1);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
