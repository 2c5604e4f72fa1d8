using Bunit;
using Enoe.App.Components.Academy;
using Enoe.Data.People;
using Enoe.Data.Statistics;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class UsagePageTests : SchoolComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 20); // the fake clock's day

    protected override async Task ArrangeAsync()
    {
        await using var db = Database.NewContext();
        db.AddRange(
            new UsageCount
            {
                SchoolId = F.A.Id,
                Day = Today.AddDays(-1),
                Metric = UsageMetric.MemosSent,
                Count = 1234,
            },
            new UsageCount
            {
                SchoolId = F.B.Id,
                Day = Today,
                Metric = UsageMetric.Students,
                Count = 7,
            }
        );
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TheAcademyAdmin_SeesChartsTheTableAndEachEtablissement_AndChoosesOne()
    {
        await using (var db = Database.NewContext())
            await db
                .Users.Where(p => p.Id == F.StaffB.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.IsAcademyAdmin, true));
        this.SignInAs(F.StaffB, F.B.Id, Profile.AcademyAdmin);

        var page = Render<UsagePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("svg").Count(s => s.QuerySelector("path") != null)));
        var periods = page.Find("table[aria-label='Par période']");
        Assert.Equal(30, periods.QuerySelectorAll("tbody tr").Length); // the last 30 days by default
        Assert.Contains(
            "1 234",
            periods.QuerySelector("tfoot")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' ')
        );
        var schools = page.Find("table[aria-label='Par établissement, sur la période']");
        Assert.Equal(2, schools.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("/academie/utilisation.csv?from=2026-10-22&to=2026-11-20&grain=day", Export(page));

        page.FindAll("select").Last().Change(F.A.Id.ToString());

        page.WaitForAssertion(() =>
            Assert.Empty(page.FindAll("table[aria-label='Par établissement, sur la période']"))
        );
        Assert.EndsWith($"&school={F.A.Id}", Export(page));
    }

    private static string Export<T>(IRenderedComponent<T> page)
        where T : Microsoft.AspNetCore.Components.IComponent => page.Find("a[download]").GetAttribute("href")!;

    [Fact]
    public void AnEtablissementsAdmin_SeesTheirOwnFigures_WithoutAChoiceOfEtablissement()
    {
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);

        var page = Render<SchoolUsagePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table[aria-label='Par période']")));
        Assert.Single(page.FindAll("select")); // the grouping only
        Assert.Empty(page.FindAll("table[aria-label='Par établissement, sur la période']"));
        Assert.EndsWith($"&school={F.A.Id}", page.Find("a[download]").GetAttribute("href"));
    }

    [Fact]
    public void ATeacher_IsToldTheseFiguresAreNotForThem_InEnglishToo()
    {
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
        using var _ = new InEnglish();

        var page = Render<UsageView>();

        page.WaitForAssertion(() => Assert.Contains("for the education authority's administrators", page.Markup));
        Assert.Empty(page.FindAll("table"));
        Assert.Contains("Portal usage", page.Markup);
    }
}
