using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Enoe.Tests.Support;

/// <summary>
/// One PostgreSQL server for the test run, from Debian's package (test.sh installs it): a fresh cluster
/// (<c>initdb</c>) in a temporary folder, started by <c>pg_ctl</c> on a free loopback port, as the unprivileged
/// <c>postgres</c> account when the tests run as root (PostgreSQL refuses root). Durability is off: a test
/// database is thrown away, and fsync would only make the suite slower.
/// </summary>
public static class PostgreSqlServer
{
    private const string User = "enoe";

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
        var folder = Directory.CreateTempSubdirectory("enoe-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", null, "-R", "postgres", folder);
        var port = FreePort();
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
        var settings =
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(
            Path.Combine(bin, "pg_ctl"),
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

    private static void Stop(string bin, string data, string folder, bool asRoot)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), asRoot, "-D", data, "-m", "immediate", "stop").Wait();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is AggregateException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"The tests' PostgreSQL server in {folder} was not cleaned up: {e.Message}");
        }
    }

    private static string BinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory
                .EnumerateDirectories("/usr/lib/postgresql")
                .Select(v => Path.Combine(v, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => b, StringComparer.Ordinal)
                .First()
            : throw new InvalidOperationException("PostgreSQL is not installed: run ./test.sh, which installs it.");

    private static int FreePort()
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
