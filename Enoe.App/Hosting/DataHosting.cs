using Enoe.Data;
using Enoe.Data.Database;

namespace Enoe.App.Hosting;

public static class DataHosting
{
    public static WebApplicationBuilder AddEnoeData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(EnoeOptions.Section).Get<EnoeOptions>() ?? new();
        builder.Services.Configure<EnoeOptions>(builder.Configuration.GetSection(EnoeOptions.Section));
        var dataDirectory = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        builder.Services.AddEnoeData(dataDirectory, options.Database);
        builder.Services.Configure<Enoe.Data.Storage.StorageOptions>(
            builder.Configuration.GetSection(Enoe.Data.Storage.StorageOptions.Section)
        );
        builder.Services.AddHostedService<Files.FileSweepService>();
        // Sign-in cookies and antiforgery tokens stay valid across restarts and, with Redis, across instances.
        builder.Services.AddEnoeDataProtection(builder.Configuration, dataDirectory);
        return builder;
    }

    /// <summary>Migrates the database before the first request; seeds the demo when asked, or in Development.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, bool seedDemo)
    {
        var configured = app.Configuration.GetValue<bool?>($"{EnoeOptions.Section}:{nameof(EnoeOptions.SeedDemo)}");
        var seed = seedDemo || (configured ?? app.Environment.IsDevelopment());
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seed);
    }
}
