using Enoe.Data.Database;
using Microsoft.Data.Sqlite;

namespace Enoe.Tests.Support;

/// <summary>
/// Databases built once per test run and copied into each <see cref="TestDatabase"/>: running the
/// migrations for every test (and seeding the demo for a few classes) took most of a data test's time.
/// A template is the app's own result (initializer, demo seeder at the tests' fixed clock) saved in
/// rollback-journal mode, like a file the migrations just created, so each copy still goes through the
/// app's initializer: it finds nothing to migrate and switches the copy to WAL as production does.
/// </summary>
internal static class DatabaseTemplates
{
    private const string DatabaseFile = "enoe.db";
    private const string FilesFolder = "files";

    private static readonly string Root = Path.Combine(
        Path.GetTempPath(),
        "enoe-tests",
        "templates-" + Guid.NewGuid().ToString("N")
    );

    // Task.Run: built outside the caller's synchronization context (bUnit's renderer, xunit's), whichever test comes
    // first.
    private static readonly Lazy<Task<string>> Migrated = new(() =>
        Task.Run(() => BuildAsync("migrated", seedDemo: false))
    );

    // The demo depends only on the clock and the storage root, both fixed by TestDatabase, so one seeding serves every
    // test.
    private static readonly Lazy<Task<string>> Seeded = new(() => Task.Run(() => BuildAsync("seeded", seedDemo: true)));

    static DatabaseTemplates() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException) { }
        };

    /// <summary>
    /// Gives <paramref name="database"/> a copy of the migrated (or seeded) template, before anything opens it:
    /// the SQLite file and stored files into its folder; on PostgreSQL, a database created from the template one.
    /// </summary>
    public static async Task CopyToAsync(TestDatabase database, bool seedDemo)
    {
        var template = await (seedDemo ? Seeded : Migrated).Value;
        CopyFolder(template, database.Directory);
        if (TestDatabase.Provider == DatabaseProvider.PostgreSQL)
            await PostgreSqlServer.ExecuteAsync(
                $"CREATE DATABASE {database.DatabaseName} TEMPLATE {TemplateName(template)}"
            );
    }

    private static string TemplateName(string folder) => "enoe_template_" + Path.GetFileName(folder);

    private static async Task<string> BuildAsync(string name, bool seedDemo)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        // The seeded template starts from the migrated one: the migrations run once per test run.
        await using var database = await TestDatabase.CreateAsync(fromTemplate: seedDemo);
        if (seedDemo)
            await database.Get<DatabaseInitializer>().InitializeAsync(seedDemo: true);
        if (TestDatabase.Provider == DatabaseProvider.PostgreSQL)
        {
            // A template database may have no connection while it is copied: the built one's pool goes first.
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgreSqlServer.ExecuteAsync(
                $"CREATE DATABASE {TemplateName(folder)} TEMPLATE {database.DatabaseName}"
            );
        }
        else
            Snapshot(Path.Combine(database.Directory, DatabaseFile), Path.Combine(folder, DatabaseFile));
        var files = Path.Combine(database.Directory, FilesFolder);
        if (Directory.Exists(files))
            CopyFolder(files, Path.Combine(folder, FilesFolder));
        return folder;
    }

    /// <summary>
    /// A consistent copy through SQLite's backup (the source's WAL included), left in rollback-journal mode and closed.
    /// </summary>
    private static void Snapshot(string sourceFile, string targetFile)
    {
        using var source = Open(sourceFile);
        using var target = Open(targetFile);
        source.BackupDatabase(target);
        using var command = target.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()
        );
        connection.Open();
        return connection;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
