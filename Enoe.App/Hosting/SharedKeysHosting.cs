using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Enoe.App.Hosting;

/// <summary>
/// The Data Protection key ring that signs the sign-in cookie and antiforgery tokens. One application name on every
/// instance, and with Redis one ring for all of them: a cookie issued by one instance is accepted by the next the
/// proxy sends the browser to. Without Redis (one instance) the ring stays in the data directory, across restarts.
/// </summary>
public static class SharedKeysHosting
{
    public const string ApplicationName = "ENOE";

    public static IServiceCollection AddEnoeDataProtection(
        this IServiceCollection services,
        IConfiguration configuration,
        string dataDirectory
    )
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (!configuration.UsesRedis())
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
            return services;
        }
        // The multiplexer is a singleton built on first use: the repository asks for it then, not at registration.
        RedisKey key = configuration.RedisPrefix() + "dataprotection-keys";
        services
            .AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer>(
                (options, redis) => options.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), key)
            );
        return services;
    }
}
