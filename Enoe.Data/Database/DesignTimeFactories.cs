using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enoe.Data.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context SqliteEnoeDbContext</c> build the context without starting the app
/// (<c>scripts/add-migration.sh</c> adds each migration for both databases).
/// </summary>
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteEnoeDbContext>
{
    public SqliteEnoeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EnoeDbContext>();
        SqliteEnoeDbContext.Configure(options, "Data Source=design-time.db");
        return new(options.Options);
    }
}

/// <summary>The same for PostgreSQL; adding a migration connects to no server.</summary>
internal sealed class PostgreSqlDesignFactory : IDesignTimeDbContextFactory<PostgreSqlEnoeDbContext>
{
    public PostgreSqlEnoeDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EnoeDbContext>();
        PostgreSqlEnoeDbContext.Configure(options, "Host=127.0.0.1;Database=enoe_design");
        return new(options.Options);
    }
}
