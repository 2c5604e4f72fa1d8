using Microsoft.Extensions.Logging;

namespace Enoe.Tests.Support;

/// <summary>
/// What a test host logs at Warning and above (its default level), exceptions included: an end-to-end journey that
/// fails shows what the server said meanwhile (a circuit that threw, a handler that failed) next to the page.
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly List<string> _lines = [];

    /// <summary>How many lines were logged so far: a mark to read from with <see cref="Since"/>.</summary>
    public int Count
    {
        get
        {
            lock (_lines)
                return _lines.Count;
        }
    }

    public string Since(int mark)
    {
        lock (_lines)
            return string.Join("\n", _lines.Skip(mark));
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (!IsEnabled(logLevel))
                return;
            var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}";
            if (exception is not null)
                line += "\n" + exception;
            lock (log._lines)
                log._lines.Add(line);
        }
    }
}
