using Enoe.Data.Caching;
using Enoe.Data.Database;
using Enoe.Data.Demo;
using Enoe.Data.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enoe.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The database (by default a SQLite file in <paramref name="dataDirectory"/>, else what
    /// <paramref name="database"/> names) and the services over it.
    /// </summary>
    public static IServiceCollection AddEnoeData(
        this IServiceCollection services,
        string dataDirectory,
        DatabaseSettings? database = null,
        Action<Storage.StorageOptions>? storage = null
    )
    {
        System.IO.Directory.CreateDirectory(dataDirectory);
        database ??= new();
        var connectionString = database.ConnectionString;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                connectionString = $"Data Source={Path.Combine(dataDirectory, "enoe.db")}";
            AddContextFactory<SqliteEnoeDbContext>(services, o => SqliteEnoeDbContext.Configure(o, connectionString));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Enoe:Database:ConnectionString is required for PostgreSQL.");
            AddContextFactory<PostgreSqlEnoeDbContext>(
                services,
                o => PostgreSqlEnoeDbContext.Configure(o, connectionString)
            );
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<DatabaseInitializer>();
        services.AddTransient<DemoSeeder>(); // holds one run's state
        services.AddEnoeEvents(); // in the process, or over Redis when the host registered a connection
        services.AddEnoeCache(); // in memory, and in Redis when the app registered a connection before
        services
            .AddOptions<Storage.StorageOptions>()
            .Configure(o =>
            {
                storage?.Invoke(o);
                if (string.IsNullOrEmpty(o.Root))
                    o.Root = Path.Combine(dataDirectory, "files");
            });
        services.TryAddSingleton<Storage.IBlobStore, Storage.LocalDirectoryBlobStore>();
        services.AddSingleton<Storage.FileStore>();
        // Each part of ENOE registers its own services from its folder (Modules/DataModule.cs).
        Modules.DataModules.AddAll(services);
        return services;
    }

    private static void AddContextFactory<TContext>(
        IServiceCollection services,
        Action<DbContextOptionsBuilder> provider
    )
        where TContext : EnoeDbContext
    {
        // Interceptors registered in DI (the tests' command counter, diagnostics) join every context. The pool is the
        // container's: disposed with it, its idle contexts with it.
        services.AddPooledDbContextFactory<TContext>(
            (sp, o) =>
            {
                provider(o);
                o.AddInterceptors(sp.GetServices<IInterceptor>());
            }
        );
        services.AddSingleton<IDbContextFactory<EnoeDbContext>, PooledContexts<TContext>>();
        // The context of a request's scope (Identity's and OpenIddict's stores) stays out of the pool: the demo's
        // OpenID client is written through one on another context's connection (SingleSignOnDemo), which must not go
        // back to the pool with it.
        services.AddScoped<EnoeDbContext>(sp =>
            ActivatorUtilities.CreateInstance<TContext>(sp, sp.GetRequiredService<DbContextOptions<TContext>>())
        );
    }
}
