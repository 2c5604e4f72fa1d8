namespace Enoe.Data.Database;

/// <summary>The database ENOE runs on: an embedded SQLite file by default, PostgreSQL for an académie.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>The <c>Enoe:Database</c> configuration section.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Required for PostgreSQL (<c>Host=…;Database=…;Username=…;Password=…</c>). For SQLite, empty means
    /// <c>enoe.db</c> in the data folder.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether each instance migrates the database (and seeds the demo when asked) as it starts. False for a
    /// deployment that runs <c>--migrate</c> as a step of its own before starting the instances.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;
}
