using Enoe.Data.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Enoe.Data.Database;

/// <summary>ENOE on PostgreSQL, for an académie; its migrations are in <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlEnoeDbContext(DbContextOptions options) : EnoeDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    // A list in a query goes as one array parameter (= ANY), as on SQLite (see there).
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        base.ConfigureConventions(builder);
        // ENOE's times are UTC (TimeProvider.GetUtcNow, SchoolTime.ToUtc); SQLite hands them back unmarked.
        // timestamptz only takes times marked UTC, so every time is marked so on its way in.
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent");
        // SQLite adds up booleans as numbers; PostgreSQL counts the columns set with num_nonnulls.
        builder
            .Entity<DocumentSpace>()
            .ToTable(t => t.HasCheckConstraint("CK_DocumentSpace_OneOwner", ExactlyOne("OwnerId")));
        builder
            .Entity<DocumentShare>()
            .ToTable(t => t.HasCheckConstraint("CK_DocumentShare_OneTarget", ExactlyOne("PersonId")));
    }

    private static string ExactlyOne(string person) =>
        $"num_nonnulls(\"{person}\", \"SchoolClassId\", \"TeachingGroupId\") = 1";

    private sealed class UtcConverter()
        : ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc)
        );
}
