using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>The Rectorat's console in a real browser, beside the people its switches reach.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AcademyConsoleJourney(BrowserFixture browser)
{
    [Fact]
    public async Task ClosingAService_ClosesItsPageAlreadyOpenInAnotherBrowser_AtOnce()
    {
        var librarian = await browser.OpenAsync("sylvie.morel", "/memos"); // CDI, Collège Louis Pasteur
        await Expect(librarian.GetByRole(AriaRole.Heading, new() { Name = "Mémos", Level = 1 })).ToBeVisibleAsync();
        var navigation = librarian.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Mémos" })).ToBeVisibleAsync();
        try
        {
            var rectorat = await browser.OpenAsync("admin.academie", "/academie/services");
            await rectorat
                .GetByLabel("Mémos – Collège Louis Pasteur")
                .SelectOptionAsync(new SelectOptionValue { Label = "Fermé" });
            var question = rectorat.Locator(".enoe-dialog-text");
            await Expect(question).ToContainTextAsync("Fermer Mémos dans 1 établissement(s) (Collège Louis Pasteur) ?");
            await rectorat.GetByRole(AriaRole.Button, new() { Name = "Appliquer", Exact = true }).ClickAsync();
            await Expect(rectorat.GetByText("Mémos : 1 établissement(s) changé(s).")).ToBeVisibleAsync();

            // The other browser, without reloading: the page gives way to the refusal, the menu drops the link.
            await Expect(librarian.GetByRole(AriaRole.Heading, new() { Name = "Mémos", Level = 1 }))
                .ToHaveCountAsync(0);
            await Expect(librarian.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Mémos" })).ToHaveCountAsync(0);
        }
        finally
        {
            await ReopenAsync("college-pasteur-dole", EntService.Memos);
        }
    }

    [Fact]
    public async Task TheRectorat_ReadsTheDeploymentTable_ItsCharts_AndExportsIt()
    {
        var page = await browser.OpenAsync("admin.academie", "/academie/statistiques");
        var table = page.Locator("table.enoe-deployment");
        await Expect(table.Locator("tr", new() { HasText = "Établissements (EPLE)" })).ToBeVisibleAsync();
        await Expect(table.Locator("tr", new() { HasText = "Mémos" }).Locator("td").First).ToHaveTextAsync(Share());
        await Expect(page.Locator(".enoe-charts figure svg")).ToHaveCountAsync(4);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" }).ClickAsync()
        );
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("\uFEFFindicateur;total;sur;pourcentage;college;", csv);
        Assert.Contains("\r\nMémos;", csv);
    }

    [Fact]
    public async Task TheRectorat_ImportsEtablissements_ThenSeesThemInTheTable_AndItsCsv()
    {
        string[] uais = [Uai.Create("0259901"), Uai.Create("0259902")];
        var csv =
            "uai;nom;type;commune;reseau;services;acces_exterieur\r\n"
            + $"{uais[0]};EREA Les Tilleuls;erea;Besançon;scribe;portail,site,carnet;non\r\n"
            + $"{uais[1]};EREA du Doubs;erea;Pontarlier;;portail,memos;oui\r\n";
        try
        {
            var page = await browser.OpenAsync("admin.academie", "/academie/etablissements/import");
            await page.GetByLabel("Fichier CSV des établissements")
                .SetInputFilesAsync(
                    new FilePayload
                    {
                        Name = "etablissements.csv",
                        MimeType = "text/csv",
                        Buffer =
                        [
                            .. System.Text.Encoding.UTF8.GetPreamble(),
                            .. System.Text.Encoding.UTF8.GetBytes(csv),
                        ],
                    }
                );
            await Expect(page.GetByText("2 créé(s), 0 modifié(s), 0 inchangé(s)")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer l'import" }).ClickAsync();
            await Expect(page.GetByText("Import terminé.")).ToBeVisibleAsync();

            await page.GotoAsync("/academie/statistiques");
            await page.WaitForCircuitAsync();
            var table = page.Locator("table.enoe-deployment");
            await Expect(table.Locator("thead")).ToContainTextAsync("EREA");
            var schools = table.Locator("tr", new() { HasText = "Établissements (EPLE)" }).Locator("td");
            await Expect(schools.Last).ToHaveTextAsync("2"); // the EREA column, the last kind
            var portal = table.Locator("tr", new() { HasText = "Accessibles depuis l'extérieur (SAS)" }).Locator("td");
            await Expect(portal.Last).ToHaveTextAsync("1 / 2 (50 %)");
            await Expect(page.Locator(".enoe-charts figure svg").First).ToBeVisibleAsync();

            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV" }).ClickAsync()
            );
            var lines = (await File.ReadAllTextAsync(await download.PathAsync())).Split("\r\n");
            Assert.EndsWith(";erea;erea_sur;erea_pourcentage", lines[0]);
            Assert.EndsWith(";1;2;50", lines.Single(l => l.StartsWith("Accessibles depuis l'extérieur (SAS);")));
            Assert.EndsWith(";1;2;50", lines.Single(l => l.StartsWith("Réseau pédagogique : Scribe;")));
        }
        finally
        {
            // The shared app's other journeys count the demo's établissements.
            await using var scope = browser.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Enoe.Data.EnoeDbContext>();
            await db.Schools.Where(s => uais.Contains(s.Uai)).ExecuteDeleteAsync();
        }
    }

    /// <summary>"n / N (p %)", whatever the demo's figures.</summary>
    private static System.Text.RegularExpressions.Regex Share() => new(@"^\d+ / \d+ \(\d+ %\)$");

    /// <summary>Puts the shared app's établissement back as the other journeys expect it, whatever happened.</summary>
    private async Task ReopenAsync(string slug, EntService service)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Enoe.Data.EnoeDbContext>();
        var school = await db.Schools.SingleAsync(s => s.Slug == slug);
        await db.Set<ClosedService>()
            .Where(c => c.SchoolId == school.Id && c.ServiceKey == service.Key)
            .ExecuteDeleteAsync();
        await scope.ServiceProvider.GetRequiredService<IEventBus>().PublishAsync(new SchoolServicesChanged(school.Id));
        await browser.Services.DeliveredAsync(); // every cache and open page has heard of it
    }
}
