using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.SchoolLife;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Enoe.Tests.Data.SchoolLife;

/// <summary>
/// The fixed motives (an enum stored by number) became each établissement's list: an absence justified before keeps
/// its motive, now a row of its établissement's list; an établissement without any gets no list until it needs one.
/// (PostgreSQL runs the same statements each time its pass builds its database: their syntax is checked there.)
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class AbsenceMotivesMigrationTests
{
    [Fact]
    public async Task AnAbsenceJustifiedBefore_KeepsItsMotive_FromItsEtablissementsList()
    {
        var directory = Path.Combine(Path.GetTempPath(), "enoe-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<EnoeDbContext>()
            .UseSqlite($"Data Source={Path.Combine(directory, "enoe.db")}")
            .Options;
        try
        {
            await using (var db = new SqliteEnoeDbContext(options))
            {
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync("20261203084709_NotificationsMailAndQuietHours");
                // Only the absences and their établissements matter here: people and lessons left out, keys off.
                await db.Database.ExecuteSqlRawAsync(
                    """
                    PRAGMA foreign_keys = OFF;
                    INSERT INTO Schools (Id, AcademyId, ExternalAccess, HomeworkWarningThreshold, Kind, MemoRules,
                        Name, Network, Slug, Uai, PrimaryColor)
                    VALUES (1, 1, 0, 3, 0, 0, 'Collège A', 0, 'a', '0000001A', '#1565c0'),
                           (2, 1, 0, 3, 0, 0, 'Collège B', 0, 'b', '0000002B', '#1565c0');
                    INSERT INTO Absence (Id, SchoolId, StudentId, Kind, Date, StartsAt, EndsAt, RecordedById,
                        RecordedAt, Justification, Reason, Version)
                    VALUES (1, 1, 5, 0, '2026-11-20', '08:00:00', '09:00:00', 2, '2026-11-20 08:05:00', 2, 2, 1),
                           (2, 1, 6, 0, '2026-11-20', '08:00:00', '09:00:00', 2, '2026-11-20 08:05:00', 0, NULL, 0);
                    """
                );
                await migrator.MigrateAsync();
            }
            await using (var db = new SqliteEnoeDbContext(options))
            {
                var justified = await db.Set<Absence>().Include(a => a.Motive).SingleAsync(a => a.Id == 1);
                Assert.Equal(
                    ("Rendez-vous médical", 1, true),
                    (justified.Motive!.Name, justified.Motive.SchoolId, justified.Motive.Admissible)
                );
                Assert.Null((await db.Set<Absence>().SingleAsync(a => a.Id == 2)).MotiveId);
                var lists = await db.Set<AbsenceMotive>()
                    .GroupBy(m => m.SchoolId)
                    .Select(g => new { g.Key, N = g.Count() })
                    .ToListAsync();
                Assert.Equal([(1, 7)], lists.Select(l => (l.Key, l.N)));
                Assert.False((await db.Set<AbsenceMotive>().SingleAsync(m => m.Position == 7)).Admissible);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
