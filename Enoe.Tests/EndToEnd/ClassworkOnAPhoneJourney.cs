using System.Text.Json;
using Enoe.Data.Common;
using Enoe.Data.Documents;
using Enoe.Data.Logbook;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// The carnet de bord, the devoirs and the documents on a 390 × 844 touch screen, as each profile
/// opens them: nothing wider than the screen, and every control at least 44 × 44 px for a finger.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClassworkOnAPhoneJourney(BrowserFixture browser)
{
    private const string Measure = """
        () => {
            document.querySelectorAll('main details').forEach(d => d.open = true); // the forms folded away count too
            const root = document.querySelector('main :is(.enoe-logbook, .enoe-assignments, .enoe-documents)');
            if (!root) return { found: false };
            const box = r => `${Math.round(r.width)}×${Math.round(r.height)}`;
            const small = [...root.querySelectorAll('button, select, input, summary, a[href], [role=button]')]
                .filter(e => !e.closest('.enoe-user-text') && e.type !== 'hidden')
                .map(e => e.type === 'checkbox' ? (e.closest('label') ?? e) : e)
                .map(e => ({ e, r: e.getBoundingClientRect() }))
                .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44))
                .map(({ e, r }) => `${e.tagName.toLowerCase()} `
                    + `"${(e.getAttribute('aria-label') ?? e.textContent).trim().slice(0, 40)}" ${box(r)}`);
            const wide = [...root.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                    && e.getBoundingClientRect().width > 0)
                .slice(0, 5).map(e =>
                    `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
            return {
                found: true,
                coarse: matchMedia('(pointer: coarse)').matches,
                pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                wide, small,
            };
        }
        """;

    [Fact]
    public async Task EveryClassworkPage_FitsAPhone_WithFingerSizedControls()
    {
        var devoir = await DemoDevoir.CreateAsync(
            browser.Services,
            "Aires et périmètres : exercices de la page 112 à rendre sur copie double"
        );
        await ArrangeTeacherAsync(devoir.Teacher);
        var pages = new (string User, string Path)[]
        {
            ("claire.fontaine", "/carnet-de-bord"),
            ("claire.fontaine", "/devoirs"),
            ("claire.fontaine", $"/devoirs/{devoir.Id}"),
            ("claire.fontaine", "/documents"),
            (devoir.StudentUserName, "/carnet-de-bord"),
            (devoir.StudentUserName, "/devoirs"),
            (devoir.StudentUserName, $"/devoirs/{devoir.Id}"),
            (devoir.StudentUserName, "/documents"),
            ("sophie.martin", "/carnet-de-bord"),
            ("sophie.martin", "/devoirs"),
        };
        var problems = new List<string>();
        foreach (var user in pages.GroupBy(p => p.User))
        {
            var page = await OpenPhoneAsync(user.Key);
            foreach (var (_, path) in user)
            {
                await page.GotoAsync(path);
                await page.WaitForCircuitAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var found = await page.EvaluateAsync<JsonElement>(Measure);
                Assert.True(found.GetProperty("found").GetBoolean(), $"{path}: no classwork container");
                Assert.True(found.GetProperty("coarse").GetBoolean(), "the phone should report a coarse pointer");
                var overflow = found.GetProperty("pageOverflow").GetInt32();
                if (overflow > 0)
                    problems.Add($"{user.Key} {path}: page {overflow} px wider than the screen");
                problems.AddRange(
                    found
                        .GetProperty("wide")
                        .EnumerateArray()
                        .Select(w => $"{user.Key} {path}: beyond the screen: {w.GetString()}")
                );
                problems.AddRange(
                    found
                        .GetProperty("small")
                        .EnumerateArray()
                        .Select(s => $"{user.Key} {path}: small target {s.GetString()}")
                );
            }
            await page.Context.CloseAsync();
        }
        Assert.Empty(problems);
    }

    /// <summary>Today's lesson to edit in place, and a document with a long name in Claire's own space.</summary>
    private async Task ArrangeTeacherAsync(Enoe.Data.People.CurrentUser claire)
    {
        var maths = await ClaireIn4eA.FindAsync(browser.Services);
        await using var scope = browser.Services.CreateAsyncScope();
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow));
        var saved = await scope
            .ServiceProvider.GetRequiredService<LogbookService>()
            .SaveAsync(
                claire,
                new LogbookDraft
                {
                    SchoolClassId = maths.ClassId,
                    SubjectId = maths.SubjectId,
                    SessionDate = today,
                    StartsAt = new(0, 5),
                    EndsAt = new(0, 50),
                    Content = "Aires : rectangle, triangle, disque",
                    Homework = "Exercices 12 à 15 page 114",
                    HomeworkDueDate = today.AddDays(1),
                }
            );
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var documents = scope.ServiceProvider.GetRequiredService<DocumentService>();
        var mine = (await documents.SpacesAsync(claire)).First(s => s.Kind == SpaceKind.Personal);
        Assert.True(
            (
                await documents.UploadAsync(
                    claire,
                    mine.Id,
                    null,
                    [TestFiles.Pdf("Compte-rendu-du-conseil-de-classe-du-premier-trimestre-4eA-version-definitive.pdf")]
                )
            ).Succeeded
        );
    }

    private async Task<IPage> OpenPhoneAsync(string userName)
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
}
