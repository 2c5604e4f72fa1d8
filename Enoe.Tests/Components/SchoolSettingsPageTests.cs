using Bunit;
using Enoe.App.Components.Admin;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Enoe.Tests.Components;

/// <summary>The school settings page shows the sections registered by the services the school runs.</summary>
public sealed class SchoolSettingsPageTests : SchoolComponentTest
{
    /// <summary>A section a new service would bring, registered the way its module would.</summary>
    private sealed class FakeSection : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            builder.AddMarkupContent(0, "<section aria-label=\"Liens utiles\">Liens utiles de l'école</section>");
    }

    protected override Task ArrangeAsync()
    {
        Services.AddSettingsSection<FakeSection>(50, new EntService("liens-utiles"));
        Services.AddSettingsSection<TimeSlotsSection>(400);
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ASwitchedOffServicesSection_IsNotShown_TheOthersAreInOrder()
    {
        await using (var db = Database.NewContext())
            await db.RunAllButAsync(F.A.Id, EntService.Memos);
        var page = Render<SchoolSettingsPage>();

        page.WaitForAssertion(() =>
            Assert.Equal(
                ["Liens utiles", "Carnet de bord", "Droit à la déconnexion", "Périodes de notes", "Créneaux"],
                page.FindAll("section[aria-label]").Select(s => s.GetAttribute("aria-label"))
            )
        );
        Assert.DoesNotContain("Mémos : qui peut écrire à qui", page.Markup);
        Assert.Contains("Liens utiles de l'école", page.Markup);
    }

    [Fact]
    public async Task ASectionOfAServiceTheSchoolDoesNotRun_IsNotShown()
    {
        await using (var db = Database.NewContext())
            await db.RunAllButAsync(F.A.Id, new EntService("liens-utiles"));
        var page = Render<SchoolSettingsPage>();

        page.WaitForAssertion(() => Assert.Contains("Mémos : qui peut écrire à qui", page.Markup));
        Assert.DoesNotContain("Liens utiles", page.Markup);
    }
}
