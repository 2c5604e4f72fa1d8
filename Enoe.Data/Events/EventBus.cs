using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Events;

/// <summary>
/// Small events that say what changed (ids, never entities): subscribers reload through their
/// service, with the reader's rights applied. Each service declares its events in its folder
/// (<c>Memos/MemoEvents.cs</c>). In-process now; several app instances will need a
/// Redis pub/sub implementation of the same interface.
/// </summary>
public interface IEventBus
{
    Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : notnull;

    /// <summary>Dispose the result to stop listening (components do it in Dispose).</summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
        where TEvent : notnull;
}

public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private ImmutableDictionary<Type, ImmutableList<Delegate>> _handlers = ImmutableDictionary<
        Type,
        ImmutableList<Delegate>
    >.Empty;

    public async Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : notnull
    {
        if (!Volatile.Read(ref _handlers).TryGetValue(typeof(TEvent), out var handlers))
            return;
        foreach (var handler in handlers.Cast<Func<TEvent, Task>>())
        {
            try
            {
                await handler(@event);
            }
            catch (Exception ex)
            {
                // One subscriber's failure (a closed circuit, a bug) never stops the others or the publisher.
                logger.LogWarning(ex, "An event handler for {Event} failed", typeof(TEvent).Name);
            }
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
        where TEvent : notnull
    {
        ImmutableInterlocked.AddOrUpdate(ref _handlers, typeof(TEvent), _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() =>
            ImmutableInterlocked.AddOrUpdate(ref _handlers, typeof(TEvent), _ => [], (_, list) => list.Remove(handler))
        );
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
