using System.Text.Json;
using System.Text.RegularExpressions;
using Enoe.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// ENOE as an app on a phone (390 × 844): the service worker takes over, and once the network is cut a page reloaded
/// gives the offline page, with the homework the carnet de bord last showed and when it was saved; back online the app
/// works again; signing out forgets that homework.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineAppJourney(BrowserFixture browser)
{
    private const string StorageKey = "enoe.devoirs-hors-ligne";

    [Fact]
    public async Task CutOff_AStudentReloads_AndReadsTheOfflinePageWithTheLastHomework_UntilSigningOut()
    {
        var homework = $"Exercice {Random.Shared.Next(100, 999)} hors ligne";
        // For Lucas's class, due in two days (within the carnet's two weeks of homework).
        var maths = await ClaireIn4eA.FindAsync(browser.Services);
        await maths.SaveTodayAsync(
            browser.Services,
            "Révisions",
            $"**{homework}** <i>sans balise</i>, page 57",
            dueInDays: 2
        );
        var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("lucas.martin");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();
        // The "Mon carnet" widget keeps the list it shows; then, that copy gone, the carnet de bord keeps its own.
        await KeptAsync(page, homework);
        await page.EvaluateAsync($"() => localStorage.removeItem('{StorageKey}')");
        await page.GotoAsync("/carnet-de-bord");
        await page.WaitForCircuitAsync();
        await Expect(page.GetByText(homework).First).ToBeVisibleAsync();
        await KeptAsync(page, homework);
        // The worker is active and controls the page.
        Assert.True(await page.EvaluateAsync<bool>("async () => !!(await navigator.serviceWorker.ready).active"));
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes hors ligne" })).ToBeVisibleAsync();
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(page.Locator("#homework-saved"))
            .ToHaveTextAsync(new Regex(@"^Enregistrés le \d{1,2} [^ ]+ \d{4} à \d{2}:\d{2} \(Lucas Martin\)\.$"));
        var row = page.Locator("#homework-list li", new() { HasText = homework });
        await Expect(row).ToContainTextAsync("Mathématiques");
        await Expect(row).ToContainTextAsync("page 57");
        await Expect(row).Not.ToContainTextAsync("**"); // the Markdown read as text
        // Text only: what a teacher typed never becomes markup on this page.
        Assert.Equal(0, await page.Locator("#homework-list i, #homework-list b").CountAsync());
        Assert.Empty(await WiderThanTheScreenAsync(page));

        await context.SetOfflineAsync(false);
        await page.GetByRole(AriaRole.Button, new() { Name = "Réessayer" }).ClickAsync();
        await page.WaitForCircuitAsync();
        await Expect(page.GetByText(homework).First).ToBeVisibleAsync();

        // Signing out forgets the homework: the next person on this phone reads none of it, even offline.
        await page.OpenUserMenuAsync("Lucas Martin", "Se déconnecter");
        await page.GetByText("Se déconnecter", new() { Exact = true }).ClickAsync();
        // The sign-in page: the post's own redirect, or the circuit's when the sign-out reached it first.
        await page.WaitForURLAsync(new Regex("/connexion\\?"));
        await page.WaitForFunctionAsync($"() => localStorage.getItem('{StorageKey}') === null");
        await context.SetOfflineAsync(true);
        await page.GotoAsync("/carnet-de-bord");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes hors ligne" })).ToBeVisibleAsync();
        await Expect(page.Locator("#homework-saved")).ToContainTextAsync("Aucun devoir n'a été enregistré");
        await Expect(page.Locator("#homework-list")).ToBeHiddenAsync();
        await context.CloseAsync();
    }

    private static Task KeptAsync(IPage page, string homework) =>
        page.WaitForFunctionAsync($"text => (localStorage.getItem('{StorageKey}') ?? '').includes(text)", homework);

    /// <summary>The elements reaching past the 390 px screen (none may: the page must not scroll sideways).</summary>
    private static async Task<List<string>> WiderThanTheScreenAsync(IPage page)
    {
        var report = await page.EvaluateAsync<JsonElement>(
            """
            () => {
                const width = document.documentElement.clientWidth;
                const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > width + 1)
                    .map(e => `${e.tagName.toLowerCase()}#${e.id} (${Math.round(e.getBoundingClientRect().right)} px)`);
                if (document.documentElement.scrollWidth > width + 1 || width > 390)
                    wide.push(`page ${document.documentElement.scrollWidth} px on ${width} px`);
                return wide;
            }
            """
        );
        return [.. report.EnumerateArray().Select(e => e.GetString()!)];
    }
}
