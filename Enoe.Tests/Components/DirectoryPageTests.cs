using Bunit;
using Enoe.App.Components.Admin;
using Enoe.Data.Directory;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Components;

public sealed class DirectoryPageTests : SchoolComponentTest
{
    protected override void ConfigureData(IServiceCollection services) =>
        services.AddSingleton<IDirectorySource>(SmallDirectory.Create());

    private void DirectoryConfigured() =>
        Services.AddSingleton(Options.Create(new DirectoryOptions { Ldap = { Url = "ldap://127.0.0.1:389" } }));

    private async Task MakeAcademyAdminAsync()
    {
        await using var db = Database.NewContext();
        await db
            .Users.Where(p => p.Id == F.AdminA.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsAcademyAdmin, true));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<DirectoryPage> page, string text) =>
        page.FindAll("button").First(b => b.TextContent.Contains(text));

    [Fact]
    public async Task A_dry_run_shows_the_diff_and_writes_nothing_then_a_run_joins_the_history()
    {
        DirectoryConfigured();
        await MakeAcademyAdminAsync();
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin | Profile.AcademyAdmin);
        var page = Render<DirectoryPage>();
        page.WaitForAssertion(() => Assert.Contains("Aucune synchronisation", page.Markup));

        Button(page, "Simuler").Click();

        page.WaitForAssertion(() => Assert.Contains("Simulation du", page.Find("h2").TextContent));
        Assert.NotEmpty(page.FindAll("table[aria-label='Comptes par établissement'] tbody tr"));
        Assert.Contains(page.FindAll("tbody td"), td => td.TextContent == "Créés");
        await using (var db = Database.NewContext())
            Assert.False(await db.Users.AnyAsync(p => p.DirectoryKey != null));

        Button(page, "Synchroniser maintenant").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("ul.enoe-rows li")));
        Assert.Contains("Synchronisation du", page.Find("h2").TextContent);
        await using (var db = Database.NewContext())
            Assert.True(await db.Users.AnyAsync(p => p.DirectoryKey != null));
    }

    [Fact]
    public void An_établissement_s_admin_reads_reports_but_gets_no_button_to_run_one()
    {
        DirectoryConfigured();
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        var page = Render<DirectoryPage>();
        page.WaitForAssertion(() => Assert.Contains("Aucune synchronisation", page.Markup));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Synchroniser"));
        Assert.Empty(page.FindAll("[role=alert]"));
    }

    [Fact]
    public void Without_a_directory_the_page_says_accounts_are_ENOE_s_own()
    {
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        var page = Render<DirectoryPage>();
        page.WaitForAssertion(() => Assert.Contains("Aucun annuaire n'est configuré", page.Markup));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Simuler"));
    }
}
