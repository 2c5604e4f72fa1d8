using System.Collections.Concurrent;
using Enoe.App.Hosting;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Enoe.Tests.Instances;

/// <summary>
/// What is logged during a request carries the client's real address, as the trusted proxies gave it.
/// </summary>
public sealed class ClientAddressLogTests
{
    /// <summary>Logged by ASP.NET Core inside the pipeline, on every request that reaches an endpoint.</summary>
    private const string EndpointCategory = "Microsoft.AspNetCore.Routing.EndpointMiddleware";

    [Theory]
    [InlineData(SasAppFactory.Proxy, SasAppFactory.Outside, SasAppFactory.Outside)]
    [InlineData(SasAppFactory.Outside, SasAppFactory.Inside, SasAppFactory.Outside)] // written by the client: ignored
    public async Task ALogWrittenDuringARequest_CarriesTheClientAddress(string peer, string forwardedFor, string client)
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new LoggedApp(logs);

        await app.NewClient().GetFromAsync("/health", peer, forwardedFor);

        var endpointLogs = logs.Entries.Where(e => e.Category == EndpointCategory).ToList();
        Assert.NotEmpty(endpointLogs);
        Assert.All(endpointLogs, e => Assert.Equal(client, e.Scopes[MonitoringHosting.ClientAddressScope]));
    }

    private sealed class LoggedApp(CapturingLoggerProvider logs) : SasAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l =>
                l.AddProvider(logs).AddFilter<CapturingLoggerProvider>(EndpointCategory, LogLevel.Information)
            );
        }
    }

    public sealed record Entry(string Category, string Message, Dictionary<string, object?> Scopes);

    /// <summary>Keeps every entry with the properties of the scopes around it.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            )
            {
                var scopes = new Dictionary<string, object?>();
                provider._scopes.ForEachScope(
                    (scope, found) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> properties)
                            foreach (var (key, value) in properties)
                                found[key] = value;
                    },
                    scopes
                );
                provider.Entries.Enqueue(new Entry(category, formatter(state, exception), scopes));
            }
        }
    }
}
