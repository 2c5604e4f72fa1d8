using Bunit;
using Enoe.App.Components.Academy;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Statistics;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

public sealed class StatisticsPageTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.NewContext())
        {
            await db
                .Users.Where(p => p.Id == F.StaffB.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsAcademyAdmin, true));
            await db.SwitchAsync(F.B.Id, EntService.Memos, on: false);
            await db
                .Schools.Where(s => s.Id == F.A.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Network, PedagogicalNetwork.Scribe));
        }
        Services.AddSingleton<DeploymentLabels>();
        this.SignInAs(F.StaffB, F.B.Id, Profile.Staff);
    }

    [Fact]
    public void TheTable_ShowsEachFigure_WithItsChart_AndTheCsvLink()
    {
        var page = Render<StatisticsPage>();

        var memos = page.WaitForElement("table.enoe-deployment tbody tr:has(th:contains('Mémos'))");
        Assert.Equal(["1 / 2 (50 %)", "1 / 2 (50 %)"], memos.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains(
            "1 / 2 (50 %)",
            page.Find("table.enoe-deployment tbody tr:has(th:contains('Scribe'))").TextContent
        );
        Assert.Equal(4, page.FindAll(".enoe-charts figure svg").Count);
        Assert.Equal("/academie/statistiques.csv", page.Find("a[download]").GetAttribute("href"));
        Assert.Contains("Rentrée 2026–2027", page.Find("#stats-year").TextContent); // kept at this first reading
    }

    [Fact]
    public async Task TheCsv_HasOneLinePerFigure_ByKind()
    {
        var rectorat = new CurrentUser(F.StaffB.Id, "Rectorat", null, Profile.AcademyAdmin);
        var table = (await Database.Get<DeploymentStatistics>().CurrentAsync(rectorat)).Value!;

        var lines = DeploymentCsv.Write(table, Services.GetRequiredService<DeploymentLabels>()).Split("\r\n");

        Assert.Equal("indicateur;total;sur;pourcentage;college;college_sur;college_pourcentage", lines[0]);
        Assert.Equal("Établissements (EPLE);2;2;100;2;2;100", lines[1]);
        Assert.Contains("Mémos;1;2;50;1;2;50", lines);
        Assert.Contains("Réseau pédagogique : Scribe;1;2;50;1;2;50", lines);
    }

    [Fact]
    public void InEnglish_TheFiguresAreNamedInEnglish()
    {
        using var _ = new InEnglish();
        var page = Render<StatisticsPage>();
        page.WaitForAssertion(() => Assert.Contains("Reachable from outside (SAS)", page.Find("table").TextContent));
        Assert.Contains("1 / 2 (50%)", page.Find("table").TextContent);
    }

    [Fact]
    public void ASchoolAdmin_IsRefused()
    {
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        var page = Render<StatisticsPage>();
        page.WaitForAssertion(() =>
            Assert.Equal(
                "Seuls les administrateurs de l'académie consultent ces chiffres.",
                page.Find("[role=alert]").TextContent
            )
        );
        Assert.Empty(page.FindAll("table"));
    }
}
