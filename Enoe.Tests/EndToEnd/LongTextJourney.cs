using System.Text;
using Enoe.Data;
using Enoe.Data.Memos;
using Enoe.Data.PublicSite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// Long texts reach the server whole. Under SignalR's default 32 KB a 40 KB article dropped the
/// circuit and nothing was saved, and a 20,000-character mémo answered "Le mémo est vide".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongTextJourney(BrowserFixture browser)
{
    /// <summary>
    /// Tens of kilobytes go through the circuit, the sanitizer and the database: the page's own budget (15 s), not
    /// Expect's 5 s.
    /// </summary>
    private static readonly LocatorAssertionsToContainTextOptions Long = new() { Timeout = 15_000 };

    /// <summary>
    /// French prose of exactly <paramref name="length"/> characters (accents, ’ « », line breaks) ending with
    /// <paramref name="end"/>.
    /// </summary>
    private static string French(int length, string end)
    {
        const string sentence =
            "Les élèves étudieront « Les Misérables » d’après l’édition "
            + "de 1862 : lecture, résumé et débat — qu’est-ce qu’un héros ? ";
        var text = new StringBuilder();
        for (var i = 1; text.Length < length; i++)
            text.Append(sentence).Append(i % 5 == 0 ? "\n\n" : "");
        text.Length = length - end.Length;
        return text.ToString() + end;
    }

    private async Task<T> QueryAsync<T>(Func<EnoeDbContext, Task<T>> query)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EnoeDbContext>());
    }

    [Fact]
    public async Task AnArticleOf40KB_IsSavedAndReadBack()
    {
        var body = French(40_000, "FIN DE L’ARTICLE");
        Assert.True(Encoding.UTF8.GetByteCount(body) > 40 * 1024);
        var page = await browser.OpenAsync("helene.carpentier", "/gestion/articles");
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync("Projet d’établissement 2026");
        await page.GetByLabel("Texte (Markdown)").FillAsync(body);
        // The text has reached the server
        await Expect(page.GetByLabel("Aperçu")).ToContainTextAsync("FIN DE L’ARTICLE", Long);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Article enregistré.", Long);

        Assert.Equal(
            body,
            await QueryAsync(db =>
                db.Articles.Where(a => a.Title == "Projet d’établissement 2026")
                    .Select(a => a.BodyMarkdown)
                    .SingleAsync()
            )
        );
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Projet d’établissement 2026" }).ClickAsync();
        await Expect(page.GetByLabel("Texte (Markdown)")).ToHaveValueAsync(body, new() { Timeout = Long.Timeout });
    }

    [Fact]
    public async Task AMemoOf20000Characters_IsSentAndReceivedWhole()
    {
        var body = French(MemoDraftValidator.BodyMax, "FIN DU MÉMO");
        var teacher = await browser.OpenAsync("claire.fontaine", "/memos/nouveau");
        await teacher.GetByLabel("Destinataires").FillAsync("Girard");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Nathalie Girard" }).ClickAsync();
        await teacher.GetByLabel("Objet").FillAsync("Programme du trimestre");
        await teacher.GetByLabel("Message").FillAsync(body);
        await Expect(teacher.GetByLabel("Message")).ToHaveValueAsync(body); // the field takes exactly its limit…
        await Expect(teacher.Locator("[data-text-limit]")).ToContainTextAsync("caractères atteinte"); // …and says so
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Programme du trimestre" }))
            .ToBeVisibleAsync(new() { Timeout = Long.Timeout });

        Assert.Equal(
            body,
            await QueryAsync(db =>
                db.Memos.Where(m => m.Subject == "Programme du trimestre").Select(m => m.Body).SingleAsync()
            )
        );
        Assert.DoesNotContain(
            await teacher.EvaluateAsync<string[]>("() => Object.keys(localStorage)"),
            key => key.EndsWith(".compose")
        ); // sent: no draft left
        var reader = await browser.OpenAsync(
            "nathalie.girard",
            teacher.Url[teacher.Url.IndexOf("/memos/", StringComparison.Ordinal)..]
        );
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Name = "Programme du trimestre" })).ToBeVisibleAsync();
        await Expect(reader.Locator(".enoe-memo-body")).ToContainTextAsync("FIN DU MÉMO", Long);
    }
}
