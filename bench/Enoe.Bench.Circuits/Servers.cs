using System.Net.Http.Json;

namespace Enoe.Bench.Circuits;

/// <summary>
/// The throw-away servers of a run: PostgreSQL and Redis (Debian's packages) and the app's instances.
/// </summary>
internal static class Servers
{
    /// <summary>
    /// A PostgreSQL cluster in a temporary folder on a free loopback port, default durability (as bench/database.sh
    /// starts it); returns its connection string. Stopped and deleted at cleanup.
    /// </summary>
    public static async Task<string> StartPostgresAsync(Processes processes)
    {
        var bin =
            Directory
                .GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .LastOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL is not installed: apt-get install postgresql postgresql-contrib"
            );
        var folder = processes.TempFolder("enoe-bench-pg-").FullName;
        var data = Path.Combine(folder, "data");
        // initdb refuses root: the server runs as postgres when the bench runs as root.
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
            await Processes.RunAsync("chown", "postgres", folder);
        Task Run(string tool, params string[] args) =>
            asPostgres
                ? Processes.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. args])
                : Processes.RunAsync(Path.Combine(bin, tool), args);
        await Run("initdb", "-D", data, "-U", "enoe", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        var port = Processes.FreePort();
        await Run(
            "pg_ctl",
            "-D",
            data,
            "-l",
            Path.Combine(folder, "log"),
            "-w",
            "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400",
            "start"
        );
        // Registered after the folder's deletion, so run before it.
        processes.OnCleanup(
            "PostgreSQL",
            () => Run("pg_ctl", "-D", data, "-m", "immediate", "stop").GetAwaiter().GetResult()
        );
        await Processes.RunAsync(
            Path.Combine(bin, "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            $"{port}",
            "-U",
            "enoe",
            "enoe"
        );
        return $"Host=127.0.0.1;Port={port};Username=enoe;Database=enoe;Maximum Pool Size=150";
    }

    /// <summary>
    /// A Redis server on a free loopback port, nothing written to disk; returns its configuration string.
    /// </summary>
    public static async Task<string> StartRedisAsync(Processes processes)
    {
        const string redis = "/usr/bin/redis-server";
        if (!File.Exists(redis))
            throw new InvalidOperationException("Redis is not installed: apt-get install redis-server");
        var port = Processes.FreePort();
        processes.Start(
            "redis",
            redis,
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            echo: false // its start-up banner and advice; the bench fails anyway if it does not answer
        );
        await Processes.WaitForPortAsync(port, TimeSpan.FromSeconds(20));
        return $"127.0.0.1:{port}";
    }

    /// <summary>
    /// One instance of the published app, Production, on 127.0.0.1 only, caps raised for this run (open tabs per
    /// person and per address, sign-ins per minute: the bench is one address signing in hundreds of students).
    /// </summary>
    public static async Task<Uri> StartAppAsync(
        Processes processes,
        string appDll,
        int index,
        IDictionary<string, string> configuration
    )
    {
        var url = new Uri($"http://127.0.0.1:{Processes.FreePort()}/");
        var env = new Dictionary<string, string>(configuration)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/'),
            ["Enoe__SeedDemo"] = "false", // seeded once by the bench, before any instance
            ["Enoe__Diagnostics__Memory"] = "true",
            ["Enoe__Circuits__PerUser"] = "100000",
            ["Enoe__Circuits__PerAddress"] = "100000",
            ["Enoe__LoginAttemptsPerMinute"] = "100000",
            ["Enoe__LoginAttemptsPerAddressPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Error",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error", // query-shape advice, not the run's news
        };
        processes.Start($"app{index + 1}", "dotnet", [appDll], env, Path.GetDirectoryName(appDll));
        using var http = new HttpClient { BaseAddress = url };
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                    return url;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"Instance {index + 1} did not answer /health.");
    }

    public static async Task<Memory> MemoryAsync(Uri instance)
    {
        using var http = new HttpClient { BaseAddress = instance, Timeout = TimeSpan.FromMinutes(2) };
        return (await http.GetFromJsonAsync<Memory>("/diagnostics/memory"))!;
    }
}

internal sealed record Memory(long ManagedBytes, int Circuits, long WorkingSetBytes);

/// <summary>
/// An instance's garbage collections so far (generations 0, 1, 2), the time they paused it, its CPU time, the bytes it
/// allocated, and the time its JIT spent compiling (part of the CPU time) and the methods it compiled.
/// </summary>
internal sealed record RuntimeCounters(
    int[] Counts,
    double PausedMs,
    double CpuMs,
    long AllocatedBytes,
    double JitMs,
    long JitMethods
)
{
    public static async Task<RuntimeCounters> ReadAsync(Uri instance)
    {
        using var http = new HttpClient { BaseAddress = instance, Timeout = TimeSpan.FromMinutes(1) };
        return (await http.GetFromJsonAsync<RuntimeCounters>("/diagnostics/runtime"))!;
    }

    public string Since(RuntimeCounters before) =>
        $"{CpuMs - before.CpuMs:0} ms CPU, {Counts[0] - before.Counts[0]} gen0, {Counts[1] - before.Counts[1]} gen1, "
        + $"{Counts[2] - before.Counts[2]} gen2 collections, {PausedMs - before.PausedMs:0} ms paused, "
        + $"{(AllocatedBytes - before.AllocatedBytes) / 1024:N0} KB allocated, "
        + $"JIT {JitMs - before.JitMs:0} ms for {JitMethods - before.JitMethods} methods";

    /// <summary>The instances' CPU, JIT and allocations per dashboard opened between two readings.</summary>
    public static string PerOpen(RuntimeCounters[] before, RuntimeCounters[] after, int opens)
    {
        double PerOpen(Func<RuntimeCounters, double> of) =>
            after.Zip(before, (a, b) => of(a) - of(b)).Sum() / Math.Max(1, opens);
        return $"{PerOpen(c => c.CpuMs):0.0} ms of the instances' CPU per dashboard (page and circuit), of which JIT "
            + $"{PerOpen(c => c.JitMs):0.0} ms; {PerOpen(c => c.AllocatedBytes) / 1024:0} KB allocated";
    }
}
