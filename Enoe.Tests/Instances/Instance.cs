using Enoe.App.Hosting;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Enoe.Tests.Instances;

/// <summary>
/// ENOE instances as several run behind a proxy: one Redis (under a prefix of the test's own), one database.
/// </summary>
public static class Instance
{
    /// <summary>An instance on Redis at <paramref name="redis"/>, its keys under <paramref name="prefix"/>.</summary>
    public static EnoeAppFactory OnRedis(string redis, string prefix, EnoeAppFactory? app = null)
    {
        app ??= new EnoeAppFactory();
        app.Settings["Enoe:Redis"] = redis;
        app.Settings[RedisKeys.PrefixKey] = prefix;
        return app;
    }

    /// <summary>
    /// A second instance on the first one's SQLite database (started first, so the demo is seeded once), with a
    /// data directory (files, key folder) of its own.
    /// </summary>
    public static EnoeAppFactory Beside(EnoeAppFactory first)
    {
        _ = first.Services; // started: migrated and seeded
        var second = new EnoeAppFactory();
        second.Settings["Enoe:Database:ConnectionString"] =
            $"Data Source={Path.Combine(first.DataDirectory, "enoe.db")}";
        return second;
    }

    /// <summary>Completes when the instance's connection to Redis drops (the server was stopped).</summary>
    public static Task ConnectionLostAsync(this EnoeAppFactory app)
    {
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var redis = app.Services.GetRequiredService<IConnectionMultiplexer>();
        redis.ConnectionFailed += (_, _) => lost.TrySetResult();
        if (!redis.IsConnected)
            lost.TrySetResult();
        return lost.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a failure, not a test run that never ends
    }
}
