namespace Enoe.Tests.Support;

/// <summary>Starts many calls together (each on its own thread, released at one signal) and waits for all.</summary>
public static class Race
{
    /// <summary>An exception from any call fails the test here.</summary>
    public static async Task<T[]> AtOnceAsync<T>(int count, Func<int, Task<T>> call)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable
            .Range(0, count)
            .Select(i =>
                Task.Run(async () =>
                {
                    await start.Task;
                    return await call(i);
                })
            )
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(racers);
    }
}
