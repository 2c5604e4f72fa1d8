using Microsoft.Extensions.Logging;

namespace Enoe.Tests.Support;

/// <summary>Keeps what is logged, and lets a test await the first message that contains some text.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> _messages = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
                return [.. _messages];
        }
    }

    /// <summary>Completes once a message containing <paramref name="text"/> was logged (before or after).</summary>
    public Task LoggedAsync(string text)
    {
        lock (_messages)
        {
            if (_messages.Any(m => m.Contains(text)))
                return Task.CompletedTask;
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((text, seen));
            return seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        var message = formatter(state, exception);
        lock (_messages)
        {
            _messages.Add(message);
            foreach (var (text, seen) in _awaited.Where(a => message.Contains(a.Text)))
                seen.TrySetResult();
        }
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;
}
