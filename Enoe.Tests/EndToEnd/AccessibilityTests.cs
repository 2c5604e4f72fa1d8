using System.Text.Json;
using Enoe.Tests.Support;
using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>axe-core finds no serious or critical violation on the pages people open first.</summary>
[Collection(PageSweepCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private static readonly string AxeScript = FindAxe();

    public static TheoryData<string, string?> Pages() =>
        new()
        {
            { "/", null },
            { "/college-victor-hugo", null },
            { "/college-victor-hugo/actualites/reunion-parents-professeurs", null },
            { "/connexion", null },
            { "/hors-ligne.html", null }, // the offline page, as the service worker serves it
            { "/tableau-de-bord", "lucas.martin" },
            { "/gestion/articles", "helene.carpentier" },
            { "/gestion/pages-par-defaut", "admin.victor-hugo" },
            { "/carnet-de-bord", "claire.fontaine" },
            { "/carnet-de-bord", "sophie.martin" },
            { "/documents", "claire.fontaine" },
            { "/devoirs", "claire.fontaine" },
            { "/devoirs", "lucas.martin" },
            { "/gestion/etablissement", "admin.victor-hugo" },
            { "/memos", "lucas.martin" },
            { "/memos/nouveau", "sophie.martin" },
            { "/reservations", "claire.fontaine" },
            { "/reservations/ressources", "helene.carpentier" },
            { "/notes", "claire.fontaine" },
            { "/notes", "sophie.martin" },
            { "/competences", "lucas.martin" },
            { "/emploi-du-temps", "lucas.martin" },
            { "/emploi-du-temps", "helene.carpentier" },
            { "/gestion/emploi-du-temps", "admin.victor-hugo" },
            { "/vie-scolaire", "julien.roussel" },
            { "/vie-scolaire/motifs", "julien.roussel" },
            { "/absences", "sophie.martin" },
            { "/fil-actualites", "sophie.martin" },
            { "/academie/connexion-unique", "admin.academie" },
            { "/compte/notifications", "admin.victor-hugo" },
        };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousAccessibilityViolation(string path, string? userName)
    {
        IPage page;
        if (userName is null)
            await (page = await browser.NewPageAsync()).GotoAsync(path);
        else
        {
            page = await browser.SignedInPageAsync(userName, path);
            await page.WaitForCircuitAsync();
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Evaluated, not added as a <script> tag: the page's Content-Security-Policy refuses inline scripts.
        await page.EvaluateAsync(await File.ReadAllTextAsync(AxeScript));
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
            """
        );
        await page.Context.CloseAsync(); // its circuit ends: the tests after it share the app
        Assert.Empty(violations.EnumerateArray().Select(v => v.GetString()));
    }

    private static string FindAxe()
    {
        var path = Path.Combine(
            RepositoryPaths.Root,
            "Enoe.Tests",
            "EndToEnd",
            "axe",
            "node_modules",
            "axe-core",
            "axe.min.js"
        );
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException("axe-core is missing: run ./test.sh, which installs it.", path);
    }
}
