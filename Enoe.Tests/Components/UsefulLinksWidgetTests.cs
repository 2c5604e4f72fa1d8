using Bunit;
using Enoe.Data.People;
using Enoe.Data.UsefulLinks;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.UsefulLinks;

namespace Enoe.Tests.Components;

public sealed class UsefulLinksWidgetTests : SchoolComponentTest
{
    [Fact]
    public async Task AParent_SeesTheLinksForParents_AsPlainLinksOpeningElsewhere()
    {
        var links = Database.Get<UsefulLinkService>();
        var admin = TwoSchools.As(F.AdminA, F.A);
        await links.SaveAsync(
            admin,
            new UsefulLinkDraft
            {
                Title = "Bourses",
                Url = "https://bourses.example.org",
                Audience = Profile.Parent,
            }
        );
        await links.SaveAsync(
            admin,
            new UsefulLinkDraft
            {
                Title = "Salle des profs",
                Url = "https://profs.example.org",
                Audience = Profile.Teacher,
            }
        );

        var context = await WidgetContextAsync(TwoSchools.As(F.ParentA, F.A), new WidgetSize(4, 3));
        var widget = Render<UsefulLinksWidget>(p => p.Add(w => w.Context, context));

        widget.WaitForAssertion(() => Assert.Single(widget.FindAll("a")));
        var link = widget.Find("a");
        Assert.Equal(
            ("Bourses", "https://bourses.example.org", "_blank", "noopener noreferrer"),
            (link.TextContent, link.GetAttribute("href"), link.GetAttribute("target"), link.GetAttribute("rel"))
        );
    }

    [Fact]
    public async Task NoLinkYet_SaysSo()
    {
        var context = await WidgetContextAsync(TwoSchools.As(F.StudentA, F.A), new WidgetSize(4, 3));
        var widget = Render<UsefulLinksWidget>(p => p.Add(w => w.Context, context));
        widget.WaitForAssertion(() =>
            Assert.Contains("L'établissement n'a pas encore proposé de liens.", widget.Markup)
        );
    }
}
