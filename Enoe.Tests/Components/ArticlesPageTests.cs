using System.Security.Claims;
using Bunit;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Tests.Support;
using Enoe.Widgets;
using Enoe.Widgets.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Enoe.Tests.Components;

public sealed class ArticlesPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        // The suite runs browser and server tests beside these on two cores: give renders time.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddEnoeWidgets();
        Services.AddSingleton(_database.Get<ArticleService>());
        Services.AddSingleton(_database.Get<WorkspaceService>());
        var auth = AddAuthorization();
        auth.SetAuthorized("StaffA");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _f.StaffA.Id.ToString()), new Claim(EnoeClaims.School, _f.A.Id.ToString()),
            new Claim(EnoeClaims.Profile, nameof(Profile.Staff)));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SavingWithoutTitle_ShowsTheFrenchMessage_KeepsTheText_AndWritesNothing()
    {
        var page = Render<ArticlesPage>();
        page.WaitForElement("textarea").Input("Texte que je ne veux pas perdre");
        page.FindAll("button").Single(b => b.TextContent.Contains("Enregistrer")).Click();

        page.WaitForAssertion(() => Assert.Contains("Le titre est obligatoire.", page.Find("[role=alert]").TextContent));
        Assert.Equal("Texte que je ne veux pas perdre", page.Find("textarea").GetAttribute("value") ?? page.Find("textarea").TextContent);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task SavingAValidArticle_StoresIt_AndListsIt()
    {
        var page = Render<ArticlesPage>();
        page.WaitForElement("input").Change("Sortie au musée");
        page.Find("textarea").Input("Départ **8 h**.");
        page.WaitForAssertion(() => Assert.Contains("<strong>8 h</strong>", page.Find(".enoe-preview").InnerHtml)); // live preview, debounced
        page.FindAll("button").Single(b => b.TextContent.Contains("Enregistrer")).Click();

        page.WaitForAssertion(() => Assert.Contains("Article enregistré.", page.Markup));
        Assert.Contains("Sortie au musée", page.Find("nav").TextContent);
        await using var db = _database.NewContext();
        Assert.Equal("sortie-au-musee", (await db.Articles.SingleAsync()).Slug);
    }
}
