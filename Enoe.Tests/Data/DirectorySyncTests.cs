using Enoe.Data.Directory;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Enoe.Tests.Support.SmallDirectory;

namespace Enoe.Tests.Data;

/// <summary>A first sync of the sample directory, then an unchanged second one.</summary>
public sealed class DirectorySyncTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AFirstSync_CreatesExactlyWhatTheDirectoryHolds_AndRejectsEachBadEntryWithItsReason()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();

        var report = await h.RunAsync();

        Assert.True(report.Completed);
        var e = report.Entries;
        Assert.Equal(
            (17, 9, 0, 1, 0, 7, 0),
            (e.Read, e.Created, e.Updated, e.Unchanged, e.Disabled, e.Rejected, e.Gone)
        );
        var tallies = report.Schools.ToDictionary(
            s => s.Uai ?? "none",
            s => (s.Read, s.Created, s.Unchanged, s.Rejected)
        );
        Assert.Equal((12, 7, 1, 4), tallies[UaiA]);
        Assert.Equal((5, 3, 0, 2), tallies[UaiB]);
        Assert.Equal((1, 0, 0, 1), tallies["none"]);
        Assert.All(report.Schools, s => Assert.True(s.AddsUp, s.Uai));
        Assert.Equal(42, report.RowsWritten);

        var reasons = report.Changes.Where(c => c.Kind == DirectoryChangeKind.Rejected).Select(c => c.Detail).ToList();
        Assert.Equal(9, reasons.Count);
        foreach (
            var expected in new[]
            {
                "Pas de jointure",
                "Profil inconnu : « National_9 »",
                $"Classe inconnue : « {DnA}$9Z »",
                "Établissement inconnu : « 0999999Z »",
                $"Identifiant « {LocalLogin} » déjà utilisé",
                "Date de suppression illisible : « 2026-08-31 »",
                "Jointure s1 déjà lue",
                "niveau inconnu « BTS1 »",
                "Établissement sans UAI valable",
            }
        )
            Assert.Contains(reasons, r => r.Contains(expected));

        await using var db = h.Database.NewContext();
        Assert.Equal(2, await db.Schools.CountAsync());
        Assert.Equal(
            ["3A", "6A", "6B", "2A", "TA"],
            await db.Classes.OrderBy(c => c.SchoolId).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync()
        );
        Assert.Equal("Allemand LV2|LV2ALL", await db.Groups.Select(g => g.Name + "|" + g.Code).SingleAsync());
        Assert.Equal(9, await db.Users.CountAsync(p => p.DirectoryKey != null));
        Assert.Equal(10, await db.Memberships.CountAsync());
        Assert.Equal(3, await db.Enrolments.CountAsync());
        Assert.Equal(1, await db.GroupEnrolments.CountAsync());
        Assert.Equal(4, await db.TeachingAssignments.CountAsync());
        Assert.Equal(1, await db.Set<FormTutor>().CountAsync());
        Assert.Equal(3, await db.Subjects.CountAsync());
        var guardians = await db
            .Guardianships.Select(g => g.Parent!.DirectoryKey + ">" + g.Student!.DirectoryKey)
            .OrderBy(x => x)
            .ToListAsync();
        Assert.Equal(["p1>s1", "p2>s2"], guardians);
    }

    [Fact]
    public async Task Accounts_ComeWithoutPassword_WithFreshStamps_NormalizedNames_AndTheirProfiles()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();

        var s1 = await h.PersonAsync("s1");
        Assert.Equal(
            ("prenom.s1", "PRENOM.S1", "S1@AC-TEST.FR"),
            (s1.UserName, s1.NormalizedUserName, s1.NormalizedEmail)
        );
        Assert.Null(s1.PasswordHash);
        Assert.False(string.IsNullOrEmpty(s1.SecurityStamp) || string.IsNullOrEmpty(s1.ConcurrencyStamp));
        Assert.NotEqual(s1.SecurityStamp, (await h.PersonAsync("s2")).SecurityStamp);
        var d1 = (await h.PersonAsync("d1")).Memberships.Single();
        Assert.Equal((Profile.Staff | Profile.SchoolAdmin, "Principal"), (d1.Profiles, d1.Function));
        Assert.Equal(Profile.Staff, (await h.PersonAsync("n7")).Memberships.Single().Profiles);
        Assert.False((await h.PersonAsync("n7")).IsAcademyAdmin);
        // Someone the directory already schedules for deletion gets no account.
        await using var db = h.Database.NewContext();
        Assert.False(await db.Users.AnyAsync(p => p.DirectoryKey == "x1"));
    }

    [Fact]
    public async Task ATeacherInTwoEtablissements_KeepsBothMemberships_AndTeachesInEach()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        await h.RunAsync();

        await using var db = h.Database.NewContext();
        var t1 = await h.IdOfAsync("t1");
        var schools = await db
            .Memberships.Where(m => m.PersonId == t1)
            .Select(m => m.School!.Uai)
            .OrderBy(u => u)
            .ToListAsync();
        Assert.Equal([UaiA, UaiB], schools);
        var taught = await db
            .TeachingAssignments.Where(t => t.TeacherId == t1)
            .Select(t =>
                t.Subject!.School!.Uai + " " + t.Subject.Code + " " + (t.SchoolClass!.Name ?? t.TeachingGroup!.Name)
            )
            .OrderBy(x => x)
            .ToListAsync();
        Assert.Equal([$"{UaiA} ALL Allemand LV2", $"{UaiA} MATHS 6A", $"{UaiA} MATHS 6B", $"{UaiB} MATHS 2A"], taught);
        Assert.Equal(
            "6A",
            await db.Set<FormTutor>().Where(f => f.TeacherId == t1).Select(f => f.SchoolClass!.Name).SingleAsync()
        );
    }

    [Fact]
    public async Task ASecondRunWithNoChange_WritesNoRow_AndReportsEveryoneUnchanged()
    {
        var commands = new CommandCounter();
        await using var h = await DirectorySyncHarness.CreateAsync(s => s.AddSingleton<IInterceptor>(commands));
        commands.Reset();
        var first = await h.RunAsync();
        var firstCommands = commands.Count;
        var before = await h.SnapshotAsync();
        commands.Reset();

        var second = await h.RunAsync();

        output.WriteLine(
            $"first: {first.RowsWritten} rows, {firstCommands} commands; "
                + $"second: {second.RowsWritten} rows, {commands.Count} commands"
        );
        Assert.Equal(0, second.RowsWritten);
        var e = second.Entries;
        Assert.Equal(
            (17, 0, 0, 10, 0, 7, 0),
            (e.Read, e.Created, e.Updated, e.Unchanged, e.Disabled, e.Rejected, e.Gone)
        );
        Assert.All(second.Changes, c => Assert.Equal(DirectoryChangeKind.Rejected, c.Kind));
        Assert.All(second.Schools, s => Assert.True(s.AddsUp, s.Uai));
        // Only the stored report differs.
        Assert.Equal(before.Replace("DirectorySyncRuns: 1", "DirectorySyncRuns: 2"), await h.SnapshotAsync());
        // Five pages of four: a handful of set-based reads each, never one per person.
        Assert.True(commands.Count <= 45, commands.Log);
    }
}
