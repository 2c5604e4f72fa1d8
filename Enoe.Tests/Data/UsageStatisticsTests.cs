using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Statistics;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>The figures roll up across days and établissements; who reads which is decided by the service.</summary>
public sealed class UsageStatisticsTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private UsageStatistics Statistics => _database.Get<UsageStatistics>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        await db
            .Users.Where(p => p.Id == _f.StaffB.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.IsAcademyAdmin, true));
        // School A: 3 mémos a day for three weeks from Monday 2 November, and 10 people on each of those days; school
        // B: 5 mémos on Sunday 15 November only.
        for (var day = 0; day < 21; day++)
        {
            db.Add(Count(_f.A.Id, Monday.AddDays(day), UsageMetric.MemosSent, 3));
            db.Add(Count(_f.A.Id, Monday.AddDays(day), UsageMetric.People, 10));
        }
        db.Add(Count(_f.B.Id, new DateOnly(2026, 11, 15), UsageMetric.MemosSent, 5));
        db.Add(Count(_f.B.Id, new DateOnly(2026, 12, 1), UsageMetric.MemosSent, 100)); // outside every period asked
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private static UsageCount Count(int schoolId, DateOnly day, string metric, int count) =>
        new()
        {
            SchoolId = schoolId,
            Day = day,
            Metric = metric,
            Count = count,
        };

    private CurrentUser AcademyAdmin => TwoSchools.As(_f.StaffB, _f.B) with { Profiles = Profile.AcademyAdmin };

    [Fact]
    public async Task TheAcademysWeeks_AddUpEveryEtablissement_AndEachEtablissementHasItsTotals()
    {
        // From Wednesday 4 to Sunday 22 November, by week: the first week starts on the Wednesday.
        var query = new UsageQuery(Monday.AddDays(2), Monday.AddDays(20), null, UsageGrain.Week);

        var report = (await Statistics.ReportAsync(AcademyAdmin, query)).Value!;

        Assert.Equal([Monday.AddDays(2), Monday.AddDays(7), Monday.AddDays(14)], report.Periods);
        Assert.Equal([15L, 21 + 5, 21], report.Series[UsageMetric.MemosSent]);
        Assert.Equal([50L, 70, 70], report.Series[UsageMetric.People]);
        Assert.Equal(62, report.Totals[UsageMetric.MemosSent]);
        Assert.Equal(Monday.AddDays(6), report.EndOf(report.Periods[0]));
        var memos = UsageMetric.All.ToList().IndexOf(UsageMetric.MemosSent);
        Assert.Equal(57, report.PerSchool.Single(s => s.School.Id == _f.A.Id).Totals[memos]);
        Assert.Equal(5, report.PerSchool.Single(s => s.School.Id == _f.B.Id).Totals[memos]);
    }

    [Fact]
    public async Task OneEtablissementsMonths_AndDays_CountOnlyIt()
    {
        var months = new UsageQuery(new DateOnly(2026, 10, 15), new DateOnly(2026, 12, 31), _f.B.Id, UsageGrain.Month);
        var report = (await Statistics.ReportAsync(AcademyAdmin, months)).Value!;

        Assert.Equal([new(2026, 10, 15), new(2026, 11, 1), new DateOnly(2026, 12, 1)], report.Periods);
        Assert.Equal([0L, 5, 100], report.Series[UsageMetric.MemosSent]);
        Assert.Empty(report.PerSchool); // one établissement: no table of établissements

        var days = (
            await Statistics.ReportAsync(AcademyAdmin, new UsageQuery(Monday, Monday.AddDays(6), _f.A.Id))
        ).Value!;
        Assert.Equal(7, days.Periods.Count);
        Assert.All(days.Series[UsageMetric.MemosSent], n => Assert.Equal(3, n));
    }

    [Fact]
    public async Task AnEtablissementsAdmin_ReadsTheirOwnFigures_AndNoOtherEtablissements()
    {
        var admin = TwoSchools.As(_f.AdminA, _f.A);
        var period = new UsageQuery(Monday, Monday.AddDays(20));

        var own = await Statistics.ReportAsync(admin, period);
        var other = await Statistics.ReportAsync(admin, period with { SchoolId = _f.B.Id });
        var scope = (await Statistics.ScopeAsync(admin)).Value!;

        Assert.Equal(63, own.Value!.Totals[UsageMetric.MemosSent]); // school A's only: B's 5 are not in
        Assert.Equal(_f.A.Id, own.Value.Query.SchoolId);
        Assert.Equal(ResultKind.Forbidden, other.Kind);
        Assert.False(scope.WholeAcademy);
        Assert.Equal([_f.A.Id], scope.Schools.Select(s => s.Id));
    }

    [Fact]
    public async Task TeachersStudentsAndStaff_AreRefused()
    {
        foreach (var person in new[] { _f.TeacherA, _f.StudentA, _f.StaffA, _f.ParentA })
        {
            var asked = await Statistics.ReportAsync(TwoSchools.As(person, _f.A), new UsageQuery(Monday, Monday));
            Assert.Equal(ResultKind.Forbidden, asked.Kind);
            Assert.Equal(ResultKind.Forbidden, (await Statistics.ScopeAsync(TwoSchools.As(person, _f.A))).Kind);
        }
    }

    [Fact]
    public async Task AReversedOrTooLongPeriod_IsRefusedWithItsReason_InTheReadersLanguage()
    {
        var reversed = await Statistics.ReportAsync(AcademyAdmin, new UsageQuery(Monday, Monday.AddDays(-1)));
        Assert.Equal(ResultKind.Invalid, reversed.Kind);
        Assert.Contains("début", reversed.Errors[0]);

        using var _ = new InEnglish();
        var tooLong = await Statistics.ReportAsync(AcademyAdmin, new UsageQuery(Monday, Monday.AddYears(3)));
        Assert.Equal("This period is too long: 731 days at most.", tooLong.Errors[0]);
        Assert.Equal("Memos sent", UsageMetric.Label(UsageMetric.MemosSent));
    }
}
