using Bunit;
using Enoe.App.Components.Layout;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Enoe.Tests.Components;

public sealed class NavMenuTests : BunitContext
{
    public NavMenuTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddEnoeWidgets();
        // It needs a database; these tests are about links
        ComponentFactories.AddStub<Enoe.Widgets.Memos.UnreadMemosBadge>();
    }

    private static Workspace As(Profile profiles, ServiceSet services) =>
        new(
            1,
            "Claire Fontaine",
            "claire.fontaine",
            new WorkspaceSchool(
                1,
                "Collège Victor Hugo",
                SchoolKind.College,
                "college-victor-hugo",
                "#1e5aa8",
                null,
                services
            ),
            profiles,
            [],
            [],
            "Académie de Besançon"
        );

    private string[] LinksFor(Profile profiles, ServiceSet services, StaffFunction functions = StaffFunction.None) =>
        [
            .. Render<NavMenu>(p => p.Add(m => m.Workspace, As(profiles, services) with { Functions = functions }))
                .FindAll("a")
                .Select(a => a.TextContent.Trim()),
        ];

    [Fact]
    public void Teacher_SeesTheDashboard_ButNotTheSiteEditor()
    {
        var links = LinksFor(Profile.Teacher, ServiceSet.All);
        Assert.Contains("Tableau de bord", links);
        Assert.DoesNotContain("Site public", links);
    }

    [Fact]
    public void Staff_SeesTheSiteEditor_WhereTheSchoolRunsItsPublicSite()
    {
        Assert.Contains("Site public", LinksFor(Profile.Staff, ServiceSet.All));
        Assert.DoesNotContain("Site public", LinksFor(Profile.Staff, ServiceSet.AllBut(EntService.PublicSite)));
    }

    [Fact]
    public void SwitchedOffService_DisappearsForEveryone()
    {
        Assert.DoesNotContain("Tableau de bord", LinksFor(Profile.Everyone, ServiceSet.AllBut(EntService.Dashboard)));
    }

    [Fact]
    public void TheTimetableImport_ShowsToWhoeverMayImport_TheDirectionAndTheEntAdmin()
    {
        const string Import = "Import de l'emploi du temps";
        Assert.Contains(Import, LinksFor(Profile.SchoolAdmin, ServiceSet.All));
        Assert.Contains(Import, LinksFor(Profile.Staff, ServiceSet.All, StaffFunction.Direction));
        Assert.DoesNotContain(Import, LinksFor(Profile.Staff, ServiceSet.All, StaffFunction.Cpe));
        Assert.DoesNotContain(Import, LinksFor(Profile.Staff, ServiceSet.All));
        Assert.DoesNotContain(Import, LinksFor(Profile.Teacher, ServiceSet.All));
        Assert.DoesNotContain(
            Import,
            LinksFor(Profile.Staff, ServiceSet.AllBut(EntService.Timetable), StaffFunction.Direction)
        );
    }
}
