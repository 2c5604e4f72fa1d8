using Enoe.Data.Database;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class DatabaseTests
{
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Initialize_CreatesSqliteFileInDataDirectory_InWalMode()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.True(File.Exists(Path.Combine(database.Directory, "enoe.db")));
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheDatabaseOfThisRun_IsTheOneTheRunAsksFor()
    {
        // test.sh's second pass sets ENOE_TEST_DATABASE=PostgreSQL: each data test must then really run there.
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        Assert.Equal(TestDatabase.Provider, db.Provider);
        Assert.Equal(
            TestDatabase.Provider == DatabaseProvider.PostgreSQL
                ? "Npgsql.EntityFrameworkCore.PostgreSQL"
                : "Microsoft.EntityFrameworkCore.Sqlite",
            db.Database.ProviderName
        );
    }

    [Fact]
    public async Task CheckedInMigrations_MatchTheModel()
    {
        await using var database = await TestDatabase.CreateAsync(fromTemplate: false);
        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed without a migration: run scripts/add-migration.sh."
        );
    }

    [Fact]
    public void CheckedInPostgreSqlMigrations_MatchTheModel()
    {
        // Needs no server: the model is compared with the last migration's snapshot.
        var options = new DbContextOptionsBuilder<Enoe.Data.EnoeDbContext>();
        PostgreSqlEnoeDbContext.Configure(options, "Host=127.0.0.1;Database=none");
        using var db = new PostgreSqlEnoeDbContext(options.Options);
        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: run scripts/add-migration.sh."
        );
    }

    [Fact]
    [Trait("Database", "SqliteOnly")] // a step of the SQLite history (PostgreSQL starts after it)
    public async Task ServiceFlags_BecomeClosedServices_WhenMigrated()
    {
        // An établissement of the first wave, with mémos (8) and bookings (16) switched off in the old flags.
        await SqliteMigration.RowsThroughAsync(
            "20261130073039_ChildViewSchoolContactsWidgetTray",
            """
            INSERT INTO Academies (Id, Name) VALUES (1, 'Académie');
            INSERT INTO Schools (Id, AcademyId, Uai, Name, Slug, Kind, PrimaryColor, ExternalAccess, Services,
                HomeworkWarningThreshold, MemoRules)
            VALUES (1, 1, '0250001A', 'Collège', 'college', 0, '#000000', 1, 487, 3, 0),
                (2, 1, '0250002B', 'Lycée', 'lycee', 1, '#000000', 1, 511, 3, 0);
            """,
            async db =>
            {
                var closed = await db.Set<Enoe.Data.Schools.ClosedService>()
                    .OrderBy(c => c.ServiceKey)
                    .Select(c => $"{c.SchoolId}:{c.ServiceKey}")
                    .ToListAsync();
                Assert.Equal(["1:bookings", "1:memos"], closed);
            }
        );
    }

    [Fact]
    public async Task AListOfIdsInAQuery_GoesAsOneParameter_HoweverLong()
    {
        // 70,000 ids: one parameter each (EF 10's default) would pass SQLite's limit (32,766) and PostgreSQL's
        // (65,535); an académie's list of accounts is longer.
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var ids = Enumerable.Range(1, 70_000).Select(i => i + f.StudentA.Id - 35_000).ToList();
        await using var db = database.NewContext();
        var query = db.Users.Where(p => ids.Contains(p.Id));

        using (var command = query.CreateDbCommand())
            Assert.Single(command.Parameters);
        Assert.True(await query.AnyAsync(p => p.Id == f.StudentA.Id));
    }

    [Fact]
    public async Task Initialize_Twice_KeepsDataAndDoesNotSeedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true, fromTemplate: false);
        int people;
        await using (var db = database.NewContext())
            people = await db.Users.CountAsync();
        await database.Get<DatabaseInitializer>().InitializeAsync(seedDemo: true);
        await using (var db = database.NewContext())
            Assert.Equal(people, await db.Users.CountAsync());
    }

    [Fact]
    public async Task TeachingAssignment_WithBothClassAndGroup_IsRefusedByTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        await using var db = database.NewContext();
        var subject = new Enoe.Data.Structure.Subject
        {
            SchoolId = f.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        var group = new Enoe.Data.Structure.TeachingGroup { SchoolId = f.A.Id, Name = "LV2" };
        db.AddRange(subject, group);
        db.TeachingAssignments.Add(
            new()
            {
                TeacherId = f.TeacherA.Id,
                Subject = subject,
                SchoolClassId = f.ClassA.Id,
                TeachingGroup = group,
            }
        );
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
