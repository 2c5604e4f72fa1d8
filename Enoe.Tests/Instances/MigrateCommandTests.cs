using System.Net;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Instances;

/// <summary>
/// <c>--migrate</c>: the deployment step that migrates (and seeds) and exits without serving; the instances it serves
/// then start with <c>Enoe:Database:MigrateOnStart=false</c>.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task MigrateOnStartFalse_TheInstanceServesANewDatabaseUnmigrated_NotReadyUntilTheStepRan()
    {
        await using var app = new EnoeAppFactory(); // Development, SeedDemo: still nothing, the step does it
        app.Settings["Enoe:Database:MigrateOnStart"] = "false";
        var client = app.NewClient();

        var before = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("migrations pending", await before.Content.ReadAsStringAsync());
        var dbs = app.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
        await using (var db = await dbs.CreateDbContextAsync())
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        // The deployment's step (what --migrate runs) migrates it while the instance runs: the proxy may send sessions.
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        // The OpenID Connect provider, first asked for its options before the database was there, ran on stand-in
        // keys; it now publishes the database's.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var jwks = "";
        while (!jwks.Replace(" ", "").Contains("\"kid\":\"1-") && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(250);
            jwks = await client.GetStringAsync("/.well-known/jwks");
        }
        Assert.Contains("\"kid\":\"1-", jwks.Replace(" ", "")); // generation 1, made in the database
    }

    [Fact]
    public async Task Migrate_ExitsZero_AndLeavesAMigratedSeededDatabase()
    {
        var directory = Path.Combine(Path.GetTempPath(), "enoe-tests", "migrate-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The app's own entry point, as `Enoe.App --migrate --seed-demo` runs it; it returns instead of serving.
            string[] args =
            [
                "--migrate",
                "--seed-demo",
                $"--Enoe:DataDirectory={directory}",
                "--Enoe:Directory:Schedule=",
                "--Logging:LogLevel:Default=Warning",
            ];
            var exit = await Task.Run(() => typeof(Program).Assembly.EntryPoint!.Invoke(null, [args]));

            Assert.Equal(0, exit);
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddEnoeData(directory)
                .BuildServiceProvider();
            await using var db = services.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(1, await db.Academies.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException) { }
        }
    }
}
