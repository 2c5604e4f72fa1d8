using System.Security.Claims;
using Bunit;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Resources;
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
    [Parameter] public WidgetContext Context { get; set; } = default!;
    protected override void OnInitialized() => throw new InvalidOperationException("boom");
}

public sealed class DashboardPageTests : BunitContext, IAsyncLifetime
{
    private static readonly WidgetDescriptor Boom = new("boom", "Boom", "", EntService.Dashboard, Profile.Everyone, new(4, 2), new(2, 1), typeof(ThrowingWidget));
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
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _f.StudentA.Id.ToString()), new Claim(EnoeClaims.School, _f.A.Id.ToString()),
            new Claim(EnoeClaims.Profile, nameof(Profile.Student)));
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
        page.WaitForAssertion(() => Assert.Contains("Ce widget a rencontré un problème.", page.Find("[data-widget=boom]").TextContent));
        Assert.Contains("Rechercher une personne", page.Find("[data-widget=school-network]").InnerHtml);
        Assert.NotNull(page.Find("[data-widget=news]"));
    }

    [Fact]
    public void ButtonAlternative_MovesAWidget()
    {
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-widget=news]");
        page.FindAll("button").Single(b => b.TextContent.Contains("Modifier la page")).Click();
        var before = int.Parse(page.Find("[data-widget=news]").GetAttribute("data-x")!);
        page.Find("[aria-label='Déplacer Actualités vers la droite']").Click();
        page.WaitForAssertion(() => Assert.Equal(before + 1, int.Parse(page.Find("[data-widget=news]").GetAttribute("data-x")!)));
    }

    [Fact]
    public void InvalidSettings_AreRefusedWithAFrenchMessage()
    {
        var page = Render<DashboardPage>();
        page.WaitForElement("[data-widget=news]");
        page.FindAll("button").Single(b => b.TextContent.Contains("Modifier la page")).Click();
        page.Find("[aria-label='Réglages de Actualités']").Click();
        page.Find("input[type=number]").Change("42");
        page.FindAll("button").First(b => b.TextContent == "Enregistrer").Click();
        page.WaitForAssertion(() => Assert.Contains("Affichez entre 1 et 10 actualités.", page.Markup));
    }

    [Fact]
    public void Catalogue_OffersOnlyWhatTheSchoolRuns()
    {
        using (var db = _database.NewContext())
        {
            db.Schools.Single(s => s.Id == _f.A.Id).Services = EntService.All & ~EntService.Resources;
            db.SaveChanges();
        }
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
