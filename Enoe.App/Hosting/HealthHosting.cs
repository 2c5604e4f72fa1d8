using Enoe.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Enoe.App.Hosting;

/// <summary>
/// <c>/health</c>: whether what this instance needs answers (the database, Redis when configured), as JSON, 200 or
/// 503. <c>/health/ready</c>, for the proxy: 503 while migrations are pending and from the moment the instance starts
/// stopping; <c>Enoe:Health:DrainSeconds</c> then keeps it serving that long, so the proxy stops sending new sessions
/// before the instance goes.
/// </summary>
public static class HealthHosting
{
    public const string DrainSecondsKey = "Enoe:Health:DrainSeconds";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddEnoeHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services
            .AddHealthChecks()
            .AddDbContextCheck<EnoeDbContext>("database")
            .AddCheck<ReadinessCheck>("ready", tags: [ReadyTag]);
        if (configuration.UsesRedis())
            checks.AddCheck<RedisHealthCheck>("redis");
        services.AddSingleton<ReadinessCheck>();
        services.AddHostedService<ShutdownDrain>();
        return services;
    }

    public static void MapEnoeHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", Report(check => !check.Tags.Contains(ReadyTag))).AllowAnonymous();
        app.MapHealthChecks("/health/ready", Report(check => check.Tags.Contains(ReadyTag))).AllowAnonymous();
    }

    private static HealthCheckOptions Report(Func<HealthCheckRegistration, bool> which) =>
        new()
        {
            Predicate = which,
            // Only what each check says of itself: an exception's message could name a host or a connection string.
            ResponseWriter = (http, report) =>
                http.Response.WriteAsJsonAsync(
                    new
                    {
                        status = report.Status.ToString(),
                        checks = report.Entries.Select(e => new
                        {
                            name = e.Key,
                            status = e.Value.Status.ToString(),
                            description = e.Value.Description,
                            milliseconds = (int)e.Value.Duration.TotalMilliseconds,
                        }),
                    }
                ),
        };
}

/// <summary>Redis answers a PING through the instance's own connection.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!redis.IsConnected) // a PING would wait in the backlog for the reconnection
            return HealthCheckResult.Unhealthy("redis: not connected");
        try
        {
            var took = await redis.GetDatabase().PingAsync().WaitAsync(Patience, ct);
            return HealthCheckResult.Healthy($"redis: PING answered in {took.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("redis: no answer to PING");
        }
    }
}

/// <summary>
/// Ready for new sessions: the schema is the app's (no pending migration) and the instance is not stopping.
/// </summary>
public sealed class ReadinessCheck(IHostApplicationLifetime lifetime, IDbContextFactory<EnoeDbContext> dbs)
    : IHealthCheck
{
    private volatile bool _migrated; // migrations never become pending again in a running instance: asked until done

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return HealthCheckResult.Unhealthy("stopping");
        if (!_migrated)
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            _migrated = !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        return _migrated ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("migrations pending");
    }
}

/// <summary>
/// Once the instance is told to stop, <c>/health/ready</c> says 503 at once; this waits the configured drain before the
/// server stops, so the proxy sees it and sends new sessions elsewhere. Cut short by the host's shutdown timeout.
/// </summary>
public sealed class ShutdownDrain(IConfiguration configuration) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken ct)
    {
        var drain = TimeSpan.FromSeconds(configuration.GetValue(HealthHosting.DrainSecondsKey, 0.0));
        if (drain <= TimeSpan.Zero)
            return;
        try
        {
            await Task.Delay(drain, ct);
        }
        catch (OperationCanceledException) { } // the shutdown timeout: stop now
    }

    public Task StartingAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
