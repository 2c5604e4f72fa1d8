using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Enoe.Bench.Circuits;

/// <summary>
/// Everything the bench starts (servers, folders), undone in reverse order whatever happens: at the end, on an
/// exception, on Ctrl-C (the run is cancelled and unwinds to <see cref="DisposeAsync"/>) and on SIGTERM.
/// </summary>
internal sealed class Processes : IAsyncDisposable
{
    private readonly Stack<(string What, Action Undo)> _undo = new();
    private readonly Lock _lock = new();
    private readonly EventHandler _onExit;

    public Processes() => AppDomain.CurrentDomain.ProcessExit += _onExit = (_, _) => UndoAll();

    public void OnCleanup(string what, Action undo)
    {
        lock (_lock)
            _undo.Push((what, undo));
    }

    public DirectoryInfo TempFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        OnCleanup($"folder {folder.FullName}", () => folder.Delete(recursive: true));
        return folder;
    }

    /// <summary>
    /// Starts a program; it is killed (with its children) at cleanup. Its output goes to the console, unless
    /// <paramref name="echo"/> is false.
    /// </summary>
    public Process Start(
        string name,
        string file,
        IEnumerable<string> args,
        IDictionary<string, string>? env = null,
        string? workingDirectory = null,
        bool echo = true
    )
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        OnCleanup(
            $"{name} (pid {process.Id})",
            () =>
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
        );
        process.OutputDataReceived += (_, e) => Echo(name, echo ? e.Data : null);
        process.ErrorDataReceived += (_, e) => Echo(name, echo ? e.Data : null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a program to its end (setup steps); throws with its output when it fails.</summary>
    public static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await errors}"
            );
    }

    /// <summary>A loopback port nothing listens on (the OS's choice, released just before use).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }
        }
    }

    private static void Echo(string name, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
            Console.Error.WriteLine($"{name}: {line}");
    }

    private void UndoAll()
    {
        while (true)
        {
            (string What, Action Undo) step;
            lock (_lock)
                if (!_undo.TryPop(out step))
                    return;
            try
            {
                step.Undo();
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"cleanup of {step.What} failed: {e.Message}");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        UndoAll();
        AppDomain.CurrentDomain.ProcessExit -= _onExit;
        return ValueTask.CompletedTask;
    }
}
