namespace Enoe.Data.Events;

/// <summary>
/// Small events that say what changed (ids, never entities): subscribers reload through their
/// service, with the reader's rights applied. Each service declares its events in its folder
/// (<c>Memos/MemoEvents.cs</c>) and lists them in <see cref="EventTypes"/>. Delivery is asynchronous: publishing
/// only queues the event, each subscriber runs on its own (<see cref="InProcessEventBus"/>), and with Redis the
/// other instances' subscribers receive it too (<see cref="RedisEventBus"/>). What must be true on this instance
/// as soon as the publisher's call returns (a cache forgotten) is done by the publisher itself, not by a subscriber.
/// </summary>
public interface IEventBus
{
    /// <summary>Queues the event for this instance's subscribers (and the other instances'); never runs them.</summary>
    Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : notnull;

    /// <summary>
    /// Dispose the result to stop listening (components do it in Dispose). The handler runs on the thread pool with
    /// the culture of the caller of Subscribe, possibly beside another call of itself for a later event.
    /// </summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
        where TEvent : notnull;

    /// <summary>
    /// Completes once this instance has no event queued and no handler running: tests await it before looking at a
    /// live effect, and shutdown before stopping.
    /// </summary>
    Task WhenIdleAsync();
}
