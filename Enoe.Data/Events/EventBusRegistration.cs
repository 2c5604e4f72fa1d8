using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Enoe.Data.Events;

public static class EventBusRegistration
{
    /// <summary>
    /// The event bus: over Redis when the host registered an <see cref="IConnectionMultiplexer"/> (<c>Enoe:Redis</c>
    /// set), in the process otherwise. Chosen when first asked for, so a connection registered after the data
    /// services counts too.
    /// </summary>
    public static IServiceCollection AddEnoeEvents(this IServiceCollection services)
    {
        services.AddOptions<RedisEventBusOptions>();
        services.TryAddSingleton<InProcessEventBus>();
        services.TryAddSingleton<IEventBus>(sp =>
            sp.GetService<IConnectionMultiplexer>() is null
                ? sp.GetRequiredService<InProcessEventBus>()
                : ActivatorUtilities.CreateInstance<RedisEventBus>(sp) // not registered: validation would want Redis
        );
        return services;
    }
}
