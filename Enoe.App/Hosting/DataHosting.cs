using Enoe.Data;
using Enoe.Data.Database;
using Microsoft.Extensions.Options;

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
        builder.Services.AddHostedService<Notifications.HeldReleaseService>();
        builder.Services.AddHostedService<Notifications.AssignmentReminderService>();
        builder.Services.AddHostedService<Memos.UndeliveredMemoSweep>();
        // Sign-in cookies and antiforgery tokens stay valid across restarts and, with Redis, across instances.
        builder.Services.AddEnoeDataProtection(builder.Configuration, dataDirectory);
        return builder;
    }

    /// <summary>The command-line argument that migrates (and seeds, with <c>--seed-demo</c>), then exits.</summary>
    public const string MigrateArgument = "--migrate";

    /// <summary>
    /// Migrates the database before the first request; seeds the demo when asked, or in Development. Skipped when
    /// <c>Enoe:Database:MigrateOnStart</c> is false, unless <paramref name="migrate"/> (the <c>--migrate</c> step).
    /// Instances starting together take turns: one migrates and seeds, the others wait and find it done.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, bool seedDemo, bool migrate = false)
    {
        var options = app.Services.GetRequiredService<IOptions<EnoeOptions>>().Value;
        if (!migrate && !options.Database.MigrateOnStart)
        {
            app.Logger.LogInformation("Enoe:Database:MigrateOnStart is false: the database is migrated elsewhere");
            return;
        }
        var configured = app.Configuration.GetValue<bool?>($"{EnoeOptions.Section}:{nameof(EnoeOptions.SeedDemo)}");
        var seed = seedDemo || (configured ?? app.Environment.IsDevelopment());
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seed);
    }
}
