using System.Text;
using Enoe.Data.SchoolLife;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data.SchoolLife;

/// <summary>Two people on one établissement's list at the same moment: reads and changes that overlap.</summary>
public sealed partial class AbsenceMotivesTests
{
    [Fact]
    public async Task AFirstRead_OvertakenByAnotherBetweenItsTwoQueries_StillAnswersTheWholeList()
    {
        var staffB = TwoSchools.As(_f.StaffB, _f.B);
        // Another first read writes the default list just after this one found none (its first read of the motives),
        // before it asks whether the list exists at all (two tabs of a new établissement opening the page at once).
        var overtaker = Meanwhile.After("\"AbsenceMotive\"", () => Attendance.MotivesAsync(staffB));
        await using var other = _database.NewInstance(s => s.AddSingleton<IInterceptor>(overtaker));

        var read = await other.GetRequiredService<AttendanceService>().MotivesAsync(staffB);

        Assert.True(overtaker.Other.IsCompletedSuccessfully);
        Assert.Equal(7, read.Value!.Count);
    }

    [Fact]
    public async Task TwoManagersWithdrawingTheLastTwoMotivesAtOnce_LeaveOne()
    {
        var motives = await MotivesAsync();
        foreach (var extra in motives.Skip(2))
            Assert.True((await Attendance.RemoveMotiveAsync(Cpe, extra.Id)).Succeeded);
        // The other manager withdraws a motive just after this one checked that another would stay (its second read
        // of the motives), before it writes.
        var meanwhile = Meanwhile.After(
            "\"AbsenceMotive\"",
            () => Attendance.RemoveMotiveAsync(Cpe, motives[0].Id),
            nth: 2,
            onItsOwnThread: true
        );
        await using var other = _database.NewInstance(s => s.AddSingleton<IInterceptor>(meanwhile));

        var second = await other.GetRequiredService<AttendanceService>().RemoveMotiveAsync(Cpe, motives[1].Id);
        var first = await meanwhile.Other;

        Assert.Single(new[] { first, second }, r => r.Succeeded);
        Assert.Contains(
            "La liste doit garder au moins un motif : les familles en choisissent un pour justifier.",
            first.Errors.Concat(second.Errors)
        );
        Assert.Single(await MotivesAsync(), m => !m.Archived);
    }

    [Theory]
    [InlineData(DayPart.WholeDay)] // the Monday maths absence justified with it: the update is refused
    [InlineData(DayPart.Afternoon)] // no lesson absence: the report's own row is refused
    public async Task AMotiveDeletedWhileTheVieScolaireRecordsACall_IsRefusedInFrench_AndNothingIsWritten(DayPart part)
    {
        Assert.True((await Attendance.SaveMotiveAsync(Cpe, new(null, "Grève des transports", true))).Succeeded);
        var strike = await MotiveAsync("Grève des transports");
        // Another manager withdraws the motive (used by no absence: deleted) just after this report checked it, before
        // it writes.
        var meanwhile = Meanwhile.After("\"AbsenceMotive\"", () => Attendance.RemoveMotiveAsync(Cpe, strike));
        await using var other = _database.NewInstance(s => s.AddSingleton<IInterceptor>(meanwhile));

        var report = await other
            .GetRequiredService<AttendanceService>()
            .ReportAsync(Cpe, new(_f.StudentA.Id, Monday, part, strike, "Appel du père"));

        Assert.True((await meanwhile.Other).Succeeded);
        Assert.Equal(["Choisissez un motif de la liste de l'établissement."], report.Errors);
        var maths = Assert.Single((await RecordAsync(Cpe)).Items);
        Assert.Equal((JustificationStatus.None, null), (maths.Justification, maths.Motive));
    }

    [Fact]
    public async Task AMotiveDeletedWhileAParentJustifies_IsRefusedInFrench_AndNothingIsKept()
    {
        Assert.True((await Attendance.SaveMotiveAsync(Cpe, new(null, "Grève des transports", true))).Succeeded);
        var strike = await MotiveAsync("Grève des transports");
        var absence = Assert.Single((await RecordAsync(Parent)).Items);
        var meanwhile = Meanwhile.After("\"AbsenceMotive\"", () => Attendance.RemoveMotiveAsync(Cpe, strike));
        await using var other = _database.NewInstance(s => s.AddSingleton<IInterceptor>(meanwhile));
        var certificate = new FileUpload("mot.pdf", 9, new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n")));

        var justified = await other
            .GetRequiredService<AttendanceService>()
            .JustifyAsync(Parent, [Chosen(absence)], strike, "Plus de bus", [certificate]);

        Assert.True((await meanwhile.Other).Succeeded);
        Assert.Equal(["Choisissez un motif de la liste de l'établissement."], justified.Errors);
        Assert.Equal(JustificationStatus.None, Assert.Single((await RecordAsync(Parent)).Items).Justification);
        await using var db = _database.NewContext();
        Assert.False(await db.Set<StoredFile>().AnyAsync());
    }
}
