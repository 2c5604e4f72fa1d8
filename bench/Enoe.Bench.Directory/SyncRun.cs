using System.Data.Common;
using System.Diagnostics;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.Directory;
using Enoe.Tests.Support.TestDirectory;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Bench.Directory;

/// <summary>One database (migrated, with the académie row and nobody in it) and a sync reading the sample.</summary>
public sealed class SyncRun : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("enoe-bench-directory-");
    private readonly RoundTrips _roundTrips = new();
    private ServiceProvider _services = default!;

    public SampleDirectory Sample { get; private init; } = default!;

    public static async Task<SyncRun> StartAsync(DatabaseSettings database, int people)
    {
        var run = new SyncRun { Sample = SampleDirectory.ForPeople(people) };
        var services = new ServiceCollection().AddLogging();
        services.AddEnoeData(run._folder.FullName, database);
        services.AddSingleton<IDirectorySource>(new SampleDirectorySource(run.Sample));
        services.AddSingleton<IInterceptor>(run._roundTrips);
        run._services = services.BuildServiceProvider();
        await run._services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        return run;
    }

    /// <summary>One sync; the heap is sampled every 10 ms while it runs.</summary>
    public async Task<(DirectorySyncReport Report, TimeSpan Elapsed, int RoundTrips, long PeakHeap)> SyncAsync()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _roundTrips.Count = 0;
        long peak = GC.GetTotalMemory(forceFullCollection: true);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(10);
            }
        });
        var clock = Stopwatch.StartNew();
        var report = await _services.GetRequiredService<DirectorySync>().RunAsync(dryRun: false);
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        return (report, clock.Elapsed, _roundTrips.Count, peak);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    /// <summary>Every command sent to the database: one round trip each (a batch of statements counts once).</summary>
    private sealed class RoundTrips : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default
        )
        {
            Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default
        )
        {
            Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<object> result,
            CancellationToken cancellationToken = default
        )
        {
            Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }
    }
}
