using System.Collections.Immutable;
using System.Globalization;
using Enoe.Data.Events;
using Microsoft.Extensions.Logging;

namespace Enoe.Widgets.Common;

/// <summary>
/// The event bus as one tab sees it (scoped: one per circuit): what its components subscribe through. It listens on the
/// bus once per kind of event and hands each event to the tab's components of that kind. While the tab's connection is
/// down (a train tunnel, a laptop lid, a tab closed for good that Blazor keeps three minutes), no handler runs: each
/// would query the database and render batches nobody receives. The events that arrive meanwhile are held (a reference
/// each, once per tab however many components listen) and handed over when the tab reconnects; a tab that missed more
/// than <see cref="MaxHeld"/> is reloaded instead (<see cref="Resume"/>). What one event changes in the tab renders in
/// one batch (<see cref="RenderTogether"/>).
/// </summary>
public sealed class LiveEvents(
    IEventBus bus,
    ILogger<LiveEvents> logger,
    RenderScope? scope = null,
    RenderTogether? renders = null,
    TimeProvider? clock = null
) : IDisposable
{
    /// <summary>
    /// Events held for a disconnected tab: a busy académie's events of several minutes, 8 bytes each (the events
    /// themselves are shared by every tab); beyond, reloading the page costs less than catching up.
    /// </summary>
    public const int MaxHeld = 2000;

    /// <summary>
    /// How long the quick components of a tab wait for a slow one before they render an event's changes: what one
    /// event changes goes in one render batch, unless a component takes longer than this to handle it.
    /// </summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly Dictionary<Type, Kind> _kinds = [];
    private readonly List<(Type Type, object Event)> _held = [];
    private CultureInfo _culture = CultureInfo.CurrentCulture,
        _uiCulture = CultureInfo.CurrentUICulture;
    private bool _down,
        _missedTooMany;

    /// <summary>
    /// Like <see cref="IEventBus.Subscribe"/>; held while the tab is disconnected. A page rendered once (prerendered:
    /// its circuit listens for itself) listens to nothing: a subscription per component and page, added to the bus's
    /// lists and taken off again, was most of what a prerendered dashboard did with the bus.
    /// </summary>
    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
        where TEvent : notnull
    {
        if (scope?.IsStatic == true)
            return NotListening.Instance;
        var listener = new Listener(this, typeof(TEvent), e => handler((TEvent)e));
        lock (_lock)
        {
            if (!_kinds.TryGetValue(typeof(TEvent), out var kind))
            {
                // The tab's culture: the bus runs this listening in it, and the catching up too.
                (_culture, _uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
                _kinds[typeof(TEvent)] = kind = new(bus.Subscribe<TEvent>(e => ArrivedAsync(typeof(TEvent), e)));
            }
            kind.Listeners = kind.Listeners.Add(listener);
        }
        return listener;
    }

    /// <summary>The connection went down: from now on, events wait for it to come back.</summary>
    public void ConnectionDown()
    {
        lock (_lock)
            _down = true;
    }

    /// <summary>
    /// The connection is back. <c>Reload</c>: more than <see cref="MaxHeld"/> were missed, none will run, and the
    /// caller reloads the page, which reads everything afresh. Otherwise <c>CatchingUp</c> hands over what was held, on
    /// the thread pool, without holding up the reconnection; should the connection drop again meanwhile, the rest
    /// waits.
    /// </summary>
    public (bool Reload, Task CatchingUp) Resume()
    {
        List<(Type, object)> held;
        lock (_lock)
        {
            if (!_down)
                return (false, Task.CompletedTask);
            (_down, held) = (false, [.. _held]);
            _held.Clear();
            if (_missedTooMany)
            {
                _missedTooMany = false;
                return (true, Task.CompletedTask);
            }
        }
        return (false, held.Count == 0 ? Task.CompletedTask : Task.Run(() => CatchUpAsync(held)));
    }

    private Task ArrivedAsync(Type type, object e)
    {
        lock (_lock)
        {
            if (_down)
            {
                Hold(_held.Count, [(type, e)]);
                return Task.CompletedTask;
            }
        }
        return DeliverAsync(type, e);
    }

    private async Task CatchUpAsync(List<(Type Type, object Event)> held)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        for (var i = 0; i < held.Count; i++)
        {
            lock (_lock)
            {
                if (_down)
                {
                    Hold(0, held[i..]); // before what arrived since, in the order they came
                    return;
                }
            }
            await DeliverAsync(held[i].Type, held[i].Event);
        }
    }

    /// <summary>Under the lock.</summary>
    private void Hold(int at, IEnumerable<(Type, object)> events)
    {
        _held.InsertRange(at, events);
        if (_held.Count > MaxHeld)
        {
            _missedTooMany = true;
            _held.Clear();
        }
    }

    /// <summary>Under the lock.</summary>
    private ImmutableList<Listener> ListenersOf(Type type) => _kinds.GetValueOrDefault(type)?.Listeners ?? [];

    /// <summary>
    /// Hands the event to the components listening for it, each on its own as on the bus (one that fails stops none of
    /// the others); what they change renders in one batch once they are all done.
    /// </summary>
    private async Task DeliverAsync(Type type, object e)
    {
        ImmutableList<Listener> listeners;
        lock (_lock)
            listeners = ListenersOf(type);
        if (listeners.IsEmpty)
            return;
        var rendering = renders?.Hold();
        var handling =
            listeners.Count == 1 ? RunAsync(listeners[0], e) : Task.WhenAll(listeners.Select(l => RunAsync(l, e)));
        // A component that reads the database holds the others back a moment at most: then they render, and it
        // renders on its own when done.
        if (rendering is not null && !handling.IsCompleted)
            await Task.WhenAny(handling, Task.Delay(MaxHold, clock ?? TimeProvider.System));
        rendering?.Dispose();
        await handling;
    }

    private async Task RunAsync(Listener listener, object e)
    {
        try
        {
            if (listener.Active)
                await listener.Handle(e);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "An event handler for {Event} failed", e.GetType().Name);
        }
    }

    private void Remove(Listener listener)
    {
        lock (_lock)
        {
            if (!_kinds.TryGetValue(listener.Type, out var kind))
                return;
            kind.Listeners = kind.Listeners.Remove(listener);
            if (!kind.Listeners.IsEmpty)
                return;
            kind.FromBus.Dispose(); // no component of the tab listens for this kind any more
            _kinds.Remove(listener.Type);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var kind in _kinds.Values)
                kind.FromBus.Dispose();
            _kinds.Clear();
            _held.Clear();
        }
    }

    /// <summary>One kind of event the tab listens for: its one subscription on the bus, and its components.</summary>
    private sealed class Kind(IDisposable fromBus)
    {
        public IDisposable FromBus { get; } = fromBus;
        public ImmutableList<Listener> Listeners { get; set; } = [];
    }

    /// <summary>A component's subscription; disposed with it, after which nothing reaches it.</summary>
    private sealed class Listener(LiveEvents owner, Type type, Func<object, Task> handle) : IDisposable
    {
        private volatile bool _disposed;
        public Type Type => type;
        public Func<object, Task> Handle => handle;
        public bool Active => !_disposed;

        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            owner.Remove(this);
        }
    }

    private sealed class NotListening : IDisposable
    {
        public static readonly NotListening Instance = new();

        public void Dispose() { }
    }
}
