using Enoe.Data.SchoolLife;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

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
    public async Task OldAbsencesKeepTheirMotive_ADoubleReportItsJustifiedRow_AnnouncedNewsStayAnnounced()
    {
        await SqliteMigration.RowsThroughAsync(
            "20261203084709_NotificationsMailAndQuietHours",
            // Only the absences and their établissements matter here: people and lessons left out, keys off.
            """
            PRAGMA foreign_keys = OFF;
            INSERT INTO Schools (Id, AcademyId, ExternalAccess, HomeworkWarningThreshold, Kind, MemoRules,
                Name, Network, Slug, Uai, PrimaryColor)
            VALUES (1, 1, 0, 3, 0, 0, 'Collège A', 0, 'a', '0000001A', '#1565c0'),
                   (2, 1, 0, 3, 0, 0, 'Collège B', 0, 'b', '0000002B', '#1565c0');
            INSERT INTO Absence (Id, SchoolId, StudentId, Kind, Date, StartsAt, EndsAt, RecordedById,
                RecordedAt, Justification, Reason, Version)
            VALUES (1, 1, 5, 0, '2026-11-20', '08:00:00', '09:00:00', 2, '2026-11-20 08:05:00', 2, 2, 1),
                   (2, 1, 6, 0, '2026-11-20', '08:00:00', '09:00:00', 2, '2026-11-20 08:05:00', 0, NULL, 0),
                   (3, 1, 7, 0, '2026-11-20', '08:00:00', '12:30:00', 2, '2026-11-20 08:05:00', 0, NULL, 0),
                   (4, 1, 7, 0, '2026-11-20', '08:00:00', '12:30:00', 2, '2026-11-20 08:05:01', 1, 1, 1);
            INSERT INTO Articles (Id, SchoolId, Kind, Title, Slug, BodyMarkdown, Status, PublishAt, CreatedAt,
                UpdatedAt, Version)
            VALUES (1, 1, 0, 'Rentrée', 'rentree', 'Texte', 1, '2026-11-19 08:00:00', '2026-11-19 08:00:00',
                    '2026-11-19 08:00:00', 1),
                   (2, 1, 0, 'Brouillon', 'brouillon', 'Texte', 0, '2026-11-19 08:00:00', '2026-11-19 08:00:00',
                    '2026-11-19 08:00:00', 1);
            INSERT INTO Notifications (RecipientId, SchoolId, Kind, Title, Link, Source, CreatedAt, VisibleAt)
            VALUES (5, 1, 9, 'Rentrée', '/actualites', 'article:1', '2026-11-19 08:00:01',
                    '2026-11-19 08:00:01');
            """,
            async db =>
            {
                var justified = await db.Set<Absence>().Include(a => a.Motive).SingleAsync(a => a.Id == 1);
                Assert.Equal(
                    ("Rendez-vous médical", 1, true),
                    (justified.Motive!.Name, justified.Motive.SchoolId, justified.Motive.Admissible)
                );
                Assert.Null((await db.Set<Absence>().SingleAsync(a => a.Id == 2)).MotiveId);
                // The same half-day reported twice (a double click before the index): the justified one stays.
                var kept = await db.Set<Absence>().Where(a => a.StudentId == 7).Select(a => a.Id).ToListAsync();
                Assert.Equal([4], kept);
                // An article announced before the claim existed is not announced again; the draft may be.
                var notified = await db.Set<Enoe.Data.PublicSite.Article>()
                    .OrderBy(a => a.Id)
                    .Select(a => a.NotifiedAt)
                    .ToListAsync();
                Assert.Equal([new DateTime(2026, 11, 19, 8, 0, 1), null], notified);
                var lists = await db.Set<AbsenceMotive>()
                    .GroupBy(m => m.SchoolId)
                    .Select(g => new { g.Key, N = g.Count() })
                    .ToListAsync();
                Assert.Equal([(1, 7)], lists.Select(l => (l.Key, l.N)));
                Assert.Equal(
                    "Maladie",
                    (await db.Set<Absence>().Include(a => a.Motive).SingleAsync(a => a.Id == 4)).Motive!.Name
                );
                Assert.False((await db.Set<AbsenceMotive>().SingleAsync(m => m.Position == 7)).Admissible);
            }
        );
    }
}
