using Enoe.Data.Directory;
using Enoe.Tests.Support;
using static Enoe.Tests.Support.SmallDirectory;

namespace Enoe.Tests.Data;

/// <summary>A dry run reports the very diff a real run then applies, and writes nothing.</summary>
public sealed class DirectorySyncDryRunTests
{
    [Fact]
    public async Task ADryFirstSync_WritesNothing_AndReportsWhatTheRealOneDoes()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        var before = await h.SnapshotAsync();

        var dry = await h.RunAsync(dryRun: true);

        Assert.Equal(before, await h.SnapshotAsync());
        Assert.Equal((true, true, 0, 9), (dry.DryRun, dry.Completed, dry.RowsWritten, dry.Entries.Created));
        Assert.Null(dry.Id);
        var real = await h.RunAsync();
        Assert.Equal(Diff(real), Diff(dry));
    }

    [Fact]
    public async Task ADryRunAfterChanges_ShowsEveryChange_WritesNothing_ThenTheRealRunAppliesTheSame()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        var d = h.Directory;
        d.Change("s1", s => s with { StudentClasses = [$"{DnA}$6B"], StudentParents = [Dn("p1"), Dn("p9")] });
        d.Change("t1", t => t with { TeacherClassSubjects = [$"{DnA}$6A$MATHS", $"{DnB}$2A$MATHS", $"{DnB}$TA$SVT"] });
        d.Change("s3", s => s with { FirstName = "Maëlle" });
        d.Change("d1", p => p with { DeletionDate = "31/12/2026" });
        d.Remove("v1");
        // A new parent linked from their side only, to an existing student.
        d.People.Add(Person("p9", "National_2", DnA) with { ParentChildren = [Dn("s2")] });
        var before = await h.SnapshotAsync();

        var dry = await h.RunAsync(dryRun: true);

        Assert.Equal(before, await h.SnapshotAsync());
        Assert.Equal(0, dry.RowsWritten);
        var e = dry.Entries;
        Assert.Equal((17, 1, 4, 1, 1), (e.Read, e.Created, e.Updated, e.Disabled, e.Gone));
        Assert.All(dry.Schools, s => Assert.True(s.AddsUp, s.Uai));
        var real = await h.RunAsync();
        Assert.Equal(Diff(real), Diff(dry));
        Assert.True(real.RowsWritten > 0);
        Assert.Equal(0, (await h.RunAsync()).RowsWritten);
    }

    /// <summary>Everything a report says but its run's own facts (dry or not, rows, times).</summary>
    private static string Diff(DirectorySyncReport report) =>
        string.Join(
            "\n",
            report
                .Schools.OrderBy(s => s.Uai)
                .Select(s =>
                    $"{s.Uai} {s.Name} {s.Read} {s.Created} {s.Updated} {s.Unchanged} {s.Disabled} {s.Rejected} "
                    + s.Gone
                )
                .Concat(report.Changes.Select(c => $"{c.Kind} {c.Uai} {c.Who}: {c.Detail}"))
        );
}
