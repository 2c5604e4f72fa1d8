using Enoe.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Instances;

/// <summary><c>--migrate</c>: the deployment step that migrates (and seeds) and exits without serving.</summary>
public sealed class MigrateCommandTests
{
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
