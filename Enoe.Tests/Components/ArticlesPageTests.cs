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
using static Enoe.Tests.Components.OneValidationPathTests;

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
        Services.AddSingleton(_database.Get<Enoe.Data.Events.IEventBus>());
        Services.AddSingleton(_database.Get<Enoe.Data.Schools.ServiceAccess>());
        var auth = AddAuthorization();
        auth.SetAuthorized("StaffA");
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, _f.StaffA.Id.ToString()),
            new Claim(EnoeClaims.School, _f.A.Id.ToString()),
            new Claim(EnoeClaims.Profile, nameof(Profile.Staff))
        );
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

        // Under the title, once: the service is not asked to repeat it in an alert.
        page.WaitForAssertion(() => Assert.Contains("Le titre est obligatoire.", FieldMessages(page)));
        Assert.Empty(page.FindAll("[role=alert]"));
        Assert.Equal(
            "Texte que je ne veux pas perdre",
            page.Find("textarea").GetAttribute("value") ?? page.Find("textarea").TextContent
        );
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task SavingAValidArticle_StoresIt_AndListsIt()
    {
        var page = Render<ArticlesPage>();
        page.WaitForElement("input").Change("Sortie au musée");
        page.Find("textarea").Input("Départ **8 h**.");
        // Live preview, debounced
        page.WaitForAssertion(() => Assert.Contains("<strong>8 h</strong>", page.Find(".enoe-preview").InnerHtml));
        page.FindAll("button").Single(b => b.TextContent.Contains("Enregistrer")).Click();

        page.WaitForAssertion(() => Assert.Contains("Article enregistré.", page.Markup));
        Assert.Contains("Sortie au musée", page.Find("nav").TextContent);
        await using var db = _database.NewContext();
        Assert.Equal("sortie-au-musee", (await db.Articles.SingleAsync()).Slug);
    }

    [Fact]
    public async Task DeletingAnArticle_AsksFirst_CancelKeepsIt_ConfirmDeletesIt()
    {
        var saved = await _database
            .Get<ArticleService>()
            .SaveAsync(
                TwoSchools.As(_f.StaffA, _f.A),
                new ArticleDraft
                {
                    SchoolId = _f.A.Id,
                    Title = "Portes ouvertes",
                    BodyMarkdown = "Samedi matin.",
                }
            );
        Assert.True(saved.Succeeded);
        var page = Render<ArticlesPage>();
        page.WaitForElement("nav button.enoe-link-button").Click();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("button"), b => b.TextContent.Trim() == "Supprimer"));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Supprimer" && b.Closest("dialog") is null).Click();
        page.WaitForAssertion(() =>
            Assert.Contains(
                "Supprimer l'article « Portes ouvertes » ? Il disparaîtra du site public.",
                page.Find("dialog").TextContent
            )
        );
        var renders = page.RenderCount;
        page.FindAll("dialog button")[1].Click(); // Annuler
        page.WaitForState(() => page.RenderCount > renders); // the page has heard the answer
        await using (var db = _database.NewContext())
            Assert.Equal(1, await db.Articles.CountAsync());

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Supprimer" && b.Closest("dialog") is null).Click();
        page.WaitForElement("dialog .enoe-tool-danger").Click();
        page.WaitForAssertion(() => Assert.Contains("Article supprimé.", page.Markup));
        await using (var db = _database.NewContext())
            Assert.Equal(0, await db.Articles.CountAsync());
    }

    [Fact]
    public void TheBodysLimit_IsWhatTheServerAccepts()
    {
        var page = Render<ArticlesPage>();
        Assert.Equal(
            ArticleDraftValidator.BodyMax.ToString(),
            page.WaitForElement("textarea").GetAttribute("maxlength")
        );
    }

    [Fact]
    public async Task TheEditor_AndItsValidationMessages_SpeakEnglishToAnEnglishReader()
    {
        using var _ = new InEnglish();
        var page = Render<ArticlesPage>();
        page.WaitForAssertion(() => Assert.Equal("Public website articles", page.Find("h1").TextContent));
        page.Find("textarea").Input("Text I do not want to lose");
        page.FindAll("button").Single(b => b.TextContent.Contains("Save")).Click();

        page.WaitForAssertion(() => Assert.Contains("The title is required.", FieldMessages(page)));
        Assert.Contains("New article", page.Markup);
        Assert.DoesNotContain("Enregistrer", page.Markup);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Articles.CountAsync());
    }
}
