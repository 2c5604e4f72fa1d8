using System.Globalization;
using Bunit;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.DigitalResources;

namespace Enoe.Tests.Components;

public sealed class DigitalResourcesAdminPageTests : SchoolComponentTest
{
    [Fact]
    public async Task DeletingAResource_AsksFirst_CancelKeepsIt_AllInEnglish()
    {
        var dialog = JSInterop.SetupModule("./js/dialog.js");
        dialog.SetupVoid("open", _ => true);
        dialog.SetupVoid("close", _ => true);
        var admin = TwoSchools.As(F.AdminA, F.A);
        var resources = Database.Get<DigitalResourceService>();
        Assert.True(
            (
                await resources.SaveAsync(
                    admin,
                    new DigitalResourceDraft
                    {
                        Title = "Chorale",
                        Url = "https://chorale.example.org",
                        Category = "Vie du collège",
                        Profiles = Profile.Student | Profile.Parent,
                    }
                )
            ).Succeeded
        );
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);

        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var page = Render<DigitalResourcesAdminPage>();
            page.WaitForAssertion(() => Assert.Contains("Vie du collège · Students, Parents", page.Markup));
            Assert.Contains("plain link", page.Find("ul.enoe-rows").TextContent); // how people reach it
            Assert.Contains("Digital resources", page.Find("h1").TextContent);
            Assert.Contains("Your school's own resources", page.Markup);

            page.Find("button.enoe-link-button").Click(); // open it in the form
            page.FindAll(".enoe-resources-layout button").Single(b => b.TextContent == "Delete").Click();
            page.WaitForAssertion(() =>
                Assert.Contains("Delete the resource “Chorale”?", page.Find("dialog").TextContent)
            );
            page.FindAll("dialog button")[1].Click(); // cancel
            Assert.Single((await resources.ListManagedAsync(admin)).Value!);

            page.FindAll(".enoe-resources-layout button").Single(b => b.TextContent == "Delete").Click();
            page.WaitForAssertion(() => page.Find("dialog button.enoe-tool-danger").Click());
            page.WaitForAssertion(() => Assert.Contains("Resource deleted.", page.Markup));
            Assert.Empty((await resources.ListManagedAsync(admin)).Value!);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
