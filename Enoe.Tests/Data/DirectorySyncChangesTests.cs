using Enoe.Data.Directory;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Enoe.Tests.Support.SmallDirectory;

namespace Enoe.Tests.Data;

/// <summary>Each change in the directory is applied exactly, reported once, and nothing else is written.</summary>
public sealed class DirectorySyncChangesTests
{
    /// <summary>Syncs the sample, applies <paramref name="change"/> to the directory, syncs again.</summary>
    private static async Task<(DirectorySyncHarness, DirectorySyncReport, DirectoryChange)> ChangeAsync(
        Action<InMemoryDirectory> change,
        Func<DirectorySyncHarness, Task>? before = null
    )
    {
        var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        if (before is not null)
            await before(h);
        change(h.Directory);
        var report = await h.RunAsync();
        Assert.True(report.Completed);
        Assert.All(report.Schools, s => Assert.True(s.AddsUp, s.Uai));
        var e = report.Entries;
        Assert.Equal((17, 1, 9, 7), (e.Read, e.Updated, e.Unchanged, e.Rejected));
        return (h, report, Assert.Single(report.Changes, c => c.Kind != DirectoryChangeKind.Rejected));
    }

    [Fact]
    public async Task AStudentWhoChangesClass_IsMoved_OneEnrolmentOutOneIn()
    {
        var (h, report, change) = await ChangeAsync(d =>
            d.Change("s1", s => s with { StudentClasses = [$"{DnA}$6B"] })
        );
        await using var _ = h;

        Assert.Equal((DirectoryChangeKind.Moved, UaiA), (change.Kind, change.Uai));
        Assert.Equal("Entre dans : 6B ; Quitte : 6A", change.Detail);
        Assert.Equal(2, report.RowsWritten);
        Assert.Equal(1, report.Schools.Single(s => s.Uai == UaiA).Updated);
        await using var db = h.Database.NewContext();
        var s1 = await h.IdOfAsync("s1");
        Assert.Equal(
            ["6B"],
            await db.Enrolments.Where(e => e.StudentId == s1).Select(e => e.SchoolClass!.Name).ToListAsync()
        );
    }

    [Fact]
    public async Task ANewParentLink_OnTheStudentsSide_IsAdded()
    {
        var (h, report, change) = await ChangeAsync(d => d.Change("s2", s => s with { StudentParents = [Dn("p1")] }));
        await using var _ = h;

        Assert.Equal((DirectoryChangeKind.Updated, "Prénom S2 (prenom.s2)"), (change.Kind, change.Who));
        Assert.Equal("Nouveau responsable légal : Prénom P1 (prenom.p1)", change.Detail);
        Assert.Equal(1, report.RowsWritten);
        Assert.Equal(["p1>s1", "p1>s2", "p2>s2"], await LinksAsync(h));
    }

    [Fact]
    public async Task ANewParentLink_OnTheParentsSide_IsAdded()
    {
        var (h, report, change) = await ChangeAsync(d =>
            d.Change("p2", p => p with { ParentChildren = [Dn("s2"), Dn("s1")] })
        );
        await using var _ = h;

        Assert.Equal("Prénom S1 (prenom.s1)", change.Who);
        Assert.Equal(1, report.RowsWritten);
        Assert.Equal(["p1>s1", "p2>s1", "p2>s2"], await LinksAsync(h));
    }

    [Fact]
    public async Task ALinkNoSideGivesAnyMore_IsRemoved()
    {
        var (h, report, change) = await ChangeAsync(d => d.Change("p2", p => p with { ParentChildren = [] }));
        await using var _ = h;

        Assert.Equal("N'a plus pour responsable légal : Prénom P2 (prenom.p2)", change.Detail);
        Assert.Equal(1, report.RowsWritten);
        Assert.Equal(["p1>s1"], await LinksAsync(h));
    }

    [Fact]
    public async Task ATeacherWhoLosesAClass_StopsTeachingIt_AndKeepsTheRest()
    {
        var (h, report, change) = await ChangeAsync(d =>
            d.Change("t1", t => t with { TeacherClassSubjects = [$"{DnA}$6A$MATHS", $"{DnB}$2A$MATHS"] })
        );
        await using var _ = h;

        Assert.Equal((DirectoryChangeKind.Moved, "N'enseigne plus : MATHS (6B)"), (change.Kind, change.Detail));
        Assert.Equal(1, report.RowsWritten);
        await using var db = h.Database.NewContext();
        var t1 = await h.IdOfAsync("t1");
        Assert.Equal(3, await db.TeachingAssignments.CountAsync(t => t.TeacherId == t1));
        Assert.False(await db.TeachingAssignments.AnyAsync(t => t.TeacherId == t1 && t.SchoolClass!.Name == "6B"));
    }

    [Fact]
    public async Task ANameThatChanges_IsUpdatedInOneRow_WithoutEndingTheirSessions()
    {
        Enoe.Data.People.Person? before = null;
        var (h, report, change) = await ChangeAsync(
            d => d.Change("s3", s => s with { FirstName = "Maëlle" }),
            async h => before = await h.PersonAsync("s3")
        );
        await using var _ = h;

        Assert.Equal((DirectoryChangeKind.Updated, UaiB), (change.Kind, change.Uai));
        Assert.Equal("Nom : Prénom S3 → Maëlle S3", change.Detail);
        Assert.Equal(1, report.RowsWritten);
        var s3 = await h.PersonAsync("s3");
        Assert.Equal(("Maëlle", "Maëlle S3"), (s3.FirstName, s3.DisplayName));
        Assert.Equal(before!.SecurityStamp, s3.SecurityStamp);
        Assert.NotEqual(before.ConcurrencyStamp, s3.ConcurrencyStamp);
    }

    [Fact]
    public async Task APersonAttachedToOneMoreEtablissement_GainsAMembershipThere_AndKeepsTheFirst()
    {
        var (h, report, change) = await ChangeAsync(d =>
            d.Change("p1", p => p with { StructureDns = [DnA, DnB], StructureUais = [UaiA, UaiB] })
        );
        await using var _ = h;

        Assert.Equal("Rattaché à Lycée Louis Pasteur (Parent)", change.Detail);
        Assert.Equal(1, report.RowsWritten);
        Assert.Equal(2, (await h.PersonAsync("p1")).Memberships.Count);
        Assert.Equal(
            (1, 1),
            (report.Schools.Single(s => s.Uai == UaiA).Updated, report.Schools.Single(s => s.Uai == UaiB).Updated)
        );
    }

    private static async Task<List<string>> LinksAsync(DirectorySyncHarness h)
    {
        await using var db = h.Database.NewContext();
        return await db
            .Guardianships.Select(g => g.Parent!.DirectoryKey + ">" + g.Student!.DirectoryKey)
            .OrderBy(x => x)
            .ToListAsync();
    }
}
