using Enoe.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Database;

/// <summary>
/// Brings the database to the current schema at start-up and, when asked, seeds the demo académie. Several instances
/// starting at once take turns (<see cref="HoldInitializationLockAsync"/>): the first migrates and seeds, the next
/// ones find nothing left to do.
/// </summary>
public sealed partial class DatabaseInitializer(
    IDbContextFactory<EnoeDbContext> dbFactory,
    DemoSeeder demoSeeder,
    ILogger<DatabaseInitializer> logger
)
{
    public async Task InitializeAsync(bool seedDemo, CancellationToken ct = default)
    {
        await using var held = await HoldInitializationLockAsync(ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
            // WAL lets readers go on while one writer writes; the setting is stored in the database file.
            if (db.Provider == DatabaseProvider.Sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        // Under the lock, so the "is it empty?" check and the seeding are one step for all instances.
        if (seedDemo && await demoSeeder.SeedIfEmptyAsync(ct))
            logger.LogInformation(
                "Demo académie seeded; every demo account's password is {Password}",
                DemoSeeder.Password
            );
    }
}
