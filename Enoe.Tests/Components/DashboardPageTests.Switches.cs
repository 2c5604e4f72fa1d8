using Bunit;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed partial class DashboardPageTests
{
    [Fact]
    public async Task AServiceTheAcademyCloses_LeavesAnOpenDashboardAtOnce_AndComesBackWhenReopened()
    {
        await using (var db = _database.NewContext())
            await db
                .Users.Where(p => p.Id == _f.StaffB.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsAcademyAdmin, true));
        var rectorat = new CurrentUser(_f.StaffB.Id, "Rectorat", null, Profile.AcademyAdmin);
        var switches = _database.Get<SchoolServiceSwitches>();
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-widget=news]");

        await switches.ApplyAsync(rectorat, [_f.A.Id], EntService.PublicSite, ServiceState.Off);

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-widget=news]")));
        Assert.NotEmpty(page.FindAll("[data-widget=school-network]")); // the other services stay

        await switches.ApplyAsync(rectorat, [_f.A.Id], EntService.PublicSite, ServiceState.On);
        page.WaitForElement("[data-widget=news]");
    }
}
