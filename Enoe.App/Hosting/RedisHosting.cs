using Enoe.Data.Events;
using StackExchange.Redis;

namespace Enoe.App.Hosting;

/// <summary>
/// The one Redis connection of an instance, registered only when <c>Enoe:Redis</c> is set: whatever must be shared
/// between instances (live events, keys, sign-in limits, the cache's second level) asks for
/// <see cref="IConnectionMultiplexer"/> and falls back to the process when there is none.
/// </summary>
public static class RedisHosting
{
    public static bool UsesRedis(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{EnoeOptions.Section}:{nameof(EnoeOptions.Redis)}"]);

    public static WebApplicationBuilder AddEnoeRedis(this WebApplicationBuilder builder)
    {
        if (!builder.Configuration.UsesRedis())
            return builder;
        var options = ConfigurationOptions.Parse(
            builder.Configuration[$"{EnoeOptions.Section}:{nameof(EnoeOptions.Redis)}"]!
        );
        // An instance starts while Redis restarts: it connects in the background and retries rather than failing.
        options.AbortOnConnectFail = false;
        options.ClientName = $"enoe-{Environment.MachineName}-{Environment.ProcessId}";
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        var prefix = builder.Configuration.RedisPrefix();
        builder.Services.Configure<RedisEventBusOptions>(o => o.Prefix = prefix);
        // After the data layer's default: the cache's keys under this deployment's prefix too.
        builder.Services.PostConfigure<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>(o =>
            o.InstanceName = prefix + "cache:"
        );
        return builder;
    }
}
