using System.Text.Json;
using Enoe.Data;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// The mémo pages and the article editor on a 390 × 844 phone: nothing wider than the screen, controls a finger can
/// hit (44 px).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MemoPhoneJourney(BrowserFixture browser)
{
    private const string Check = """
        () => {
            const controls = ':is(button, a.enoe-tool, a.enoe-tab, input, select, '
                + '.enoe-rows a, .enoe-pager a, .enoe-link-button)';
            const small = [...document.querySelectorAll(
                `.enoe-memos ${controls}, .enoe-composer ${controls}, .enoe-editor ${controls}`)]
                .filter(e => e.offsetParent !== null && e.type !== 'hidden')
                .map(e => [e, e.getBoundingClientRect()])
                .filter(([e, r]) => r.width > 0 && (r.height < 43.5 || r.width < 43.5))
                .map(([e, r]) => `${e.tagName.toLowerCase()}.${e.className} `
                    + `"${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}" `
                    + `${Math.round(r.width)}×${Math.round(r.height)}`);
            return { overflow: document.documentElement.scrollWidth - window.innerWidth, small };
        }
        """;

    private async Task<IPage> PhoneAsync(string userName)
    {
        var context = await browser.Browser.NewContextAsync(
            new()
            {
                BaseURL = browser.BaseUrl,
                Locale = "fr-FR",
                ViewportSize = new() { Width = 390, Height = 844 },
                IsMobile = true,
                HasTouch = true,
            }
        );
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        return page;
    }

    private static async Task AssertFitsAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        var result = await page.EvaluateAsync<JsonElement>(Check);
        Assert.True(
            result.GetProperty("overflow").GetInt32() <= 0,
            $"{path} is {result.GetProperty("overflow").GetInt32()} px wider than the screen"
        );
        Assert.True(
            result.GetProperty("small").GetArrayLength() == 0,
            $"{path}: controls under 44 px: {result.GetProperty("small")}"
        );
    }

    [Fact]
    public async Task MemoPages_AndTheArticleEditor_FitAPhone_WithControlsAFingerCanHit()
    {
        int memoId;
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var school = await db.Schools.Where(s => s.Slug == "college-victor-hugo").Select(s => s.Id).SingleAsync();
            var teacher = await db.Users.Where(u => u.UserName == "claire.fontaine").Select(u => u.Id).SingleAsync();
            var colleague = await db.Users.Where(u => u.UserName == "julien.roussel").Select(u => u.Id).SingleAsync();
            var sent = await scope
                .ServiceProvider.GetRequiredService<MemoService>()
                .SendAsync(
                    new CurrentUser(teacher, "Claire", school, Profile.Teacher),
                    new MemoDraft
                    {
                        To = [new(AudienceKind.Person, colleague, "Julien Roussel")],
                        Subject =
                            "Sortie pédagogique : la liste des documents "
                            + "à fournir par chaque famille avant le départ",
                        Body =
                            "Voir https://www.example.org/une/tres/longue/adresse/sans/espace/"
                            + "qui/ne/tient/pas/sur/un/telephone/de/390/pixels/de/large\n\n"
                            + "```\nune_ligne_de_code_tres_longue_qui_ne_se_coupe_pas "
                            + "= calculer(la_moyenne, des_notes, du_trimestre, pour_chaque_eleve)\n```\n\n"
                            + "| Élève | Autorisation | Paiement | Régime | Remarque |\n|---|---|---|---|---|\n"
                            + "| Lucas Martin | reçue | reçu | externe | aucune remarque particulière |",
                    },
                    []
                );
            Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
            memoId = sent.Value;
        }

        var teacherPhone = await PhoneAsync("claire.fontaine");
        Assert.True(await teacherPhone.EvaluateAsync<bool>("() => matchMedia('(pointer: coarse)').matches"));
        foreach (var path in new[] { "/memos", "/memos?dossier=envoyes", "/memos/nouveau", $"/memos/{memoId}" })
            await AssertFitsAsync(teacherPhone, path);

        var editorPhone = await PhoneAsync("helene.carpentier");
        await AssertFitsAsync(editorPhone, "/gestion/articles");
        await editorPhone.Locator("nav .enoe-link-button").First.ClickAsync();
        await editorPhone.GetByRole(AriaRole.Button, new() { Name = "Supprimer" }).WaitForAsync();
        var opened = await editorPhone.EvaluateAsync<JsonElement>(Check);
        Assert.True(
            opened.GetProperty("overflow").GetInt32() <= 0 && opened.GetProperty("small").GetArrayLength() == 0,
            opened.ToString()
        );
    }
}
