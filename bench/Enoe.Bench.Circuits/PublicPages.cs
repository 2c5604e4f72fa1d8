using System.Diagnostics;
using Enoe.Data.Database;

namespace Enoe.Bench.Circuits;

/// <summary>
/// The public site under anonymous readers (<c>--public</c>): requests per second for the académie's page, an
/// établissement's home page and one of its articles, against <c>/health</c> on the same instance in the same run.
/// Each path is read by <c>--parallel</c> loops at once (no cookies, as a crawler or a first visit), three rounds in
/// turn after a warm-up, with the instance's CPU time per request (its <c>/diagnostics/runtime</c>).
/// </summary>
internal static class PublicPages
{
    private static readonly string[] Paths =
    [
        "/health",
        "/",
        "/college-victor-hugo",
        "/college-victor-hugo/actualites/reunion-parents-professeurs",
    ];

    private static readonly TimeSpan Round = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string appDll, int parallel, CancellationToken ct)
    {
        await using var processes = new Processes();
        var data = processes.TempFolder("enoe-bench-public-").FullName;
        Console.Error.WriteLine("Seeding the demo…");
        await DemoPreparation.PrepareAsync(data, new DatabaseSettings(), students: 1);
        var instance = await Servers.StartAppAsync(
            processes,
            appDll,
            0,
            new Dictionary<string, string> { ["Enoe__DataDirectory"] = data }
        );
        using var http = new HttpClient(
            new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = parallel }
        )
        {
            BaseAddress = instance,
        };
        foreach (var path in Paths)
            await ReadAsync(http, path, parallel, TimeSpan.FromSeconds(5), ct); // JIT tiers, first renderings, pools

        var rates = Paths.ToDictionary(p => p, _ => new List<double>());
        var failed = 0;
        for (var round = 1; round <= 3; round++)
            foreach (var path in Paths)
            {
                var before = await RuntimeCounters.ReadAsync(instance);
                var (answered, failures) = await ReadAsync(http, path, parallel, Round, ct);
                var after = await RuntimeCounters.ReadAsync(instance);
                var rate = answered / Round.TotalSeconds;
                rates[path].Add(rate);
                failed += failures;
                Console.Error.WriteLine(
                    $"round {round} {path}: {rate:N0} requests/s, {(after.CpuMs - before.CpuMs) / Math.Max(1, answered):0.00} "
                        + $"ms of the instance's CPU each, {failures} failed"
                );
            }

        var health = rates["/health"].Average();
        Console.WriteLine($"| page | requests/s (rounds 1, 2, 3) | share of /health's |");
        Console.WriteLine("|---|---|---|");
        foreach (var path in Paths)
            Console.WriteLine(
                $"| `{path}` | {string.Join(", ", rates[path].Select(r => r.ToString("N0")))} | "
                    + $"{rates[path].Average() / health:P0} |"
            );
        return failed == 0 ? 0 : 2;
    }

    /// <summary>Answers of 200 and failures (another status, an exception) while <paramref name="parallel"/> loops
    /// read <paramref name="path"/> for <paramref name="length"/>.</summary>
    private static async Task<(int Answered, int Failed)> ReadAsync(
        HttpClient http,
        string path,
        int parallel,
        TimeSpan length,
        CancellationToken ct
    )
    {
        var (answered, failed) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(0, parallel)
                .Select(async _ =>
                {
                    while (clock.Elapsed < length)
                    {
                        try
                        {
                            using var response = await http.GetAsync(path, ct);
                            await response.Content.CopyToAsync(Stream.Null, ct);
                            if (response.IsSuccessStatusCode)
                                Interlocked.Increment(ref answered);
                            else
                                Interlocked.Increment(ref failed);
                        }
                        catch (HttpRequestException)
                        {
                            Interlocked.Increment(ref failed);
                        }
                    }
                })
        );
        return (answered, failed);
    }
}
