using System.Net;
using Enoe.Data;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

[Collection(SharedApp.Name)]
public sealed class ServiceSwitchTests(EnoeAppFactory app)
{
    [Fact]
    public async Task SwitchedOffService_ItsPagesRefuseAccessOnTheServer()
    {
        var client = app.NewClient();
        await client.SignInAsync("sylvie.morel"); // CDI, Collège Louis Pasteur
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gestion/articles")).StatusCode);
        await SetPublicSiteAsync("college-pasteur-dole", on: false);
        try
        {
            var refused = await client.GetAsync("/gestion/articles");
            Assert.StartsWith("/acces-refuse", refused.Headers.Location?.PathAndQueryOrOriginal());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/college-pasteur-dole")).StatusCode);
            Assert.DoesNotContain("Site public", await client.GetPageAsync("/tableau-de-bord"));
        }
        finally
        {
            await SetPublicSiteAsync("college-pasteur-dole", on: true);
        }
    }

    [Fact]
    public async Task ServicesPage_IsForTheAcademyAdminOnly()
    {
        var admin = app.NewClient();
        await admin.SignInAsync("admin.academie");
        var page = await admin.GetPageAsync("/academie/services");
        Assert.Contains("Services ouverts dans chaque établissement", page);
        Assert.Contains("Lycée Louis Lumière", page);

        var schoolAdmin = app.NewClient();
        await schoolAdmin.SignInAsync("admin.victor-hugo");
        Assert.StartsWith(
            "/acces-refuse",
            (await schoolAdmin.GetAsync("/academie/services")).Headers.Location?.PathAndQueryOrOriginal()
        );
    }

    private async Task SetPublicSiteAsync(string slug, bool on)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var school = await db.Schools.SingleAsync(s => s.Slug == slug);
        await db.SwitchAsync(school.Id, EntService.PublicSite, on);
        // As the académie's page does: what each établissement runs is cached until the change is announced.
        await app
            .Services.GetRequiredService<Enoe.Data.Events.IEventBus>()
            .PublishAsync(new SchoolServicesChanged(school.Id));
        await app.DeliveredAsync();
    }
}

[Collection(SharedApp.Name)]
public sealed class DefaultLayoutsPageTests(EnoeAppFactory app)
{
    [Fact]
    public async Task DefaultLayoutsPage_IsForAdmins()
    {
        var admin = app.NewClient();
        await admin.SignInAsync("admin.victor-hugo");
        Assert.Contains("Pages d'accueil par défaut", await admin.GetPageAsync("/gestion/pages-par-defaut"));
        Assert.Contains("Ressources propres à votre établissement", await admin.GetPageAsync("/gestion/ressources"));
        var teacher = app.NewClient();
        await teacher.SignInAsync("claire.fontaine");
        Assert.StartsWith(
            "/acces-refuse",
            (await teacher.GetAsync("/gestion/pages-par-defaut")).Headers.Location?.PathAndQueryOrOriginal()
        );
        Assert.StartsWith(
            "/acces-refuse",
            (await teacher.GetAsync("/gestion/ressources")).Headers.Location?.PathAndQueryOrOriginal()
        );
    }
}
