using Enoe.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Database;

/// <summary>Brings the database to the current schema at start-up and, when asked, seeds the demo académie.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<EnoeDbContext> dbFactory,
    DemoSeeder demoSeeder,
    ILogger<DatabaseInitializer> logger
)
{
    public async Task InitializeAsync(bool seedDemo, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            // WAL lets readers go on while one writer writes; the setting is stored in the database file.
            if (db.Provider == DatabaseProvider.Sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        if (seedDemo && await demoSeeder.SeedIfEmptyAsync(ct))
            logger.LogInformation(
                "Demo académie seeded; every demo account's password is {Password}",
                DemoSeeder.Password
            );
    }
}
