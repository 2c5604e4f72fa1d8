namespace Enoe.App.Hosting;

/// <summary>The <c>Enoe</c> configuration section (environment: <c>Enoe__DataDirectory</c> and so on).</summary>
public sealed class EnoeOptions
{
    public const string Section = "Enoe";

    /// <summary>
    /// Where uploaded files, data-protection keys and the SQLite database (unless another is configured) live. Relative
    /// paths start at the app's content root.
    /// </summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>
    /// The database: <c>Enoe:Database:Provider</c> = <c>Sqlite</c> (default, a file in the data directory) or
    /// <c>PostgreSQL</c>, with <c>Enoe:Database:ConnectionString</c>.
    /// </summary>
    public Enoe.Data.Database.DatabaseSettings Database { get; set; } = new();

    /// <summary>
    /// Redis (a StackExchange.Redis configuration string, e.g. <c>10.0.0.5:6379,password=…</c>) when several instances
    /// run behind a proxy: live events, data-protection keys, sign-in limits and the cache's second level go through
    /// it, under <c>Enoe:RedisPrefix</c> (<see cref="RedisKeys"/>). Unset (one instance): all of these stay in the
    /// process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>Seed the demo académie into an empty database. Defaults to true in Development only.</summary>
    public bool? SeedDemo { get; set; }

    /// <summary>Sign-in attempts allowed per minute for one user name from one address.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Host names that serve an établissement's public site at their root: host → slug.</summary>
    public Dictionary<string, string> PublicSiteHosts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
