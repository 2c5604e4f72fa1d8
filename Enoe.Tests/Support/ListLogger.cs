using Microsoft.Extensions.Logging;

namespace Enoe.Tests.Support;

/// <summary>
/// Keeps what is logged with the scopes around it, and lets a test await the first message that contains some text.
/// Registered as <see cref="ILogger{T}"/> it keeps that category's entries and the scopes begun on it; added as a
/// provider (<c>logging.AddProvider(log)</c>, with filters choosing the categories) it keeps every category's and
/// shares the host's scopes, those other loggers began too. A test host's whole log (EnoeAppFactory's, at Warning and
/// above) is one too: an end-to-end journey that fails shows what the server said meanwhile.
/// </summary>
public sealed class ListLogger<T> : ILogger<T>, ILoggerProvider, ISupportExternalScope
{
    private readonly List<LogEntry> _entries = [];
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaited = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
                return [.. _entries];
        }
    }

    public IReadOnlyList<string> Messages => [.. Entries.Select(e => e.Message)];

    /// <summary>The entries logged after the first <paramref name="mark"/> (an earlier count), a line each.</summary>
    public string Since(int mark) => string.Join("\n", Entries.Skip(mark));

    /// <summary>Completes once a message containing <paramref name="text"/> was logged (before or after).</summary>
    public Task LoggedAsync(string text)
    {
        lock (_entries)
        {
            if (_entries.Any(e => e.Message.Contains(text)))
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
    ) => Add(typeof(T).FullName!, logLevel, state, exception, formatter);

    private void Add<TState>(
        string category,
        LogLevel level,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        var scopes = new List<object?>();
        _scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
        var message = formatter(state, exception);
        lock (_entries)
        {
            _entries.Add(new LogEntry(message, scopes, level, category, exception, DateTime.UtcNow));
            foreach (var (text, seen) in _awaited.Where(a => message.Contains(a.Text)))
                seen.TrySetResult();
        }
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _scopes.Push(state);

    ILogger ILoggerProvider.CreateLogger(string categoryName) => new Category(this, categoryName);

    void ISupportExternalScope.SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    void IDisposable.Dispose() { }

    /// <summary>One category's logger, as a provider hands it out: its entries say where they come from.</summary>
    private sealed class Category(ListLogger<T> log, string name) : ILogger
    {
        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        ) => log.Add(name, logLevel, state, exception, formatter);

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log.BeginScope(state);
    }
}

/// <summary>A message as logged, with the states of the scopes around it (outermost first).</summary>
public sealed record LogEntry(
    string Message,
    IReadOnlyList<object?> Scopes,
    LogLevel Level,
    string Category,
    Exception? Exception,
    DateTime At
)
{
    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Level} {Category}: {Message}" + (Exception is null ? "" : "\n" + Exception);

    /// <summary>What the innermost scope naming <paramref name="key"/> gave it (structured scopes), or null.</summary>
    public object? ScopeValue(string key) =>
        Scopes
            .OfType<IEnumerable<KeyValuePair<string, object?>>>()
            .SelectMany(properties => properties)
            .LastOrDefault(p => p.Key == key)
            .Value;
}
