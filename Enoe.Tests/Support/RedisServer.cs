using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Enoe.Tests.Support;

/// <summary>
/// One Redis server for the test run, from Debian's package (test.sh installs it): started on a free loopback port in
/// a temporary folder, nothing written to disk, stopped when the test process exits. Servers that aborted runs left
/// behind (their test process gone) are stopped first. Tests share it: each uses its own key and channel prefix
/// (<see cref="NewPrefix"/>), never FLUSHALL.
/// </summary>
public static class RedisServer
{
    private const string Binary = "/usr/bin/redis-server";
    private static readonly Lazy<Task<string>> Started = new(() => Task.Run(StartAsync));

    /// <summary>
    /// The StackExchange.Redis configuration string ("127.0.0.1:port"), the server started on first use.
    /// </summary>
    public static Task<string> ConfigurationAsync() => Started.Value;

    /// <summary>A prefix no other test uses, for keys and channels.</summary>
    public static string NewPrefix() => $"t{Guid.NewGuid():N}:";

    /// <summary>
    /// A server of the test's own, for a test that stops it (Redis going away under running instances).
    /// </summary>
    public static async Task<OwnRedisServer> StartOwnAsync()
    {
        await ConfigurationAsync(); // the shared one first: it removes stale servers, and this one is never stale
        var (server, folder, configuration) = await LaunchAsync();
        return new OwnRedisServer(configuration, () => Stop(server, folder));
    }

    private static async Task<string> StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: ./test.sh installs Debian's redis-server.");
        RemoveStaleServers();
        var (server, folder, configuration) = await LaunchAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(server, folder);
        return configuration;
    }

    private static async Task<(Process Server, string Folder, string Configuration)> LaunchAsync()
    {
        var folder = Directory.CreateTempSubdirectory("enoe-redis-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "owner"), Environment.ProcessId.ToString());
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var server = Process.Start(
                new ProcessStartInfo(Binary)
                {
                    ArgumentList =
                    {
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        port.ToString(),
                        "--dir",
                        folder,
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--protected-mode",
                        "yes",
                        "--pidfile",
                        Path.Combine(folder, "pid"),
                    },
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                }
            )!;
            if (await AnswersAsync(port, server))
                return (server, folder, $"127.0.0.1:{port}");
            if (attempt == 2) // the port was taken between asking and binding, twice: give up clearly
                throw new InvalidOperationException($"redis-server did not start on 127.0.0.1:{port}.");
        }
    }

    private static async Task<bool> AnswersAsync(int port, Process server)
    {
        for (var i = 0; i < 100 && !server.HasExited; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        return false;
    }

    /// <summary>Servers whose test process is gone (a killed run never reached ProcessExit).</summary>
    private static void RemoveStaleServers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "enoe-redis-*"))
        {
            try
            {
                var owner = int.Parse(File.ReadAllText(Path.Combine(folder, "owner")));
                if (IsRunning(owner))
                    continue;
                var pidFile = Path.Combine(folder, "pid");
                if (
                    File.Exists(pidFile)
                    && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)
                    && IsRunning(pid)
                    && Process.GetProcessById(pid).ProcessName.StartsWith("redis")
                )
                    Process.GetProcessById(pid).Kill();
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            return !Process.GetProcessById(pid).HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Stop(Process server, string folder)
    {
        try
        {
            server.Kill();
            server.WaitForExit(2000);
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A Redis server one test started and may stop; stopped at the latest when disposed.</summary>
public sealed class OwnRedisServer(string configuration, Action stop) : IDisposable
{
    private int _stopped;

    public string Configuration => configuration;

    /// <summary>Kills the server (as a crash would) and waits for it to be gone.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
            stop();
    }

    public void Dispose() => Stop();
}
