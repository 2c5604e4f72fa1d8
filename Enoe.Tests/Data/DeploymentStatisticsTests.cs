using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Statistics;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// The slides' table from a generated académie of 172 établissements whose figures are known: 115 collèges (100 run
/// the portal: 87 %), 56 lycées (29: 52 %), one EREA (none), and one archived collège that must not count.
/// </summary>
public sealed class DeploymentStatisticsTests
{
    private static async Task<(TestDatabase Database, CurrentUser Rectorat)> GeneratedAcademyAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();
        var academy = new Academy { Name = "Académie générée" };
        var rectorat = new Person
        {
            FirstName = "Rectorat",
            LastName = "Test",
            UserName = "rectorat",
            NormalizedUserName = "RECTORAT",
            IsAcademyAdmin = true,
        };
        db.Add(rectorat);
        var n = 0;
        School Add(SchoolKind kind, bool portal, bool external = false, PedagogicalNetwork network = default)
        {
            n++;
            var school = new School
            {
                Academy = academy,
                Uai = Uai.Create($"0250{n:000}"),
                Name = $"Établissement {n}",
                Slug = $"etablissement-{n}",
                Kind = kind,
                ExternalAccess = external,
                Network = network,
            };
            if (!portal)
                school.ClosedServices.Add(new ClosedService { ServiceKey = EntService.Dashboard.Key });
            db.Add(school);
            return school;
        }
        for (var i = 0; i < 115; i++)
            Add(
                SchoolKind.College,
                portal: i < 100,
                external: i < 20,
                network: i < 80 ? PedagogicalNetwork.Scribe
                    : i < 90 ? PedagogicalNetwork.AurigePhp
                    : PedagogicalNetwork.None
            );
        for (var i = 0; i < 56; i++)
            Add(
                SchoolKind.Lycee,
                portal: i < 29,
                external: i < 6,
                network: i < 20 ? PedagogicalNetwork.Windows : default
            );
        Add(SchoolKind.Erea, portal: false).ClosedServices.Add(new ClosedService { ServiceKey = EntService.Memos.Key });
        Add(SchoolKind.College, portal: true, external: true, PedagogicalNetwork.Scribe).ArchivedAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        return (database, new CurrentUser(rectorat.Id, "Rectorat", null, Profile.AcademyAdmin));
    }

    [Fact]
    public async Task TheTable_CountsEachFigure_ByKind_WithRoundedPercentages()
    {
        var (database, rectorat) = await GeneratedAcademyAsync();
        await using var _ = database;

        var table = (await database.Get<DeploymentStatistics>().CurrentAsync(rectorat)).Value!;

        Assert.Equal(172, table.Schools);
        Assert.Equal([SchoolKind.College, SchoolKind.Lycee, SchoolKind.Erea], table.Kinds);
        Assert.Equal(
            (115, 56, 1),
            (
                table.SchoolsByKind[SchoolKind.College],
                table.SchoolsByKind[SchoolKind.Lycee],
                table.SchoolsByKind[SchoolKind.Erea]
            )
        );
        var portal = table.Services[0];
        Assert.Equal(EntService.Dashboard.Key, portal.Key); // the portal comes first
        Assert.Equal(new Share(129, 172), portal.Total);
        Assert.Equal(75, portal.Total.Percent);
        Assert.Equal((100, 87), (portal.ByKind[SchoolKind.College].Count, portal.ByKind[SchoolKind.College].Percent));
        Assert.Equal((29, 52), (portal.ByKind[SchoolKind.Lycee].Count, portal.ByKind[SchoolKind.Lycee].Percent));
        Assert.Equal(0, portal.ByKind[SchoolKind.Erea].Percent);
        Assert.Equal(new Share(171, 172), table.Services.Single(s => s.Key == EntService.Memos.Key).Total);
        Assert.Equal(new Share(26, 172), table.ExternalAccess.Total);
        Assert.Equal(new Share(20, 115), table.ExternalAccess.ByKind[SchoolKind.College]);
        var scribe = table.Networks.Single(r => r.Key == "network:scribe");
        Assert.Equal((80, 70), (scribe.ByKind[SchoolKind.College].Count, scribe.ByKind[SchoolKind.College].Percent));
        Assert.Equal(
            new Share(20, 56),
            table.Networks.Single(r => r.Key == "network:windows").ByKind[SchoolKind.Lycee]
        );
        Assert.Equal(new Share(110, 172), table.NetworkEquipped.Total);
        Assert.Equal(78, table.NetworkEquipped.ByKind[SchoolKind.College].Percent); // 90 / 115
    }

    [Theory]
    [InlineData(100, 115, 87)]
    [InlineData(29, 56, 52)]
    [InlineData(1, 8, 13)] // 12.5: halves go up
    [InlineData(0, 0, 0)]
    public void Percentages_RoundToTheNearestWholeNumber(int count, int of, int percent) =>
        Assert.Equal(percent, new Share(count, of).Percent);

    [Fact]
    public async Task TheStartOfYearTable_IsKeptOncePerSchoolYear_AndReadBackWhole()
    {
        var (database, rectorat) = await GeneratedAcademyAsync();
        await using var _ = database;
        var statistics = database.Get<DeploymentStatistics>();
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var first = (await statistics.CurrentAsync(rectorat)).Value!;
        await using (var db = database.NewContext())
            await db.Set<ClosedService>().Where(c => c.ServiceKey == EntService.Dashboard.Key).ExecuteDeleteAsync();
        database.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 30, 8, 0, 0, TimeSpan.Zero)); // same school year
        Assert.Equal(172, (await statistics.CurrentAsync(rectorat)).Value!.Services[0].Total.Count);
        database.Clock.SetUtcNow(new DateTimeOffset(2027, 9, 1, 6, 0, 0, TimeSpan.Zero)); // 08:00 in Paris: a new year
        await statistics.CurrentAsync(rectorat);

        var years = (await statistics.YearsAsync(rectorat)).Value!;

        Assert.Equal([2027, 2026], years.Select(y => y.SchoolYear));
        var kept = years[1].Table;
        Assert.Equal(first.Services[0].Total, kept.Services[0].Total); // 129, as at the start of 2026
        Assert.Equal(first.Networks[0].ByKind[SchoolKind.College], kept.Networks[0].ByKind[SchoolKind.College]);
        Assert.Equal(172, years[0].Table.Services[0].Total.Count);
    }

    [Fact]
    public async Task OnlyTheAcademy_ReadsTheTable()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var statistics = database.Get<DeploymentStatistics>();

        Assert.Equal(ResultKind.Forbidden, (await statistics.CurrentAsync(TwoSchools.As(f.AdminA, f.A))).Kind);
        Assert.Equal(ResultKind.Forbidden, (await statistics.YearsAsync(TwoSchools.As(f.AdminA, f.A))).Kind);
        await using var db = database.NewContext();
        Assert.False(await db.Set<DeploymentSnapshot>().AnyAsync());
    }
}
