using Enoe.Data.Events;

namespace Enoe.Tests.Support;

/// <summary>The events of one type published while a test listens (until disposed), in the order they came.</summary>
public sealed class Heard<TEvent> : IDisposable
    where TEvent : notnull
{
    private readonly List<TEvent> _events = [];
    private readonly IDisposable _subscription;

    public Heard(IEventBus events) =>
        _subscription = events.Subscribe<TEvent>(e =>
        {
            lock (_events)
                _events.Add(e);
            return Task.CompletedTask;
        });

    public IReadOnlyList<TEvent> Events
    {
        get
        {
            lock (_events)
                return [.. _events];
        }
    }

    /// <summary>Forgets what was heard so far.</summary>
    public void Clear()
    {
        lock (_events)
            _events.Clear();
    }

    public void Dispose() => _subscription.Dispose();
}
