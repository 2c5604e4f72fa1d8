using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Instances;

/// <summary>
/// Instances starting together on one fresh database take turns: the schema is migrated and the demo seeded once,
/// and every instance starts.
/// </summary>
public sealed class MigrationLockTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(
        Path.GetTempPath(),
        "enoe-tests",
        "lock-" + Guid.NewGuid().ToString("N")
    );
    private string DatabaseName => "enoe_" + Path.GetFileName(_directory).Replace('-', '_');
    private bool _onPostgreSql;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task TwoInstancesStartingAtOnce_MigrateAndSeedOnce(DatabaseProvider provider)
    {
        var settings = await SettingsAsync(provider);
        await using var a = Instance(settings);
        await using var b = Instance(settings);

        await Race.AtOnceAsync(
            2,
            async i =>
            {
                await (i == 0 ? a : b).GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: true);
                return true;
            }
        );

        await using var db = a.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
        Assert.Equal(1, await db.Academies.CountAsync()); // seeded by one instance, found seeded by the other
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "admin.academie"));
    }

    private async Task<DatabaseSettings> SettingsAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
            return new DatabaseSettings();
        _onPostgreSql = true;
        // No CREATE DATABASE: creating it is part of what the instances race for.
        var server = await PostgreSqlServer.ConnectionStringAsync();
        return new DatabaseSettings
        {
            Provider = DatabaseProvider.PostgreSQL,
            ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ToString(),
        };
    }

    /// <summary>One instance's data services, over the shared folder and database.</summary>
    private ServiceProvider Instance(DatabaseSettings settings) =>
        new ServiceCollection().AddLogging().AddEnoeData(_directory, settings).BuildServiceProvider();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_onPostgreSql)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgreSqlServer.ExecuteAsync($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException) { }
    }
}
