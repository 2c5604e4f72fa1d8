using System.Security.Cryptography;
using System.Text;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// The demo is a function of the clock: the same day gives the same data, another day a month of its own.
/// </summary>
public sealed class DemoSeedingClockTests
{
    [Fact]
    [Trait("Database", "SqliteOnly")] // reads the SQLite file row by row
    public async Task SeedingTwice_WithTheSameClock_GivesTheSameRowsAndFiles()
    {
        // Seeded here, and copied from the tests' seeded template (another seeding): also proves the copy keeps every
        // row and file.
        await using var first = await TestDatabase.CreateAsync(seedDemo: true, fromTemplate: false);
        await using var second = await TestDatabase.CreateAsync(seedDemo: true);
        var (a, rows) = Fingerprint(first);
        var (b, _) = Fingerprint(second);
        Assert.True(rows > 15_000, $"{rows} rows");
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task SeededJustAfterTheChristmasHolidays_TheMonthSkipsThemAndStaysAlive()
    {
        await using var database = await TestDatabase.CreateAsync();
        // A Wednesday, back at school since Monday
        database.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 6, 15, 0, 0, TimeSpan.Zero));
        await database.Get<Enoe.Data.Demo.DemoSeeder>().SeedIfEmptyAsync();

        await using var db = database.NewContext();
        var days = await db.LogbookEntries.Select(e => e.SessionDate).Distinct().ToListAsync();
        Assert.DoesNotContain(days, d => d >= new DateOnly(2026, 12, 19) && d <= new DateOnly(2027, 1, 3));
        Assert.Contains(days, d => d.Month == 12);
        Assert.Contains(days, d => d == new DateOnly(2027, 1, 4));
        Assert.Equal(new DateOnly(2027, 1, 6), days.Max());

        var lucas = await db.Users.SingleAsync(u => u.UserName == "lucas.martin");
        var school = await db.Memberships.Where(m => m.PersonId == lucas.Id).Select(m => m.SchoolId).SingleAsync();
        var user = new CurrentUser(lucas.Id, lucas.DisplayName, school, Profile.Student);
        var report = (await database.Get<GradeService>().ReportAsync(user)).Value!;
        Assert.Equal("Trimestre 2", report.Term!.Name); // December's marks already count in the new term
        Assert.NotEmpty(report.Subjects);
        Assert.NotEmpty(
            await database.Get<LogbookService>().ListAsync(user, new(2027, 1, 7), new(2027, 1, 15), byDueDate: true)
        );
    }

    /// <summary>
    /// A hash of every row of every table (in insertion order) and of every stored file, leaving out what must stay
    /// random: password hashes and security stamps.
    /// </summary>
    private static (string Hash, int Rows) Fingerprint(TestDatabase database)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\u001f"));
        var rows = 0;
        using (
            var connection = new SqliteConnection(
                $"Data Source={Path.Combine(database.Directory, "enoe.db")};Mode=ReadOnly"
            )
        )
        {
            connection.Open();
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText =
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
                using var reader = list.ExecuteReader();
                while (reader.Read())
                    tables.Add(reader.GetString(0));
            }
            foreach (var table in tables)
            {
                Add(table);
                using var select = connection.CreateCommand();
                select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    rows++;
                    for (var i = 0; i < reader.FieldCount; i++)
                        if (!RandomByDesign(table, reader.GetName(i)))
                            Add(
                                reader.GetName(i)
                                    + "="
                                    + Convert.ToString(
                                        reader.GetValue(i),
                                        System.Globalization.CultureInfo.InvariantCulture
                                    )
                            );
                }
            }
        }
        var root = Path.Combine(database.Directory, "files");
        foreach (
            var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        )
        {
            Add(Path.GetRelativePath(root, file));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return (Convert.ToHexString(hash.GetHashAndReset()), rows);
    }

    /// <summary>
    /// Columns random on purpose: salted hashes and stamps (Identity's, the OpenID Connect client's secret), and
    /// OpenIddict's GUID keys and concurrency tokens.
    /// </summary>
    private static bool RandomByDesign(string table, string column) =>
        column is "PasswordHash" or "SecurityStamp" or "ConcurrencyStamp"
        || (
            table.StartsWith("OpenIddict", StringComparison.Ordinal)
            && column is "Id" or "ClientSecret" or "ConcurrencyToken"
        );
}
