using System.Globalization;
using Bunit;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets;
using Enoe.Widgets.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>The admins' default pages: the same grid and menu as everyone's dashboard, in both languages.</summary>
public sealed class DefaultLayoutsPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddEnoeWidgets());
        _f = await TwoSchools.CreateAsync(_database);
        this.AddDashboardServices(_database);
        Services.AddSingleton(_database.Get<DefaultLayoutService>());
        this.SignInAs(_f.AdminA, _f.A.Id, Profile.SchoolAdmin);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void AnAdmin_LocksAWidgetFromItsMenu_AndAddsSeveralWithoutReopeningTheCatalogue()
    {
        var page = Render<DefaultLayoutsPage>();
        page.WaitForAssertion(() => Assert.Contains("reçoit aujourd'hui la page de l'académie", page.Markup));
        page.FindAll("button").Single(b => b.TextContent == "Personnaliser cette page").Click();
        page.WaitForElement("[data-widget=news]");

        page.Find("button[aria-label='Options du widget Actualités']").Click();
        page.FindAll("[role=menuitem]").Single(i => i.TextContent == "Verrouiller").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-widget=news] .enoe-lock")));

        page.FindAll("button").Single(b => b.TextContent == "Ajouter un widget").Click();
        var widgets = page.FindAll("[data-widget]").Count;
        page.Find("[aria-label='Ajouter Actualités']").Click();
        page.WaitForAssertion(() => Assert.Equal(widgets + 1, page.FindAll("[data-widget]").Count));
        page.Find("[aria-label='Ajouter Actualités']").Click();
        page.WaitForAssertion(() => Assert.Equal(widgets + 2, page.FindAll("[data-widget]").Count));
        Assert.Contains($"La page compte {widgets + 2} widgets.", page.Find("#enoe-catalog [role=status]").TextContent);
    }

    [Fact]
    public void ThePage_SpeaksEnglish_ToAnEnglishReader()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var page = Render<DefaultLayoutsPage>();
            page.WaitForAssertion(() =>
                Assert.Contains("Preview: the “Students” profile gets the academy's page today.", page.Markup)
            );
            Assert.Equal("Default home pages", page.Find("h1").TextContent);
            Assert.Equal(
                ["Students", "Parents", "Teachers", "Staff", "School admins"],
                page.FindAll("[role=tab]").Select(t => t.TextContent)
            );
            page.FindAll("button").Single(b => b.TextContent == "Customise this page").Click();
            page.WaitForElement("[data-widget=news]");
            page.Find("button[aria-label='News widget options']").Click();
            Assert.Contains(page.FindAll("[role=menuitem]"), i => i.TextContent == "Make required");
            Assert.Contains(page.FindAll("[role=menuitem]"), i => i.TextContent == "Lock");
            Assert.Contains("Required (pin): cannot be removed.", page.Markup);
            Assert.DoesNotContain("Imposé", page.Markup);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
