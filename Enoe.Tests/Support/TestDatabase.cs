using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Support;

/// <summary>
/// A real database of its own, initialized like the app does, with the data services wired as in production
/// and a fake clock: a SQLite file in a temporary folder, or, when the run sets <c>ENOE_TEST_DATABASE=PostgreSQL</c>
/// (test.sh's second pass over the data tests), a database on the run's <see cref="PostgreSqlServer"/>. It starts
/// as a copy of a template migrated (and seeded) once per test run (<see cref="DatabaseTemplates"/>); tests about
/// migrating ask for one migrated from scratch.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The database every test of this run uses.</summary>
    public static DatabaseProvider Provider { get; } =
        Environment.GetEnvironmentVariable("ENOE_TEST_DATABASE") is "PostgreSQL"
            ? DatabaseProvider.PostgreSQL
            : DatabaseProvider.Sqlite;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "enoe-tests", Guid.NewGuid().ToString("N"));

    /// <summary>On PostgreSQL, this test's database (a name made of the folder's).</summary>
    public string DatabaseName => "enoe_" + Path.GetFileName(Directory);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; }
    private readonly string? _connectionString;

    /// <param name="postgreSql">The run's PostgreSQL server, when this run uses it.</param>
    private TestDatabase(Action<IServiceCollection>? configure, string? postgreSql)
    {
        _connectionString = postgreSql is null
            ? null
            : new Npgsql.NpgsqlConnectionStringBuilder(postgreSql) { Database = DatabaseName }.ToString();
        Services = NewInstance(configure);
    }

    /// <summary>
    /// The data services of another app instance over this same database: a cache and an event bus of its own
    /// unless <paramref name="configure"/> shares them. The caller disposes it.
    /// </summary>
    public ServiceProvider NewInstance(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddEnoeData(
            Directory,
            _connectionString is null
                ? null
                : new DatabaseSettings { Provider = DatabaseProvider.PostgreSQL, ConnectionString = _connectionString }
        );
        configure?.Invoke(services);
        services.TryAddSingleton<Enoe.Data.Dashboards.IWidgetRules, TestWidgetRules>();
        return services.BuildServiceProvider();
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
        var postgreSql =
            Provider == DatabaseProvider.PostgreSQL ? await PostgreSqlServer.ConnectionStringAsync() : null;
        var database = new TestDatabase(configure, postgreSql);
        if (fromTemplate)
            await DatabaseTemplates.CopyToAsync(database, seedDemo);
        else if (postgreSql is not null)
            await PostgreSqlServer.ExecuteAsync($"CREATE DATABASE {database.DatabaseName}");
        // Run anyway, as the app does at start-up: on a copy it migrates nothing, seeds nothing and sets WAL.
        await database.Get<DatabaseInitializer>().InitializeAsync(seedDemo);
        return database;
    }

    /// <summary>The app's command-line settings that point an instance (its entry point) at this database.</summary>
    public string[] AppArguments() =>
        _connectionString is null
            ? [$"--Enoe:DataDirectory={Directory}"]
            :
            [
                $"--Enoe:DataDirectory={Directory}",
                "--Enoe:Database:Provider=PostgreSQL",
                $"--Enoe:Database:ConnectionString={_connectionString}",
            ];

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public EnoeDbContext NewContext() => Get<IDbContextFactory<EnoeDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_connectionString is null)
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        else
        {
            Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(_connectionString));
            await PostgreSqlServer.ExecuteAsync($"DROP DATABASE {DatabaseName} WITH (FORCE)");
        }
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
