using System.Globalization;
using Enoe.Data.Events;
using Microsoft.Extensions.Logging;

namespace Enoe.Widgets.Common;

/// <summary>
/// The event bus as one tab sees it (scoped: one per circuit): what components subscribe through. While the tab's
/// connection is down (a train tunnel, a laptop lid, a tab closed for good that Blazor keeps three minutes), its
/// handlers do not run: they would query the database and render batches nobody receives, for every mémo of the
/// académie. What arrives meanwhile is held and handed over, in the order it arrived, when the tab reconnects; a tab
/// that missed more than <see cref="MaxHeld"/> is reloaded instead (<see cref="ResumeAsync"/>).
/// </summary>
public sealed class LiveEvents(IEventBus bus, ILogger<LiveEvents> logger)
{
    /// <summary>
    /// Deliveries held for a disconnected tab: a few minutes of a busy académie's events for its handful of
    /// subscribers, a few kilobytes; beyond, reloading the page costs less than catching up.
    /// </summary>
    public const int MaxHeld = 500;

    private readonly Lock _lock = new();
    private readonly List<Held> _held = [];
    private bool _down,
        _missedTooMany;

    /// <summary>Like <see cref="IEventBus.Subscribe"/>, but held while the tab is disconnected.</summary>
    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
        where TEvent : notnull
    {
        var subscription = new Subscription();
        subscription.Inner = bus.Subscribe<TEvent>(e => DeliverOrHold(subscription, () => handler(e)));
        return subscription;
    }

    /// <summary>The connection went down: from now on, deliveries wait for it to come back.</summary>
    public void ConnectionDown()
    {
        lock (_lock)
            _down = true;
    }

    /// <summary>
    /// The connection is back: runs what was held, in the order it arrived, each as the bus would (on the thread pool,
    /// in its subscriber's culture). False when more than <see cref="MaxHeld"/> were missed: none run, and the caller
    /// reloads the page, which reads everything afresh.
    /// </summary>
    public async Task<bool> ResumeAsync()
    {
        Held[] held;
        lock (_lock)
        {
            if (!_down)
                return true;
            (_down, held) = (false, [.. _held]);
            _held.Clear();
            if (_missedTooMany)
            {
                _missedTooMany = false;
                return false;
            }
        }
        // Off the circuit's dispatcher, like the bus: handlers re-render through InvokeAsync.
        await Task.Run(async () =>
        {
            foreach (var delivery in held.Where(h => h.Subscription.Active))
                try
                {
                    await delivery.RunAsync();
                }
                catch (Exception e)
                {
                    // As on the bus: one component's failure does not stop the others catching up.
                    logger.LogWarning(e, "A held event handler failed as its tab reconnected");
                }
        });
        return true;
    }

    private Task DeliverOrHold(Subscription subscription, Func<Task> deliver)
    {
        lock (_lock)
        {
            if (_down)
            {
                if (_held.Count < MaxHeld)
                    _held.Add(new(subscription, deliver, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture));
                else
                    _missedTooMany = true;
                return Task.CompletedTask;
            }
        }
        return deliver();
    }

    private sealed record Held(
        Subscription Subscription,
        Func<Task> Deliver,
        CultureInfo Culture,
        CultureInfo UICulture
    )
    {
        public async Task RunAsync()
        {
            CultureInfo.CurrentCulture = Culture;
            CultureInfo.CurrentUICulture = UICulture;
            await Deliver();
        }
    }

    /// <summary>Disposed by its component: a delivery held for it is dropped.</summary>
    private sealed class Subscription : IDisposable
    {
        private volatile bool _disposed;
        public IDisposable? Inner { get; set; }
        public bool Active => !_disposed;

        public void Dispose()
        {
            _disposed = true;
            Inner?.Dispose();
        }
    }
}
