using Enoe.Data.Database;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class DatabaseTests
{
    [Fact]
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
    public async Task CheckedInMigrations_MatchTheModel()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Initialize_Twice_KeepsDataAndDoesNotSeedAgain()
    {
        await using var database = await TestDatabase.CreateAsync(seedDemo: true);
        int people;
        await using (var db = database.NewContext()) people = await db.Users.CountAsync();
        await database.Get<DatabaseInitializer>().InitializeAsync(seedDemo: true);
        await using (var db = database.NewContext()) Assert.Equal(people, await db.Users.CountAsync());
    }

    [Fact]
    public async Task TeachingAssignment_WithBothClassAndGroup_IsRefusedByTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        await using var db = database.NewContext();
        var subject = new Enoe.Data.Structure.Subject { SchoolId = f.A.Id, Code = "MATHS", Name = "Mathématiques" };
        var group = new Enoe.Data.Structure.TeachingGroup { SchoolId = f.A.Id, Name = "LV2" };
        db.AddRange(subject, group);
        db.TeachingAssignments.Add(new() { TeacherId = f.TeacherA.Id, Subject = subject, SchoolClassId = f.ClassA.Id, TeachingGroup = group });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
