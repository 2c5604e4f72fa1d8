using System.Globalization;
using System.Security.Claims;
using Bunit;
using Enoe.Data.Dashboards;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.SchoolNetwork;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Enoe.Widgets;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Dashboard;
using Enoe.Widgets.News;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Enoe.Tests.Components;

/// <summary>A widget that always fails, to prove one broken widget never breaks the page.</summary>
public sealed class ThrowingWidget : ComponentBase
{
    [Parameter]
    public WidgetContext Context { get; set; } = default!;

    protected override void OnInitialized() => throw new InvalidOperationException("boom");
}

public sealed partial class DashboardPageTests : BunitContext, IAsyncLifetime
{
    private static readonly WidgetDescriptor Boom = new(
        "boom",
        () => "Boom",
        "",
        EntService.Dashboard,
        Profile.Everyone,
        new(4, 2),
        new(2, 1),
        typeof(ThrowingWidget),
        PhoneOrder: 5
    );
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        // The real catalogue plus a broken widget, shared by the data layer and the page.
        _database = await TestDatabase.CreateAsync(configure: s => s.AddEnoeWidgets().AddWidget(Boom));
        _f = await TwoSchools.CreateAsync(_database);
        this.AddDashboardServices(_database);
        var auth = AddAuthorization();
        auth.SetAuthorized("StudentA");
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, _f.StudentA.Id.ToString()),
            new Claim(EnoeClaims.School, _f.A.Id.ToString()),
            new Claim(EnoeClaims.Profile, nameof(Profile.Student))
        );
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void BrokenWidget_ShowsAnErrorCard_AndTheOthersStillRender()
    {
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() =>
            Assert.Contains("Ce widget a rencontré un problème.", page.Find("[data-widget=boom]").TextContent)
        );
        Assert.Contains("Rechercher une personne", page.Find("[data-widget=school-network]").InnerHtml);
        Assert.NotNull(page.Find("[data-widget=news]"));
    }

    private static void StartEditing(IRenderedComponent<DashboardPage> page)
    {
        page.WaitForElement("[data-widget=news]");
        page.FindAll("button").Single(b => b.TextContent.Contains("Modifier la page")).Click();
    }

    private static void OpenMenu(IRenderedComponent<DashboardPage> page, string widgetTitle) =>
        page.Find($"button[aria-label=\"Options du widget {widgetTitle}\"]").Click();

    private static AngleSharp.Dom.IElement MenuItem(IRenderedComponent<DashboardPage> page, string label) =>
        page.FindAll("[role=menu] [role=menuitem]").Single(i => i.TextContent == label);

    private int PlacementId(IRenderedComponent<DashboardPage> page, string key) =>
        int.Parse(page.Find($"[data-widget={key}]").GetAttribute("data-placement")!);

    [Fact]
    public async Task WidgetsDisplacedByALockedOne_WaitInTheTray_AndOneClickPutsThemBack()
    {
        await GiveStudentAPageAsync(lockNewsOverTheNetwork: true);
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-widget=news]");
        Assert.Empty(page.FindAll("[data-widget=school-network]"));
        var tray = page.Find(".enoe-tray");
        Assert.Contains("Rangés (1)", tray.TextContent);
        page.Find("[aria-label=\"Remettre Réseau d'établissement sur la page\"]").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-widget=school-network]")));
        Assert.Empty(page.FindAll(".enoe-tray"));
        Assert.Contains(
            "« Réseau d'établissement » est de retour sur la page : ligne 4, colonne 1.",
            page.Find(".enoe-dashboard-messages [role=status]").TextContent
        );
    }

    [Fact]
    public async Task ARefusedMove_SaysWhyBesideTheGrid_AndNothingMoves()
    {
        await GiveStudentAPageAsync(lockNewsOverTheNetwork: false);
        var page = Render<DashboardPage>();
        StartEditing(page);
        OpenMenu(page, "Réseau d'établissement");
        MenuItem(page, "Déplacer à gauche").Click();
        page.WaitForAssertion(() =>
            Assert.Equal(
                "Un widget verrouillé occupe cette place.",
                page.Find(".enoe-dashboard-messages [role=alert]").TextContent
            )
        );
        Assert.Equal("6", page.Find("[data-widget=school-network]").GetAttribute("data-x"));
    }

    [Fact]
    public void OnAPhone_CardsAreOrderedByTheirWidgetsPhonePriority_SetByTheServer()
    {
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-widget=boom]");
        Assert.Contains("--enoe-phone-order: 5;", page.Find("[data-widget=boom]").GetAttribute("style"));
        var news = Services.GetRequiredService<WidgetCatalog>().Get("news")!;
        Assert.Contains(
            $"--enoe-phone-order: {news.PhoneOrder};",
            page.Find("[data-widget=news]").GetAttribute("style")
        );
    }

    [Fact]
    public void TheDashboard_SpeaksEnglish_ToAnEnglishReader()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var page = Render<DashboardPage>();
            page.WaitForElement("[data-widget=news]");
            Assert.Equal("Home", page.Find("[role=tab]").TextContent);
            page.FindAll("button").Single(b => b.TextContent.Contains("Edit page")).Click();
            Assert.Contains(page.FindAll("button"), b => b.TextContent.Contains("Add a widget"));
            Assert.Contains(page.FindAll("button"), b => b.TextContent.Contains("Back to the default page"));
            page.Find("button[aria-label='News widget options']").Click();
            Assert.Equal(
                [
                    "Move left",
                    "Move right",
                    "Move up",
                    "Move down",
                    "Make wider",
                    "Make narrower",
                    "Make taller",
                    "Make shorter",
                    "Settings",
                    "Remove",
                ],
                page.FindAll("[role=menuitem]").Select(i => i.TextContent)
            );
            page.FindAll("button").Single(b => b.TextContent.Contains("Add a widget")).Click();
            page.Find("[aria-label='Add News']").Click();
            page.WaitForAssertion(() =>
                Assert.StartsWith("“News” added at row", page.Find("#enoe-catalog [role=status]").TextContent)
            );
            Assert.DoesNotContain("Ajouter", page.Markup);
            Assert.DoesNotContain("Déplacer", page.Markup);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>
    /// News at the top left, the network beside it; the school locks the news where the network stands, or only where
    /// it is.
    /// </summary>
    private async Task GiveStudentAPageAsync(bool lockNewsOverTheNetwork)
    {
        await using var db = _database.NewContext();
        db.DashboardTabs.Add(
            new DashboardTab
            {
                PersonId = _f.StudentA.Id,
                SchoolId = _f.A.Id,
                Title = "Accueil",
                Placements =
                [
                    new()
                    {
                        WidgetKey = "news",
                        X = 0,
                        Y = 0,
                        Width = 6,
                        Height = 3,
                    },
                    new()
                    {
                        WidgetKey = "school-network",
                        X = 6,
                        Y = 0,
                        Width = 6,
                        Height = 3,
                    },
                ],
            }
        );
        db.DefaultLayouts.Add(
            new DefaultLayout
            {
                SchoolId = _f.A.Id,
                Profile = Profile.Student,
                Placements =
                [
                    new DefaultPlacement
                    {
                        WidgetKey = "news",
                        X = lockNewsOverTheNetwork ? 4 : 0,
                        Y = 0,
                        Width = 6,
                        Height = 3,
                        Locked = true,
                    },
                ],
            }
        );
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Catalogue_OffersOnlyWhatTheSchoolRuns()
    {
        await using (var db = _database.NewContext())
            await db.RunAllButAsync(_f.A.Id, EntService.DigitalResources);
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-widget=news]");
        Assert.Empty(page.FindAll("[data-widget=resources]"));
        page.FindAll("button").Single(b => b.TextContent.Contains("Modifier la page")).Click();
        page.FindAll("button").Single(b => b.TextContent.Contains("Ajouter un widget")).Click();
        var offered = page.FindAll("[aria-label^='Ajouter ']").Select(b => b.GetAttribute("aria-label")).ToList();
        Assert.Contains("Ajouter Actualités", offered);
        Assert.DoesNotContain("Ajouter Ressources académiques", offered);
    }
}
