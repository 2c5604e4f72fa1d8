using System.Globalization;
using Enoe.Data.Events;
using Enoe.Data.Logbook;
using Enoe.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Data;

/// <summary>The in-process bus: publishing queues, each handler runs on its own, in its subscriber's culture.</summary>
public sealed partial class EventBusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static InProcessEventBus NewBus() => new(NullLogger<InProcessEventBus>.Instance);

    [Fact]
    public async Task Subscribers_ReceiveEvents_UntilTheyUnsubscribe()
    {
        await using var bus = NewBus();
        var received = new List<int>();
        var subscription = bus.Subscribe<LogbookChanged>(e =>
        {
            lock (received)
                received.Add(e.EntryId);
            return Task.CompletedTask;
        });
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
        await bus.WhenIdleAsync();
        subscription.Dispose();
        await bus.PublishAsync(new LogbookChanged(2, 1, 10, null));
        await bus.WhenIdleAsync();
        Assert.Equal([1], received);
    }

    [Fact]
    public async Task ThePublisher_ReturnsBeforeASlowHandlerFinishes_AndIdleWaitsForIt()
    {
        await using var bus = NewBus();
        var (started, release) = (NewSignal(), NewSignal());
        using var slow = bus.Subscribe<LogbookChanged>(async _ =>
        {
            started.TrySetResult();
            await release.Task;
        });

        var publishing = bus.PublishAsync(new LogbookChanged(1, 1, 10, null));

        Assert.True(publishing.IsCompletedSuccessfully);
        await started.Task.WaitAsync(Patience);
        var idle = bus.WhenIdleAsync();
        Assert.False(idle.IsCompleted);
        release.SetResult();
        await idle.WaitAsync(Patience);
    }

    [Fact]
    public async Task AFailingHandler_DoesNotStopTheOthers()
    {
        await using var bus = NewBus();
        var reached = 0;
        using var broken = bus.Subscribe<LogbookChanged>(_ => throw new InvalidOperationException("closed circuit"));
        using var faulted = bus.Subscribe<LogbookChanged>(async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("closed circuit");
        });
        using var working = bus.Subscribe<LogbookChanged>(_ =>
        {
            Interlocked.Increment(ref reached);
            return Task.CompletedTask;
        });
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
        await bus.PublishAsync(new LogbookChanged(2, 1, 10, null));
        await bus.WhenIdleAsync().WaitAsync(Patience);
        Assert.Equal(2, reached);
    }

    [Fact]
    public async Task ABlockedHandler_DoesNotDelayTheOthers()
    {
        await using var bus = NewBus();
        var (blocked, never) = (NewSignal(), NewSignal());
        var reached = new[] { NewSignal(), NewSignal() };
        using var stuck = bus.Subscribe<LogbookChanged>(async _ =>
        {
            blocked.TrySetResult();
            await never.Task;
        });
        using var other = bus.Subscribe<LogbookChanged>(e =>
        {
            reached[e.EntryId].TrySetResult();
            return Task.CompletedTask;
        });

        await bus.PublishAsync(new LogbookChanged(0, 1, 10, null));
        await blocked.Task.WaitAsync(Patience);
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));

        await Task.WhenAll(reached.Select(r => r.Task)).WaitAsync(Patience); // the stuck one still waits
        Assert.False(bus.WhenIdleAsync().IsCompleted);
        never.SetResult();
        await bus.WhenIdleAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task EachHandler_RunsInTheCultureOfItsSubscriber()
    {
        await using var bus = NewBus();
        var heard = new Dictionary<string, string>();
        IDisposable SubscribeIn(string culture)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return bus.Subscribe<LogbookChanged>(_ =>
            {
                lock (heard)
                    heard[culture] = $"{CultureInfo.CurrentUICulture.Name}/{CultureInfo.CurrentCulture.Name}";
                return Task.CompletedTask;
            });
        }
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            using var french = SubscribeIn("fr-FR");
            using var english = SubscribeIn("en-GB");
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
            await bus.WhenIdleAsync().WaitAsync(Patience);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
        Assert.Equal("fr-FR/fr-FR", heard["fr-FR"]);
        Assert.Equal("en-GB/en-GB", heard["en-GB"]);
    }

    private static readonly AsyncLocal<string?> Ambient = new();

    [Fact]
    public async Task AHandler_RunsInItsSubscribersCultures_AndInNothingElseOfTheirsOrThePublishers()
    {
        await using var bus = NewBus();
        string? heard = null;
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            Ambient.Value = "the subscriber's";
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            CultureInfo.CurrentUICulture = new CultureInfo("en-GB");
            using var listening = bus.Subscribe<LogbookChanged>(_ =>
            {
                heard = $"{CultureInfo.CurrentCulture.Name}/{CultureInfo.CurrentUICulture.Name}/{Ambient.Value}";
                return Task.CompletedTask;
            });
            Ambient.Value = "the publisher's";
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
            await bus.WhenIdleAsync().WaitAsync(Patience);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            Ambient.Value = null;
        }
        Assert.Equal("fr-FR/en-GB/", heard);
    }

    [Fact]
    public async Task WhenIdle_WaitsForWhatAHandlerPublishes()
    {
        await using var bus = NewBus();
        var second = 0;
        using var relay = bus.Subscribe<LogbookChanged>(e =>
            e.EntryId == 1 ? bus.PublishAsync(new LogbookChanged(2, 1, 10, null)) : Task.CompletedTask
        );
        using var last = bus.Subscribe<LogbookChanged>(async e =>
        {
            await Task.Yield();
            if (e.EntryId == 2)
                Interlocked.Increment(ref second);
        });
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
        await bus.WhenIdleAsync().WaitAsync(Patience);
        Assert.Equal(1, second);
    }

    [Fact]
    public async Task TheQueueIsBounded_ThePublisherWaitsForRoomOnceHandlersAndQueueAreFull()
    {
        // Room for one running handler and two queued events.
        await using var bus = new InProcessEventBus(NullLogger.Instance, TimeProvider.System, 2, 1);
        var (started, release) = (NewSignal(), NewSignal());
        var handled = 0;
        using var slow = bus.Subscribe<LogbookChanged>(async _ =>
        {
            started.TrySetResult();
            await release.Task;
            Interlocked.Increment(ref handled);
        });
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
        await started.Task.WaitAsync(Patience);

        // The dispatcher holds at most one of these waiting for the handler, the queue two: the last must wait.
        var publishing = Enumerable.Range(2, 4).Select(i => bus.PublishAsync(new LogbookChanged(i, 1, 10, null)));
        var fifth = publishing.ToList()[^1];

        Assert.False(fifth.IsCompleted);
        release.SetResult();
        await fifth.WaitAsync(Patience);
        await bus.WhenIdleAsync().WaitAsync(Patience);
        Assert.Equal(5, handled);
    }

    [Fact]
    public async Task AHandlerStillRunningAfterThirtySeconds_IsLoggedOnce()
    {
        var (clock, log) = (new WatchedClock(), new ListLogger<InProcessEventBus>());
        await using var bus = new InProcessEventBus(log, clock);
        var (started, release) = (NewSignal(), NewSignal());
        using var slow = bus.Subscribe<LogbookChanged>(async _ =>
        {
            started.TrySetResult();
            await release.Task;
        });
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
        await Task.WhenAll(started.Task, clock.TimerCreated.Task).WaitAsync(Patience); // the bus watches it
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(log.Messages);

        clock.Advance(TimeSpan.FromSeconds(2));
        await log.LoggedAsync("still running after 30 s");
        clock.Advance(TimeSpan.FromMinutes(5));
        release.SetResult();
        await bus.WhenIdleAsync().WaitAsync(Patience);
        Assert.Single(log.Messages);
    }

    [Fact]
    public async Task Stopping_DeliversWhatWasPublishedFirst()
    {
        var bus = NewBus();
        var (started, release) = (NewSignal(), NewSignal());
        var finished = false;
        using var slow = bus.Subscribe<LogbookChanged>(async _ =>
        {
            started.TrySetResult();
            await release.Task;
            finished = true;
        });
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
        await started.Task.WaitAsync(Patience);

        var stopping = bus.DisposeAsync().AsTask();

        Assert.False(stopping.IsCompleted);
        release.SetResult();
        await stopping.WaitAsync(Patience);
        Assert.True(finished);
    }

    /// <summary>
    /// Says when the bus starts watching a handler (its timer), so that the test moves time after that.
    /// </summary>
    private sealed class WatchedClock : FakeTimeProvider
    {
        public TaskCompletionSource TimerCreated { get; } = NewSignal();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            TimerCreated.TrySetResult();
            return timer;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
