using Enoe.Data;
using Enoe.Data.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Enoe.Tests.Support;

/// <summary>
/// What a migration does to rows already there: a SQLite database of its own migrated up to one step, given rows
/// written as the schema was then, migrated to the end, then read by a fresh context.
/// </summary>
public static class SqliteMigration
{
    /// <param name="step">The last migration applied before <paramref name="rows"/> are written.</param>
    /// <param name="rows">SQL run then (foreign keys off: rows may leave out what they point to).</param>
    /// <param name="check">Reads the migrated database.</param>
    public static async Task RowsThroughAsync(string step, string rows, Func<EnoeDbContext, Task> check)
    {
        var directory = Path.Combine(Path.GetTempPath(), "enoe-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<EnoeDbContext>()
            .UseSqlite($"Data Source={Path.Combine(directory, "enoe.db")};Foreign Keys=False")
            .Options;
        try
        {
            await using (var db = new SqliteEnoeDbContext(options))
            {
                // One connection for every step, its foreign keys off: a pooled connection cleared by another test
                // (ClearAllPools) would come back with them on.
                await db.Database.OpenConnectionAsync();
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync(step);
                await db.Database.ExecuteSqlRawAsync(rows);
                await migrator.MigrateAsync();
            }
            await using (var db = new SqliteEnoeDbContext(options))
                await check(db);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
