using Bunit;
using Enoe.App.Components.Academy;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

public sealed class ServiceSwitchesPageTests : SchoolComponentTest
{
    /// <summary>A service whose name counts how often the page asks for it.</summary>
    private sealed class CountedModule : UiModule
    {
        public int NameReads;
        public override EntService? Service => EntService.UsefulLinks;

        public override string? Name
        {
            get
            {
                NameReads++;
                return "Service compté";
            }
        }

        public override void AddServices(IServiceCollection services) { }
    }

    [Fact]
    public async Task TheServicesAreListedOnce_NotAgainForEachSchoolOrRender()
    {
        await using (var db = Database.NewContext())
            await db
                .Users.Where(p => p.Id == F.AdminA.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsAcademyAdmin, true));
        var counted = new CountedModule();
        Services.AddSingleton<UiModule>(counted);
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);

        var page = Render<ServiceSwitchesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count)); // both établissements
        Assert.Single(page.FindAll("thead th"), th => th.TextContent == "Service compté");
        Assert.Equal(2, page.FindAll("select[aria-label^='Service compté –']").Count);
        var reads = counted.NameReads;
        page.Render();
        page.Render();

        Assert.Equal(reads, counted.NameReads);
        Assert.True(reads <= 2, $"{reads} reads"); // found and named once, whatever the number of rows
    }
}
