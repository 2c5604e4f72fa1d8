using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

// A mémo whose delivery keeps failing is tried again, less and less often, without holding the others back.
public sealed partial class MemoDeliveryTests
{
    [Fact]
    public async Task AMemoThatFailsAgain_DoesNotHoldBackTheOnesAfterIt()
    {
        var (older, newer) = (await SendFailingAsync(), await SendFailingAsync());
        _copies.Armed = true; // the older one fails again

        Assert.Equal(1, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
        Assert.Equal((0, 0), await CopiesAndNoticesAsync(older));
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(newer));

        _database.Clock.Advance(MemoService.FirstRetry); // left alone until then
        Assert.Equal(1, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(older));
    }

    [Fact]
    public async Task AMemoThatKeepsFailing_IsTriedLessAndLessOften_AndNeverTakesTheSweepsPlace()
    {
        var (older, newer) = (await SendFailingAsync(), await SendFailingAsync());
        async Task<int> SweepOneAsync() => await Memos.DeliverLeftoversAsync(TimeSpan.Zero, max: 1);

        _copies.Armed = true;
        Assert.Equal(0, await SweepOneAsync()); // the older one failed again in the sweep's one place
        Assert.Equal(1, await SweepOneAsync()); // then waits its turn: the newer one goes through
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(newer));
        Assert.Equal(0, await SweepOneAsync());

        _database.Clock.Advance(MemoService.FirstRetry);
        _copies.Armed = true;
        Assert.Equal(0, await SweepOneAsync()); // tried again, failed a second time: now it waits twice as long
        _database.Clock.Advance(MemoService.FirstRetry);
        Assert.Equal(0, await SweepOneAsync());
        Assert.Equal((0, 0), await CopiesAndNoticesAsync(older));
        _database.Clock.Advance(MemoService.FirstRetry);
        Assert.Equal(1, await SweepOneAsync());
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(older));
    }

    [Fact]
    public async Task AMemoWhoseOpenTabsCouldNotBeTold_IsDeliveredAllTheSame_AndNotTriedAgain()
    {
        var bus = new FailingBus();
        await _database.DisposeAsync(); // this test's own, with an event bus that can fail
        _database = await TestDatabase.CreateAsync(configure: s =>
            s.AddSingleton<IInterceptor>(_copies).AddSingleton<IEventBus>(bus)
        );
        _f = await TwoSchools.CreateAsync(_database);
        var id = await SendFailingAsync();
        bus.Failing = true;

        Assert.Equal(1, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(id));
        Assert.Equal(0, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
    }

    /// <summary>An event bus that stops answering (Redis gone) when <see cref="Failing"/>.</summary>
    private sealed class FailingBus : IEventBus
    {
        public volatile bool Failing;

        public Task PublishAsync<TEvent>(TEvent @event)
            where TEvent : notnull =>
            Failing
                ? throw new InvalidOperationException("The event bus did not answer (a test's fault).")
                : Task.CompletedTask;

        public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
            where TEvent : notnull => new Unsubscribed();

        public Task WhenIdleAsync() => Task.CompletedTask;

        private sealed class Unsubscribed : IDisposable
        {
            public void Dispose() { }
        }
    }
}
