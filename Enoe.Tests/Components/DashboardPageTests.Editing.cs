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

/// <summary>
/// Editing the page: each widget's menu, settings, the catalogue and going back to the default page.
/// </summary>
public sealed partial class DashboardPageTests
{
    [Fact]
    public void MenuAlternative_MovesAWidget_AndAsksForFocusOnItsMenuButtonAgain()
    {
        var page = Render<DashboardPage>();
        StartEditing(page);
        var before = int.Parse(page.Find("[data-widget=news]").GetAttribute("data-x")!);
        OpenMenu(page, "Actualités");
        MenuItem(page, "Déplacer à droite").Click();
        page.WaitForAssertion(() =>
            Assert.Equal(before + 1, int.Parse(page.Find("[data-widget=news]").GetAttribute("data-x")!))
        );
        Assert.Empty(page.FindAll("[role=menu]"));
        var news = PlacementId(page, "news");
        page.WaitForAssertion(() =>
            Assert.Contains(
                JSInterop.Invocations,
                i => i.Identifier == "focus" && Equals(i.Arguments[0], news) && Equals(i.Arguments[1], false)
            )
        );
        Assert.Contains(
            "Actualités : ligne 1, colonne 2",
            page.Find(".enoe-dashboard-messages [role=status]").TextContent
        );
    }

    [Fact]
    public void EditMode_GivesEachWidgetOneMenu_AndOnlyOneIsOpenAtATime()
    {
        var page = Render<DashboardPage>();
        StartEditing(page);
        Assert.DoesNotContain(
            page.FindAll("[data-widget=news] button"),
            b => b.GetAttribute("aria-label")?.StartsWith("Déplacer") == true
        ); // no more glyph buttons
        OpenMenu(page, "Actualités");
        var newsButton = page.Find("button[aria-label='Options du widget Actualités']");
        Assert.Equal(
            ("menu", "true"),
            (newsButton.GetAttribute("aria-haspopup"), newsButton.GetAttribute("aria-expanded"))
        );
        var menu = page.Find("[role=menu]");
        Assert.Equal(newsButton.GetAttribute("aria-controls"), menu.Id);
        Assert.Equal(
            [
                "Déplacer à gauche",
                "Déplacer à droite",
                "Déplacer vers le haut",
                "Déplacer vers le bas",
                "Élargir",
                "Rétrécir",
                "Agrandir en hauteur",
                "Réduire la hauteur",
                "Réglages",
                "Retirer",
            ],
            menu.QuerySelectorAll("[role=menuitem]").Select(i => i.TextContent)
        );
        Assert.True(MenuItem(page, "Déplacer à gauche").HasAttribute("disabled")); // already in the first column
        page.WaitForAssertion(() =>
            Assert.Contains(JSInterop.Invocations, i => i.Identifier == "focus" && Equals(i.Arguments[1], true))
        );

        OpenMenu(page, "Réseau d'établissement");
        var menus = page.FindAll("[role=menu]");
        Assert.Single(menus);
        Assert.NotNull(page.Find("[data-widget=school-network] [role=menu]"));
        Assert.Equal(
            "false",
            page.Find("button[aria-label='Options du widget Actualités']").GetAttribute("aria-expanded")
        );
        OpenMenu(page, "Réseau d'établissement");
        Assert.Empty(page.FindAll("[role=menu]"));
    }

    [Fact]
    public void InvalidSettings_AreRefusedWithAFrenchMessage()
    {
        var page = Render<DashboardPage>();
        StartEditing(page);
        OpenMenu(page, "Actualités");
        MenuItem(page, "Réglages").Click();
        page.Find("input[type=number]").Change("42");
        page.FindAll("button").First(b => b.TextContent == "Enregistrer").Click();
        page.WaitForAssertion(() => Assert.Contains("Affichez entre 1 et 10 actualités.", page.Markup));
    }

    [Fact]
    public void Catalogue_StaysOpenAfterAnAddition_SayingWhatWasAddedAndWhere()
    {
        var page = Render<DashboardPage>();
        StartEditing(page);
        var widgets = page.FindAll("[data-widget]").Count;
        page.FindAll("button").Single(b => b.TextContent.Contains("Ajouter un widget")).Click();
        page.Find("[aria-label='Ajouter Actualités']").Click();
        page.WaitForAssertion(() => Assert.Equal(widgets + 1, page.FindAll("[data-widget]").Count));
        var added = page.FindAll("[data-widget=news]").Select(c => int.Parse(c.GetAttribute("data-placement")!)).Max();
        var card = page.Find($"[data-placement='{added}']");
        Assert.Equal(
            $"« Actualités » ajouté : ligne {int.Parse(card.GetAttribute("data-y")!) + 1}, "
                + $"colonne {int.Parse(card.GetAttribute("data-x")!) + 1}. La page compte {widgets + 1} widgets.",
            page.Find("#enoe-catalog [role=status]").TextContent
        );
        Assert.Contains("2 sur la page", page.Find("#enoe-catalog").TextContent);

        page.Find("[aria-label='Ajouter Actualités']").Click(); // still there: add another
        page.WaitForAssertion(() => Assert.Equal(widgets + 2, page.FindAll("[data-widget]").Count));
        Assert.Contains($"La page compte {widgets + 2} widgets.", page.Find("#enoe-catalog [role=status]").TextContent);
        Assert.Contains("3 sur la page", page.Find("#enoe-catalog").TextContent);
        page.FindAll("button").Single(b => b.TextContent == "Fermer le catalogue").Click();
        Assert.Empty(page.FindAll("#enoe-catalog"));
    }

    [Fact]
    public void BackToTheDefaultPage_AsksFirst()
    {
        var page = Render<DashboardPage>();
        StartEditing(page);
        OpenMenu(page, "Actualités");
        MenuItem(page, "Retirer").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-widget=news]")));

        page.FindAll(".enoe-toolbar button").Single(b => b.TextContent == "Revenir à la page par défaut").Click();
        Assert.Contains(
            "Vos onglets et la disposition de vos widgets seront remplacés.",
            page.Find("dialog").TextContent
        );
        page.FindAll("dialog button").Single(b => b.TextContent == "Annuler").Click();
        Assert.Empty(page.FindAll("[data-widget=news]"));

        page.FindAll(".enoe-toolbar button").Single(b => b.TextContent == "Revenir à la page par défaut").Click();
        page.FindAll("dialog button").Single(b => b.TextContent == "Revenir à la page par défaut").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-widget=news]")));
    }
}
