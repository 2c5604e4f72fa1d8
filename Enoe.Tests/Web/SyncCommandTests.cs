using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Enoe.Tests.Web;

/// <summary>
/// <c>--sync-directory</c> runs the real app's entry point in its own process, as an operator or a cron job would:
/// the exit code and the summary line are its whole interface.
/// </summary>
public class SyncCommandTests
{
    [Fact]
    public async Task Without_a_directory_the_command_says_so_and_exits_2()
    {
        var (code, output) = await RunAsync(directoryUrl: null);
        Assert.Equal(2, code);
        Assert.Contains("No directory configured", output);
    }

    [Fact]
    public async Task A_directory_it_cannot_reach_ends_the_command_with_a_failure_code()
    {
        var (code, output) = await RunAsync($"ldap://127.0.0.1:{ClosedPort()}");
        Assert.Equal(1, code);
        Assert.Contains("Directory sync FAILED", output.TrimEnd().Split('\n')[^1]);
    }

    /// <summary>
    /// Runs <c>Enoe.App --sync-directory</c> on a fresh data directory; returns its exit code and output.
    /// </summary>
    internal static async Task<(int Code, string Output)> RunAsync(
        string? directoryUrl,
        IReadOnlyDictionary<string, string>? settings = null,
        params string[] extraArguments
    )
    {
        var data = Path.Combine(Path.GetTempPath(), "enoe-tests", "cli-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["Enoe.App.dll", "--sync-directory", .. extraArguments])
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Enoe__DataDirectory"] = data;
        start.Environment["Enoe__Directory__Ldap__Url"] = directoryUrl ?? "";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__")] = value;
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
