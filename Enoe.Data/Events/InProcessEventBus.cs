using System.Collections.Immutable;
using System.Globalization;
using System.Threading.Channels;
using Enoe.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Events;

/// <summary>
/// This instance's subscribers (open circuits, caches). Publishing only queues the event: a memo to 2,000 people
/// returns without waiting for 2,000 tabs to reload. One dispatcher loop hands each (event, subscriber) pair to its
/// own work item, so a slow or failing circuit delays no other and never the publisher.
/// </summary>
/// <remarks>
/// Bounded twice: at most <see cref="QueueCapacity"/> events queued, and at most <see cref="MaxRunningHandlers"/>
/// handlers running. Past the second the dispatcher waits for a handler to end; past the first the publisher waits
/// for room. Either only happens under overload (or thousands of stuck handlers, which the log shows), and then
/// slows the publishers down rather than losing events or memory.
/// </remarks>
public sealed class InProcessEventBus : IEventBus, IDisposable, IAsyncDisposable
{
    public const int QueueCapacity = 4096;
    public const int MaxRunningHandlers = 4096;

    /// <summary>A handler still running after this long is logged (once): a stuck circuit, a lock.</summary>
    public static readonly TimeSpan SlowHandler = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(5);

    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Channel<Queued> _queue;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _dispatcher;

    // A set, not a list: a closing tab leaves in O(log n). Taking one subscriber out of a list of 2,000 walked the
    // whole list's tree (and again when two tabs closed at once): 2.5 % of the instance's CPU during mémos to 2,000
    // tabs, in a profile. Handlers run in parallel: the order they started in promised nothing.
    private ImmutableDictionary<Type, ImmutableHashSet<Subscriber>> _subscribers = ImmutableDictionary<
        Type,
        ImmutableHashSet<Subscriber>
    >.Empty;

    /// <summary>Events queued or being handed out, plus handlers running: idle at 0.</summary>
    private int _pending;
    private readonly Lock _idleLock = new();
    private TaskCompletionSource _idle = new();

    public InProcessEventBus(ILogger<InProcessEventBus> logger, TimeProvider? clock = null)
        : this(logger, clock ?? TimeProvider.System, QueueCapacity, MaxRunningHandlers) { }

    internal InProcessEventBus(ILogger logger, TimeProvider clock, int queueCapacity, int maxRunningHandlers)
    {
        (_logger, _clock) = (logger, clock);
        _queue = Channel.CreateBounded<Queued>(
            new BoundedChannelOptions(queueCapacity)
            {
                FullMode = BoundedChannelFullMode.Wait, // the publisher waits for room: overload only
                SingleReader = true,
            }
        );
        _slots = new SemaphoreSlim(maxRunningHandlers, maxRunningHandlers);
        // The loop and the handlers it starts must not carry the AsyncLocals (request, activity) of whoever
        // happened to create the bus.
        using (ExecutionContext.SuppressFlow())
            _dispatcher = Task.Run(DispatchAsync);
    }

    public Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : notnull
    {
        EnoeMetrics.EventsPublished.Add(1, EventTag(typeof(TEvent)));
        return DeliverAsync(typeof(TEvent), @event);
    }

    /// <summary>
    /// Queues an event for this instance's subscribers of <paramref name="type"/> without counting it as published
    /// here: <see cref="RedisEventBus"/> hands over what other instances published.
    /// </summary>
    internal Task DeliverAsync(Type type, object @event)
    {
        // Those subscribed now receive it, unless they unsubscribe before their turn.
        if (!Volatile.Read(ref _subscribers).TryGetValue(type, out var subscribers) || subscribers.IsEmpty)
            return Task.CompletedTask;
        var queued = new Queued(EventTag(type), @event, subscribers);
        Begin();
        return _queue.Writer.TryWrite(queued) ? Task.CompletedTask : WaitForRoomAsync(queued);
    }

    private async Task WaitForRoomAsync(Queued queued)
    {
        try
        {
            await _queue.Writer.WriteAsync(queued, _stopping.Token);
        }
        catch (Exception e) when (e is ChannelClosedException or OperationCanceledException)
        {
            End(); // the instance is stopping: nobody is left to tell
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
        where TEvent : notnull
    {
        // Components render French or English texts: their handlers run in the culture of their circuit.
        var subscriber = new Subscriber(
            this,
            typeof(TEvent),
            e => handler((TEvent)e),
            CultureContexts.For(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture)
        );
        ImmutableInterlocked.AddOrUpdate(
            ref _subscribers,
            typeof(TEvent),
            _ => [subscriber],
            (_, list) => list.Add(subscriber)
        );
        return subscriber;
    }

    public Task WhenIdleAsync()
    {
        lock (_idleLock)
            return _pending == 0 || _stopping.IsCancellationRequested ? Task.CompletedTask : _idle.Task;
    }

    private async Task DispatchAsync()
    {
        try
        {
            await foreach (var queued in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                foreach (var subscriber in queued.Subscribers)
                {
                    if (!subscriber.Active)
                        continue;
                    await _slots.WaitAsync(_stopping.Token);
                    Begin();
                    // Started in a context that holds the subscriber's cultures and nothing else: its handler runs in
                    // them, and none is set (and allocated) per tab and event.
                    ExecutionContext.Run(subscriber.Context, Start, (this, subscriber, queued));
                }
                End();
            }
        }
        catch (OperationCanceledException) { } // stopping
    }

    private static readonly ContextCallback Start = static state =>
    {
        var (bus, subscriber, queued) = ((InProcessEventBus, Subscriber, Queued))state!;
        _ = Task.Run(() => bus.RunAsync(subscriber, queued));
    };

    private async Task RunAsync(Subscriber subscriber, Queued queued)
    {
        try
        {
            if (!subscriber.Active) // unsubscribed while waiting for its turn: its circuit is gone
                return;
            EnoeMetrics.EventsDelivered.Add(1, queued.Tag);
            var handling = subscriber.Handle(queued.Event);
            if (!handling.IsCompleted)
                await WatchAsync(handling, queued);
            await handling;
        }
        catch (Exception ex)
        {
            // One subscriber's failure (a closed circuit, a bug) never stops the others or the publisher.
            _logger.LogWarning(ex, "An event handler for {Event} failed", queued.Tag.Value);
        }
        finally
        {
            _slots.Release();
            End();
        }
    }

    /// <summary>Waits for a handler that did not finish at once, saying so once if it takes too long.</summary>
    private async Task WatchAsync(Task handling, Queued queued)
    {
        try
        {
            await handling.WaitAsync(SlowHandler, _clock);
        }
        catch (TimeoutException) when (!handling.IsCompleted)
        {
            _logger.LogWarning(
                "An event handler for {Event} is still running after {Seconds} s",
                queued.Tag.Value,
                SlowHandler.TotalSeconds
            );
        }
    }

    private void Begin()
    {
        lock (_idleLock)
            if (_pending++ == 0)
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private void End()
    {
        TaskCompletionSource? idle = null;
        lock (_idleLock)
            if (_pending > 0 && --_pending == 0)
                idle = _idle;
        idle?.TrySetResult();
    }

    private static KeyValuePair<string, object?> EventTag(Type type) => new("event", type.Name);

    private void Unsubscribe(Subscriber subscriber) =>
        ImmutableInterlocked.AddOrUpdate(
            ref _subscribers,
            subscriber.EventType,
            _ => [],
            (_, list) => list.Remove(subscriber)
        );

    /// <summary>Stops the dispatcher (the host is stopping): queued events are dropped, running handlers end.</summary>
    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
            return;
        _queue.Writer.TryComplete();
        _stopping.Cancel();
        lock (_idleLock)
            _pending = 0;
        _idle.TrySetResult();
    }

    /// <summary>
    /// The host stopping: what was published just before is delivered first, for a few seconds at most (a stuck
    /// handler does not hold the shutdown).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
            return;
        try
        {
            await WhenIdleAsync().WaitAsync(DrainOnStop);
        }
        catch (TimeoutException) { }
        Dispose();
        await _dispatcher;
    }

    private sealed record Queued(
        KeyValuePair<string, object?> Tag,
        object Event,
        ImmutableHashSet<Subscriber> Subscribers
    );

    private sealed class Subscriber(
        InProcessEventBus bus,
        Type eventType,
        Func<object, Task> handle,
        ExecutionContext context
    ) : IDisposable
    {
        private int _disposed;

        public Type EventType => eventType;
        public Func<object, Task> Handle => handle;
        public ExecutionContext Context => context;
        public bool Active => Volatile.Read(ref _disposed) == 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                bus.Unsubscribe(this);
        }
    }
}
