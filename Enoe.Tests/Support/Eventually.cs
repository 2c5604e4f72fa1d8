namespace Enoe.Tests.Support;

/// <summary>For what the server does on its own time (a circuit closing after the browser's beacon, a pause).</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms; fails (cancelled) after 15 s.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
            await Task.Delay(50, timeout.Token);
    }
}
