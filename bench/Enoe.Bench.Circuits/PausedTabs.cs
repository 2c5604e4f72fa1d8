using System.Diagnostics;

namespace Enoe.Bench.Circuits;

/// <summary>
/// What a paused dashboard holds on the server (<c>--pause</c>): every measured tab pauses its circuit as a tab left
/// hidden does (the server keeps its state for the tab's return, in memory, and ends the circuit), then closes its
/// connection as the browser does; managed memory is read again against the same baseline as the open circuits.
/// </summary>
internal static class PausedTabs
{
    public static async Task<int> MeasureAsync(
        IReadOnlyList<Uri> instances,
        IReadOnlyList<Memory> before,
        IReadOnlyList<Tab> tabs,
        CancellationToken ct
    )
    {
        await Task.WhenAll(tabs.Select(t => t.PauseAsync()));
        var waited = Stopwatch.StartNew();
        Memory[] now;
        do
        {
            await Task.Delay(1000, ct);
            now = await Task.WhenAll(instances.Select(Servers.MemoryAsync));
        } while (now.Sum(m => m.Circuits) > before.Sum(m => m.Circuits) && waited.Elapsed < TimeSpan.FromMinutes(2));
        var paused = before.Sum(m => m.Circuits) + tabs.Count - now.Sum(m => m.Circuits);
        await Task.WhenAll(tabs.Select(t => t.DisposeAsync().AsTask()));
        await Task.Delay(2000, ct);
        now = await Task.WhenAll(instances.Select(Servers.MemoryAsync));
        var held = now.Zip(before, (n, b) => n.ManagedBytes - b.ManagedBytes).Sum();
        Console.Error.WriteLine(
            $"{paused} of {tabs.Count} circuits paused in {waited.Elapsed.TotalSeconds:0} s; "
                + $"{now.Sum(m => m.Circuits)} circuits left (the warm-up's)"
        );
        Console.WriteLine($"managed memory per paused dashboard: {held / 1024.0 / Math.Max(1, tabs.Count):0.0} KB");
        return paused == tabs.Count ? 0 : 2;
    }
}
