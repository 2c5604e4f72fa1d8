using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Support;

/// <summary>
/// A real SQLite file in its own temporary folder, initialized like the app does, with the data
/// services wired as in production and a fake clock. The file starts as a copy of a template migrated
/// (and seeded) once per test run (<see cref="DatabaseTemplates"/>); tests about migrating ask for one
/// migrated from scratch.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "enoe-tests", Guid.NewGuid().ToString("N"));
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; }

    private TestDatabase(Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddEnoeData(Directory);
        configure?.Invoke(services);
        services.TryAddSingleton<Enoe.Data.Dashboards.IWidgetRules, TestWidgetRules>();
        Services = services.BuildServiceProvider();
    }

    /// <param name="configure">More services, e.g. the real widget catalogue instead of
    /// <see cref="TestWidgetRules"/>.</param>
    /// <param name="fromTemplate">False: an empty file that the migrations (and the demo seeder) fill, for tests about
    /// them.</param>
    public static async Task<TestDatabase> CreateAsync(
        bool seedDemo = false,
        Action<IServiceCollection>? configure = null,
        bool fromTemplate = true
    )
    {
        var database = new TestDatabase(configure);
        if (fromTemplate)
            await DatabaseTemplates.CopyToAsync(database.Directory, seedDemo);
        // Run anyway, as the app does at start-up: on a copy it migrates nothing, seeds nothing and sets WAL.
        await database.Get<DatabaseInitializer>().InitializeAsync(seedDemo);
        return database;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public EnoeDbContext NewContext() => Get<IDbContextFactory<EnoeDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException) { }
    }
}

/// <summary>One seeded demo académie shared by a test class (seeding takes a few seconds).</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = default!;

    public Task InitializeAsync() => CreateAsync();

    private async Task CreateAsync() => Database = await TestDatabase.CreateAsync(seedDemo: true);

    public Task DisposeAsync() => Database.DisposeAsync().AsTask();
}
