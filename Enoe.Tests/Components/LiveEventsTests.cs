using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Enoe.App.Hosting;
using Enoe.Data.Events;
using Enoe.Tests.Support;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enoe.Tests.Components;

/// <summary>
/// A tab's live events while its connection is down: held, not run; handed over when it comes back (to the
/// subscriptions still open, in their culture); past <see cref="LiveEvents.MaxHeld"/>, the page reloads instead.
/// </summary>
public sealed class LiveEventsTests : IAsyncDisposable
{
    private readonly InProcessEventBus _bus = new(NullLogger<InProcessEventBus>.Instance);
    private readonly LiveEvents _tab;
    private readonly List<int> _heard = [];

    public LiveEventsTests() => _tab = new(_bus, NullLogger<LiveEvents>.Instance);

    private sealed record Ping(int N);

    private IDisposable Listen() =>
        _tab.Subscribe<Ping>(p =>
        {
            lock (_heard)
                _heard.Add(p.N);
            return Task.CompletedTask;
        });

    private async Task PublishAsync(params int[] numbers)
    {
        foreach (var n in numbers)
            await _bus.PublishAsync(new Ping(n));
        await _bus.WhenIdleAsync();
    }

    [Fact]
    public async Task APageRenderedOnce_ListensToNothing()
    {
        var scope = new RenderScope();
        scope.MarkStatic();
        var page = new LiveEvents(_bus, NullLogger<LiveEvents>.Instance, scope);
        var heard = 0;
        using var listening = page.Subscribe<Ping>(_ => Task.FromResult(Interlocked.Increment(ref heard)));

        await PublishAsync(1);

        Assert.Equal(0, heard);
    }

    [Fact]
    public async Task WhatOneEventChangesInATab_GoesToItsRendererOnce_WhenEveryComponentHasHandledIt()
    {
        await using var tab = new HeldTab(_bus);

        await _bus.PublishAsync(new Ping(1));
        await tab.BadgeDone;
        Assert.Equal((0, 0), (tab.Dispatches, tab.Rendered)); // the badge waits for the bell
        tab.Slow.SetResult();
        await _bus.WhenIdleAsync();

        Assert.Equal((1, 2), (tab.Dispatches, tab.Rendered)); // one dispatch: one render batch in a browser tab
    }

    [Fact]
    public async Task AComponentSlowerThanTheHold_LetsTheOthersRenderFirst()
    {
        await using var tab = new HeldTab(_bus);

        await _bus.PublishAsync(new Ping(1));
        await tab.BadgeDone;
        // The badge, on its own once the hold's time is up (the wait starts as the handlers do: advanced until seen).
        await WaitUntilAsync(() =>
        {
            tab.Clock.Advance(LiveEvents.MaxHold);
            return tab.Rendered == 1;
        });
        tab.Slow.SetResult();
        await _bus.WhenIdleAsync();

        Assert.Equal((2, 2), (tab.Dispatches, tab.Rendered));
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        for (var waited = 0; !done(); waited += 10)
        {
            Assert.True(waited < 10_000, "not within 10 s");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// A tab whose badge handles a ping at once and whose bell waits for <see cref="Slow"/>; its renderer, as far as
    /// this goes: each dispatch runs at once, each view counts its renders.
    /// </summary>
    private sealed class HeldTab : IAsyncDisposable
    {
        private readonly LiveEvents _tab;
        private readonly IDisposable _fast,
            _reading;
        private int _dispatches,
            _rendered;

        public HeldTab(IEventBus bus)
        {
            var renders = new RenderTogether();
            _tab = new LiveEvents(bus, NullLogger<LiveEvents>.Instance, renders: renders, clock: Clock);
            var (badge, bell) = (renders.Add(Dispatch, Count), renders.Add(Dispatch, Count));
            var badgeDone = new TaskCompletionSource();
            BadgeDone = badgeDone.Task;
            _fast = _tab.Subscribe<Ping>(_ =>
            {
                badge.Refresh();
                badgeDone.TrySetResult();
                return Task.CompletedTask;
            });
            _reading = _tab.Subscribe<Ping>(async _ =>
            {
                await Slow.Task; // a component still reading
                bell.Refresh();
            });
        }

        public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new();
        public TaskCompletionSource Slow { get; } = new();
        public Task BadgeDone { get; }
        public int Dispatches => Volatile.Read(ref _dispatches);
        public int Rendered => Volatile.Read(ref _rendered);

        private Task Dispatch(Action work)
        {
            Interlocked.Increment(ref _dispatches);
            work();
            return Task.CompletedTask;
        }

        private void Count() => Interlocked.Increment(ref _rendered);

        public ValueTask DisposeAsync()
        {
            Slow.TrySetResult();
            _fast.Dispose();
            _reading.Dispose();
            _tab.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Connected_ItHearsAtOnce_Down_ItHearsNothing_Back_ItHearsWhatItMissed()
    {
        using var _ = Listen();
        await PublishAsync(1);
        Assert.Equal([1], _heard);

        _tab.ConnectionDown();
        await PublishAsync(2, 3, 4);
        Assert.Equal([1], _heard);

        await CaughtUpAsync();
        Assert.Equal([1, 2, 3, 4], _heard.Order()); // the bus runs each event's handlers apart: no order between them
        await PublishAsync(5);
        Assert.Equal([1, 2, 3, 4, 5], _heard.Order());
    }

    [Fact]
    public async Task AComponentGoneWhileDown_GetsNothingOnResume()
    {
        var gone = Listen();
        _tab.ConnectionDown();
        await PublishAsync(1);
        gone.Dispose();

        await CaughtUpAsync();
        Assert.Empty(_heard);
    }

    [Fact]
    public async Task MissingMoreThanItHolds_ResumesNothing_AndAsksForAReload()
    {
        using var _ = Listen();
        _tab.ConnectionDown();
        await PublishAsync([.. Enumerable.Range(1, LiveEvents.MaxHeld + 1)]);

        var (reload, catchingUp) = _tab.Resume();
        Assert.True(reload);
        await catchingUp;
        Assert.Empty(_heard);
        await PublishAsync(1); // the reloaded page's circuit is another; this one hears on until it goes
        Assert.Equal([1], _heard);
    }

    [Fact]
    public async Task WhatItMissed_RunsInTheCultureItSubscribedIn()
    {
        string? culture = null;
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new("en");
        using var _ = _tab.Subscribe<Ping>(_ =>
        {
            culture = CultureInfo.CurrentUICulture.Name;
            return Task.CompletedTask;
        });
        CultureInfo.CurrentUICulture = before;
        _tab.ConnectionDown();
        await PublishAsync(1);

        await CaughtUpAsync();
        Assert.Equal("en", culture);
    }

    [Fact]
    public async Task TheCircuitHandler_HoldsWhileTheConnectionIsDown_AndReloadsAPageThatMissedTooMuch()
    {
        await using var context = new BunitContext();
        var navigation = (BunitNavigationManager)context.Services.GetRequiredService<NavigationManager>();
        var handler = new HeldWhileDown(_tab, navigation);
        using var _ = Listen();

        await handler.OnConnectionDownAsync(null!, default);
        await PublishAsync(1);
        Assert.Empty(_heard);
        await handler.OnConnectionUpAsync(null!, default);
        await Eventually.WaitUntilAsync(() => Heard().Count == 1); // caught up apart from the reconnection
        Assert.Empty(navigation.History);

        await handler.OnConnectionDownAsync(null!, default);
        await PublishAsync([.. Enumerable.Range(2, LiveEvents.MaxHeld + 1)]);
        await handler.OnConnectionUpAsync(null!, default);
        Assert.True(navigation.History.Single().Options.ForceLoad);
        Assert.Equal([1], Heard());
    }

    [Fact]
    public async Task AnEventIsHeldOncePerTab_HoweverManyOfItsComponentsListen()
    {
        using var first = Listen();
        using var second = Listen();
        using var third = Listen();
        _tab.ConnectionDown();
        await PublishAsync([.. Enumerable.Range(1, LiveEvents.MaxHeld)]); // three times that many deliveries

        await CaughtUpAsync();
        Assert.Equal(3 * LiveEvents.MaxHeld, Heard().Count);
    }

    [Fact]
    public async Task TheConnectionDroppingAgainWhileCatchingUp_HoldsTheRest()
    {
        var (handling, release) = (NewSignal(), NewSignal());
        using var slow = _tab.Subscribe<Ping>(async p =>
        {
            if (p.N == 1)
            {
                handling.SetResult();
                await release.Task;
            }
            lock (_heard)
                _heard.Add(p.N);
        });
        _tab.ConnectionDown();
        await PublishAsync(1); // held first: the bus hands events over in no set order
        await PublishAsync(2, 3);

        var (_, catchingUp) = _tab.Resume();
        await handling.Task;
        _tab.ConnectionDown(); // while the first is handled
        release.SetResult();
        await catchingUp;
        Assert.Equal([1], Heard());

        await CaughtUpAsync();
        Assert.Equal([1, 2, 3], Heard().Order());
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task CaughtUpAsync()
    {
        var (reload, catchingUp) = _tab.Resume();
        Assert.False(reload);
        await catchingUp;
    }

    private List<int> Heard()
    {
        lock (_heard)
            return [.. _heard];
    }

    public ValueTask DisposeAsync() => _bus.DisposeAsync();
}
