using Enoe.Data.Database;
using Enoe.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enoe.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>The database (a SQLite file in <paramref name="dataDirectory"/>) and the services over it.</summary>
    public static IServiceCollection AddEnoeData(
        this IServiceCollection services,
        string dataDirectory,
        Action<Storage.StorageOptions>? storage = null
    )
    {
        Directory.CreateDirectory(dataDirectory);
        var connectionString = $"Data Source={Path.Combine(dataDirectory, "enoe.db")}";
        // Interceptors registered in DI (the tests' command counter, diagnostics) join every context.
        services.AddDbContextFactory<EnoeDbContext>(
            (sp, o) => o.UseSqlite(connectionString).AddInterceptors(sp.GetServices<IInterceptor>())
        );
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<DatabaseInitializer>();
        services.AddTransient<DemoSeeder>(); // holds one run's state
        services.TryAddSingleton<Events.IEventBus, Events.InProcessEventBus>();
        services
            .AddOptions<Storage.StorageOptions>()
            .Configure(o =>
            {
                storage?.Invoke(o);
                if (string.IsNullOrEmpty(o.Root))
                    o.Root = Path.Combine(dataDirectory, "files");
            });
        services.AddSingleton<Storage.FileStore>();
        // Each part of ENOE registers its own services from its folder (Modules/DataModule.cs).
        Modules.DataModules.AddAll(services);
        return services;
    }
}
