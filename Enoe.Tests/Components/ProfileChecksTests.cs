using Bunit;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.Bookings;
using Enoe.Widgets.Common;
using Enoe.Widgets.DigitalResources;
using Enoe.Widgets.UsefulLinks;
using Microsoft.AspNetCore.Components;

namespace Enoe.Tests.Components;

/// <summary>The "for whom" checkboxes the admin pages share: their labels, and what a click changes.</summary>
public sealed class ProfileChecksTests : SchoolComponentTest
{
    private static string[] Labels<T>(IRenderedComponent<T> page)
        where T : IComponent => [.. page.FindAll("fieldset label").Select(l => l.TextContent.Trim())];

    [Fact]
    public void EachPage_KeepsItsOwnLabels()
    {
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        var links = Render<UsefulLinksAdminPage>();
        links.WaitForAssertion(() =>
            Assert.Equal(["Élève", "Parent", "Enseignant", "Personnel", "Admin établissement"], Labels(links))
        );
        var resources = Render<DigitalResourcesAdminPage>();
        resources.WaitForAssertion(() =>
            Assert.Equal(["Élèves", "Parents", "Enseignants", "Personnels"], Labels(resources))
        );
        var bookable = Render<BookableResourcesPage>();
        bookable.WaitForAssertion(() =>
            Assert.Equal(["Enseignants", "Personnel", "Administrateurs", "Élèves"], Labels(bookable))
        );
    }

    [Fact]
    public void UntickingAProfile_KeepsTheOnesNotShown_AndTheMessagesStandUnder()
    {
        var chosen = new List<Profile>();
        var checks = Render<ProfileChecks>(p =>
            p.Add(c => c.Legend, "Pour")
                .Add(c => c.Offered, [Profile.Student, Profile.Parent])
                .Add(c => c.Value, Profile.Everyone)
                .Add(c => c.ValueChanged, chosen.Add)
                .Add(c => c.Messages, ["Choisissez au moins un profil."])
        );
        Assert.Equal(["Élève", "Parent"], Labels(checks));

        checks.FindAll("input[type=checkbox]")[0].Change(false);

        Assert.Equal([Profile.Everyone & ~Profile.Student], chosen);
        Assert.Equal("Choisissez au moins un profil.", checks.Find("fieldset + [role=alert]").TextContent);
    }
}
