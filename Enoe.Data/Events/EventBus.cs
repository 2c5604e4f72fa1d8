using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Events;

/// <summary>
/// Small events that say what changed (ids, never entities): subscribers reload through their
/// service, with the reader's rights applied. In-process now; several app instances will need a
/// Redis pub/sub implementation of the same interface.
/// </summary>
public interface IEventBus
{
    Task PublishAsync<TEvent>(TEvent @event) where TEvent : notnull;

    /// <summary>Dispose the result to stop listening (components do it in Dispose).</summary>
    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull;
}

/// <summary>The carnet de bord of a class or group changed.</summary>
public sealed record LogbookChanged(int EntryId, int SchoolId, int? SchoolClassId, int? TeachingGroupId);

/// <summary>A devoir was set, or a student's copy of it handed in or returned (<paramref name="StudentId"/>).</summary>
public sealed record AssignmentChanged(int AssignmentId, int? StudentId);

/// <summary>A mémo reached these people (each open circuit looks its own id up, then reloads through the service: a set, since every circuit asks).</summary>
public sealed record MemoSent(int MemoId, IReadOnlySet<int> RecipientIds);

/// <summary>A person read or moved mémos: their unread count may have changed (their other tabs follow).</summary>
public sealed record MemoRead(int PersonId);

/// <summary>
/// A booking of a resource was made, cancelled or decided; <paramref name="BookingId"/> is 0 when a whole
/// series was booked or decided at once. <paramref name="PersonId"/> is the booking's author.
/// </summary>
public sealed record BookingChanged(int BookingId, int ResourceId, int SchoolId, int PersonId);

/// <summary>Marks of an assessment changed or were published: open reports and widgets reload.</summary>
public sealed record GradesChanged(int AssessmentId, int SchoolId);

public sealed class InProcessEventBus(ILogger<InProcessEventBus> logger) : IEventBus
{
    private ImmutableDictionary<Type, ImmutableList<Delegate>> _handlers = ImmutableDictionary<Type, ImmutableList<Delegate>>.Empty;

    public async Task PublishAsync<TEvent>(TEvent @event) where TEvent : notnull
    {
        if (!Volatile.Read(ref _handlers).TryGetValue(typeof(TEvent), out var handlers)) return;
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

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull
    {
        ImmutableInterlocked.AddOrUpdate(ref _handlers, typeof(TEvent), _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _handlers, typeof(TEvent), _ => [], (_, list) => list.Remove(handler)));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;
        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
