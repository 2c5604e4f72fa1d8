using Enoe.Data.Common;
using Enoe.Data.Directory;
using Enoe.Tests.Support;
using static Enoe.Tests.Support.SmallDirectory;

namespace Enoe.Tests.Data;

/// <summary>Who may run a sync and read its reports; one run at a time.</summary>
public sealed class DirectorySyncRightsTests
{
    [Fact]
    public async Task OnlyAcademyAdmins_RunASyncFromThePage_AndTheRunIsStored()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        var d1 = await h.IdOfAsync("d1"); // administers collège A through the directory
        var s1 = await h.IdOfAsync("s1");

        var ran = await h.Sync.RunAsync(h.LocalAdminId, dryRun: false);
        var school = await h.Sync.RunAsync(d1, dryRun: true);
        var student = await h.Sync.RunAsync(s1, dryRun: true);

        Assert.True(ran.Succeeded);
        Assert.NotNull(ran.Value!.Id);
        Assert.Equal(ResultKind.Forbidden, school.Kind);
        Assert.Contains("administrateurs de l'académie", school.Errors.Single());
        Assert.Equal(ResultKind.Forbidden, student.Kind);
    }

    [Fact]
    public async Task ASecondRequestWhileARunIsUnderWay_IsRefusedWithAClearMessage()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        var gate = new TaskCompletionSource();
        h.Directory.Gate = gate.Task;

        var first = h.Sync.RunAsync(h.LocalAdminId, dryRun: false);
        await h.Directory.Reading.Task;
        var second = await h.Sync.RunAsync(h.LocalAdminId, dryRun: true);
        gate.SetResult();

        Assert.Equal(ResultKind.Conflict, second.Kind);
        Assert.Equal(
            "Une synchronisation de l'annuaire est déjà en cours : attendez qu'elle se termine.",
            second.Errors.Single()
        );
        Assert.True((await first).Succeeded);
    }

    [Fact]
    public async Task Reports_NewestFirst_WholeForAcademyAdmins_TheirOwnSchoolsForASchoolAdmin_NoneForOthers()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        await h.RunAsync();
        h.Database.Clock.Advance(TimeSpan.FromDays(1));
        h.Directory.Change("s3", s => s with { FirstName = "Maëlle" }); // in lycée B
        h.Directory.Change("s1", s => s with { StudentClasses = [$"{DnA}$6B"] }); // in collège A
        var latest = await h.RunAsync();
        await h.RunAsync(dryRun: true); // not stored
        var reports = h.Database.Get<DirectoryReports>();

        var all = await reports.LatestAsync(h.LocalAdminId, 10);
        var schoolA = await reports.LatestAsync(await h.IdOfAsync("d1"), 10);
        var student = await reports.LatestAsync(await h.IdOfAsync("s1"), 10);

        Assert.Equal(2, all.Value!.Count);
        Assert.Equal((latest.Id, latest.Summary), (all.Value[0].Id, all.Value[0].Summary));
        Assert.Equal(latest.Changes, all.Value[0].Changes);
        Assert.Contains(all.Value[0].Schools, s => s.Uai == UaiB);
        var mine = schoolA.Value![0];
        Assert.Equal([UaiA], mine.Schools.Select(s => s.Uai));
        Assert.All(mine.Changes, c => Assert.Equal(UaiA, c.Uai));
        Assert.Contains(mine.Changes, c => c.Kind == DirectoryChangeKind.Moved);
        Assert.Equal(1, mine.Entries.Updated);
        Assert.Equal(ResultKind.Forbidden, student.Kind);
    }

    [Fact]
    public async Task InEnglish_ReasonsAndRefusalsArriveInEnglish()
    {
        await using var h = await DirectorySyncHarness.CreateAsync();
        using var _ = new InEnglish();

        var report = await h.RunAsync();
        var refused = await h.Database.Get<DirectoryReports>().LatestAsync(await h.IdOfAsync("s1"), 5);

        Assert.Contains(report.Changes, c => c.Detail == "Unknown profile: \"National_9\"");
        Assert.Equal("Directory reports are for administrators only.", refused.Errors.Single());
    }
}
