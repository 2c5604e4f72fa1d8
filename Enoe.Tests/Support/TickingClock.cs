using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Support;

/// <summary>
/// A clock that moves a test's fake clock on by <paramref name="step"/> at every reading, so that a run "lasts" as
/// long as its readings say; <see cref="Between"/> runs before each reading (another instance acting meanwhile).
/// </summary>
public sealed class TickingClock(FakeTimeProvider inner, TimeSpan step) : TimeProvider
{
    public Func<Task>? Between { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        // On the thread pool: the test's synchronisation context is not blocked by the wait.
        if (Between is { } act)
            Task.Run(act).GetAwaiter().GetResult();
        inner.Advance(step);
        return inner.GetUtcNow();
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
}
