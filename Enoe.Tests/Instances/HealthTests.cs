using System.Net;
using System.Text.Json;
using Enoe.App.Hosting;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Enoe.Tests.Instances;

/// <summary>
/// <c>/health</c> says what answers (database, Redis), <c>/health/ready</c> whether the proxy may send new sessions.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task WithoutRedis_TheDatabaseIsChecked_AndNothingElse()
    {
        await using var app = new EnoeAppFactory();

        var (status, checks) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy" }, checks);
    }

    [Fact]
    public async Task WithRedis_RedisIsCheckedToo()
    {
        await using var app = Instance.OnRedis(await RedisServer.ConfigurationAsync(), RedisServer.NewPrefix());

        var (status, checks) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy", ["redis"] = "Healthy" }, checks);
    }

    [Fact]
    public async Task RedisStopped_Is503_AndSaysRedis()
    {
        using var redis = await RedisServer.StartOwnAsync();
        await using var app = Instance.OnRedis(redis.Configuration, RedisServer.NewPrefix());
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(app)).Status);

        var lost = app.ConnectionLostAsync();
        redis.Stop();
        await lost;
        var (status, checks) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy", ["redis"] = "Unhealthy" }, checks);
    }

    [Fact]
    public async Task Ready_Turns503_OnceTheInstanceIsStopping_WhichServesOnForTheDrain()
    {
        await using var app = new EnoeAppFactory();
        app.Settings[HealthHosting.DrainSecondsKey] = "2";
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var (stopping, stopped) = (Signal(lifetime.ApplicationStopping), Signal(lifetime.ApplicationStopped));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        lifetime.StopApplication(); // as SIGTERM does: Program's app.Run() returns once the host has stopped
        await stopping;
        var ready = await client.GetAsync("/health/ready");
        var health = await client.GetAsync("/health");
        await stopped;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("stopping", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode); // still serving what it has
        // The drain's timer counts on a millisecond tick, not this stopwatch's clock: it may end a hair before 2 s
        // by the stopwatch (1.99991 s seen under load). Stopping at once would take a few milliseconds.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.95), $"stopped after {clock.Elapsed}");
    }

    [Fact]
    public async Task Ready_IsUnhealthy_WhileMigrationsArePending()
    {
        var folder = Directory.CreateTempSubdirectory("enoe-ready-").FullName;
        try
        {
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddEnoeData(folder, new DatabaseSettings())
                .BuildServiceProvider();
            var dbs = services.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
            var ready = new ReadinessCheck(new Running(), dbs);

            var before = await ready.CheckHealthAsync(new HealthCheckContext());
            await using (var db = await dbs.CreateDbContextAsync())
                await db.Database.MigrateAsync();
            var after = await ready.CheckHealthAsync(new HealthCheckContext());

            Assert.Equal((HealthStatus.Unhealthy, "migrations pending"), (before.Status, before.Description));
            Assert.Equal(HealthStatus.Healthy, after.Status);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> HealthAsync(
        EnoeAppFactory app
    )
    {
        var response = await app.NewClient().GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json
            .RootElement.GetProperty("checks")
            .EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }

    private static Task Signal(CancellationToken token)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(fired.SetResult);
        return fired.Task;
    }

    private sealed class Running : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() { }
    }
}
