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
}
