using Bunit;
using Enoe.App.Components.Academy;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class SsoRegistrationsPageTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.NewContext())
            await db
                .Users.Where(p => p.Id == F.AdminA.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.IsAcademyAdmin, true));
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
    }

    [Fact]
    public async Task AnAddressThatWouldReachOtherPaths_IsRefusedInTheForm_ThenAFixedOneIsListed()
    {
        var page = Render<SsoRegistrationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Aucun service enregistré.", page.Markup));

        page.Find("input[maxlength='120']").Change("Ressource de test");
        var address = page.Find("input[type=url]");
        address.Change("https://ressource.example.test/app");
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer").Click();

        page.WaitForAssertion(() => Assert.Contains("finit par « / »", page.Markup));
        await using (var db = Database.NewContext())
            Assert.Equal(0, await db.Set<SsoRegistration>().CountAsync());

        page.Find("input[type=url]").Change("https://ressource.example.test/app/");
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer").Click();

        page.WaitForAssertion(() => Assert.Contains("Service enregistré.", page.Markup));
        Assert.Contains(
            "CAS 3.0 · https://ressource.example.test/app/… · Élèves, Enseignants",
            System.Text.RegularExpressions.Regex.Replace(page.Find("ul.enoe-rows").TextContent, @"\s+", " ")
        );
    }

    [Fact]
    public async Task AnOpenIdConnectClient_IsRegistered_AndItsSecretShownOnce()
    {
        var page = Render<SsoRegistrationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Aucun service enregistré.", page.Markup));

        page.Find("input[type=radio][value=OpenIdConnect]").Change(true);
        page.Find("input[maxlength='120']").Change("Éditeur de test");
        page.Find("input[maxlength='100']").Change("editeur-test");
        page.FindAll("input[type=url]")[0].Change("https://editeur.example.test/oidc/retour");
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer").Click();

        page.WaitForAssertion(() => Assert.Contains("Service enregistré.", page.Markup));
        var secret = page.Find("code.enoe-secret").TextContent;
        Assert.True(secret.Length >= 40);
        Assert.Contains("OpenID Connect (editeur-test) · https://editeur.example.test/oidc/retour", page.Markup);
        Assert.Contains(".well-known/openid-configuration", page.Markup);
        await using (var db = Database.NewContext())
        {
            var stored = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
                .SingleAsync(a => a.ClientId == "editeur-test");
            Assert.DoesNotContain(secret, stored.ClientSecret);
        }

        // Opened again: the secret is not shown; the protocol cannot change.
        page.FindAll("button").Single(b => b.TextContent == "Éditeur de test").Click();
        Assert.Empty(page.FindAll("code.enoe-secret"));
        Assert.True(page.Find("fieldset.enoe-protocol").HasAttribute("disabled"));
    }

    [Fact]
    public async Task AServiceForOneSchool_OpeningACatalogueResource_IsSavedSo()
    {
        int resource;
        await using (var db = Database.NewContext())
        {
            var entry = new Enoe.Data.DigitalResources.DigitalResource
            {
                Title = "Manuels KNE",
                Url = "https://kne.example.test/",
                Profiles = Profile.Student,
            };
            db.Add(entry);
            await db.SaveChangesAsync();
            resource = entry.Id;
        }
        var page = Render<SsoRegistrationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Manuels KNE", page.Markup));

        page.Find("input[maxlength='120']").Change("KNE pour un collège");
        page.Find("input[type=url]").Change("https://kne.example.test/");
        page.FindAll("select")[0].Change(F.A.Id.ToString());
        page.FindAll("select")[1].Change(resource.ToString());
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer").Click();

        page.WaitForAssertion(() => Assert.Contains("Service enregistré.", page.Markup));
        await using var after = Database.NewContext();
        var saved = await after.Set<SsoRegistration>().SingleAsync();
        Assert.Equal((F.A.Id, resource), (saved.SchoolId, saved.ResourceId));
    }
}
