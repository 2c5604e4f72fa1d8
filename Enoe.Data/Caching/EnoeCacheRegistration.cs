using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Enoe.Data.Caching;

public static class EnoeCacheRegistration
{
    /// <summary>Where the cache's keys live in Redis, apart from the other shared state.</summary>
    public const string RedisPrefix = "enoe:cache:";

    /// <summary>
    /// The cache, in memory; with Redis as second level when the instance has a Redis connection registered before
    /// (the app's <c>AddEnoeRedis</c>), so that one instance's reads fill it for the others.
    /// </summary>
    public static IServiceCollection AddEnoeCache(this IServiceCollection services)
    {
        services.AddHybridCache();
        services.TryAddSingleton<EnoeCache>();
        if (services.Any(d => d.ServiceType == typeof(IConnectionMultiplexer)))
            services.AddEnoeCacheSecondLevel();
        return services;
    }

    /// <summary>Redis as the cache's second level, over the instance's one connection.</summary>
    public static IServiceCollection AddEnoeCacheSecondLevel(this IServiceCollection services, string? prefix = null)
    {
        services.AddStackExchangeRedisCache(_ => { });
        services
            .AddOptions<RedisCacheOptions>()
            .Configure<IConnectionMultiplexer>(
                (o, redis) =>
                {
                    o.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
                    o.InstanceName = prefix ?? RedisPrefix;
                }
            );
        return services;
    }
}
