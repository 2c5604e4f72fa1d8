using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Enoe.Tests.Support;

/// <summary>
/// One PostgreSQL server for the test run, from Debian's package (test.sh installs it): a fresh cluster
/// (<c>initdb</c>) in a temporary folder, started by <c>pg_ctl</c> on a free loopback port, as the unprivileged
/// <c>postgres</c> account when the tests run as root (PostgreSQL refuses root). Durability is off: a test
/// database is thrown away, and fsync would only make the suite slower. Clusters that aborted runs left behind
/// are stopped and deleted first.
/// </summary>
public static class PostgreSqlServer
{
    private const string User = "enoe";

    /// <summary>In each cluster's folder: the test process that made it, "pid start-ticks".</summary>
    private const string OwnerFile = "owner";

    private static readonly Lazy<Task<string>> Started = new(() => Task.Run(StartAsync));

    /// <summary>
    /// The connection string of database <paramref name="database"/> on the server, started on first use.
    /// </summary>
    public static async Task<string> ConnectionStringAsync(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder(await Started.Value) { Database = database }.ToString();

    /// <summary>
    /// Runs statements on the server's maintenance database (CREATE DATABASE cannot run in a transaction).
    /// </summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> StartAsync()
    {
        var bin = BinDirectory();
        var asRoot = Environment.UserName == "root";
        await RemoveStaleClustersAsync(bin, asRoot);
        var folder = Directory.CreateTempSubdirectory("enoe-pg-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Identity(Process.GetCurrentProcess()));
        var data = Path.Combine(folder, "data");
        if (asRoot)
            await RunAsync("chown", null, "-R", "postgres", folder);
        await RunAsync(
            Path.Combine(bin, "initdb"),
            asRoot,
            "-D",
            data,
            "-U",
            User,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync"
        );
        var port = 0;
        for (var attempt = 1; port == 0; attempt++)
        {
            var free = FreePort();
            // The 200-attempt races hold 200 connections while other test classes run theirs.
            var settings =
                $"-p {free} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=1000 "
                + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await RunAsync(
                    PgCtl(bin),
                    asRoot,
                    "-D",
                    data,
                    "-l",
                    Path.Combine(folder, "log"),
                    "-o",
                    settings,
                    "-w",
                    "start"
                );
                port = free;
            }
            catch (InvalidOperationException) when (attempt == 1)
            {
                // The port was free when asked, and taken before the server bound it: another one, once.
            }
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, folder, asRoot);
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = User,
            Database = "postgres",
            MaxPoolSize = 250, // the concurrency tests open 200 connections at once
        }.ToString();
    }

    /// <summary>
    /// Clusters left in the temporary folder by aborted runs (a test process killed, so no ProcessExit): the
    /// server stopped if it still runs, the folder deleted. A cluster whose test process still runs (a run in
    /// another worktree) is left alone.
    /// </summary>
    private static async Task RemoveStaleClustersAsync(string bin, bool asRoot)
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "enoe-pg-*").Where(IsStale))
        {
            var data = Path.Combine(folder, "data");
            try
            {
                if (Server(data) is { } server && IsPostgres(server))
                    await RunAsync(PgCtl(bin), asRoot, "-D", data, "-m", "immediate", "stop");
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"A stale PostgreSQL cluster in {folder} was not cleaned up: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Its test process is gone, or its server is. Without an owner (made by an older run, or just being made):
    /// stale when its server is gone, or when it never started and is an hour old.
    /// </summary>
    private static bool IsStale(string folder)
    {
        var owner = Path.Combine(folder, OwnerFile);
        var server = Server(Path.Combine(folder, "data"));
        if (server is int pid && !IsPostgres(pid))
            return true;
        try
        {
            if (File.Exists(owner))
                return !Running(File.ReadAllText(owner).Trim());
            return server is null && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1);
        }
        catch (IOException)
        {
            return false; // deleted meanwhile, by the run that made it
        }
    }

    /// <summary>The server's process id, from the first line of postmaster.pid; null when there is none.</summary>
    private static int? Server(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
                ? pid
                : null;
        }
        catch (IOException)
        {
            return null; // removed meanwhile: the server stopped
        }
    }

    private static bool IsPostgres(int pid) => Alive(pid, p => p.ProcessName == "postgres");

    /// <summary>
    /// The process is alive and started when it says. Another process reads a start time a few hundred microseconds
    /// off (.NET derives it from the boot time, computed again in each process): equal within a second.
    /// </summary>
    internal static bool Running(string identity) =>
        identity.Split(' ') is [var pid, var ticks]
        && int.TryParse(pid, out var id)
        && long.TryParse(ticks, out var started)
        && Alive(id, p => Math.Abs(p.StartTime.ToUniversalTime().Ticks - started) < TimeSpan.TicksPerSecond);

    /// <summary>A process's id and start time: an id alone may be reused by a later process.</summary>
    internal static string Identity(Process process) => $"{process.Id} {process.StartTime.ToUniversalTime().Ticks}";

    internal static bool Alive(int pid, Func<Process, bool> isIt)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return isIt(process);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false; // gone, or gone while being looked at
        }
    }

    private static void Stop(string bin, string data, string folder, bool asRoot)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsync(PgCtl(bin), asRoot, "-D", data, "-m", "immediate", "stop").Wait();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is AggregateException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"The tests' PostgreSQL server in {folder} was not cleaned up: {e.Message}");
        }
    }

    private static string PgCtl(string bin) => Path.Combine(bin, "pg_ctl");

    private static string BinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory
                .EnumerateDirectories("/usr/lib/postgresql")
                .Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal)
                .First()
            : throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh, which installs it.");

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="asPostgres">Run as the postgres account (through runuser); null for root's own commands.</param>
    private static async Task RunAsync(string program, bool? asPostgres, params string[] arguments)
    {
        var start = new ProcessStartInfo(asPostgres == true ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres == true)
            foreach (var a in new[] { "-u", "postgres", "--", program })
                start.ArgumentList.Add(a);
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}{await output}");
    }
}
