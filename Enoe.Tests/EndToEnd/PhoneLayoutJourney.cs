using System.Text.Json;
using Enoe.Data;
using Enoe.Data.Grades;
using Enoe.Data.Memos;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// Every page each profile reaches, opened on a 390 × 844 touch screen: nothing is wider than the
/// screen (wide tables and calendars scroll inside their own box, the page does not), and no number
/// written into a style or an SVG position carries a French decimal comma.
/// </summary>
[Collection(PageSweepCollection.Name)]
public sealed class PhoneLayoutJourney(BrowserFixture browser)
{
    public static TheoryData<string> People() =>
        [
            "lucas.martin",
            "sophie.martin",
            "claire.fontaine",
            "helene.carpentier",
            "admin.victor-hugo",
            "admin.academie",
        ];

    [Fact]
    public async Task PublicPages_FitAPhoneScreen()
    {
        var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (
            var path in new[]
            {
                "/",
                "/college-victor-hugo",
                "/college-victor-hugo/actualites/reunion-parents-professeurs",
                "/connexion",
                "/nexiste-pas",
                "/hors-ligne.html",
            }
        )
            if (await ProblemAsync(page, path) is { } problem)
                problems.Add(problem);
        await context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task EveryPageOfTheirs_FitsAPhoneScreen(string userName)
    {
        var objects = await ObjectPagesAsync(userName);
        var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();
        // The pages this person's navigation offers, their account, and a few pages of single objects.
        var paths = (
            await page.Locator("nav.enoe-drawer a")
                .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")
        )
            .Concat(["/compte/profil", "/compte/mot-de-passe"])
            .Concat(objects)
            .Distinct()
            .ToList();
        Assert.Contains("/tableau-de-bord", paths);

        var problems = new List<string>();
        foreach (var path in paths)
            if (await ProblemAsync(page, path) is { } problem)
                problems.Add(problem);
        await context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What is wrong with the page at <paramref name="path"/> on a phone, or null.</summary>
    private static async Task<string?> ProblemAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        if (await page.Locator(".enoe-shell").CountAsync() > 0)
            await page.WaitForCircuitAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var report = await page.EvaluateAsync<JsonElement>(
            """
            () => {
                const d = document.documentElement, width = d.clientWidth;
                const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
                    if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
                const name = e => e.tagName.toLowerCase()
                    + (typeof e.className === 'string' && e.className.trim()
                        ? '.' + e.className.trim().split(/\s+/).join('.') : '');
                const wide = [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > width + 1
                        && getComputedStyle(e).position !== 'fixed' && !clipped(e))
                    .slice(0, 4).map(e => `${name(e)} (${Math.round(e.getBoundingClientRect().right)} px)`);
                const styles = [...document.querySelectorAll('[style]')]
                    .map(e => e.getAttribute('style')).filter(s => /\d,\d/.test(s));
                const svg = [...document.querySelectorAll('svg *')].flatMap(e =>
                    ['x', 'y', 'width', 'height', 'cx', 'cy', 'r', 'x1', 'x2', 'y1', 'y2']
                    .map(a => e.getAttribute(a)).filter(v => v && /\d,\d/.test(v)));
                return { scroll: d.scrollWidth, width, wide, commas: styles.concat(svg).slice(0, 4) };
            }
            """
        );
        var scroll = report.GetProperty("scroll").GetInt32();
        var width = report.GetProperty("width").GetInt32();
        var commas = report.GetProperty("commas").EnumerateArray().Select(c => c.GetString()).ToList();
        var wide = report.GetProperty("wide").EnumerateArray().Select(c => c.GetString()).ToList();
        var faults = new List<string>();
        if (scroll > width + 1)
            faults.Add($"{scroll} px wide on a {width} px screen: {string.Join(", ", wide)}");
        if (commas.Count > 0)
            faults.Add($"decimal commas in markup: {string.Join(" | ", commas)}");
        return faults.Count == 0 ? null : $"{path}: {string.Join("; ", faults)}";
    }

    /// <summary>A devoir, an assessment and a mémo to open, created where the demo has none for this person.</summary>
    private async Task<IReadOnlyList<string>> ObjectPagesAsync(string userName)
    {
        if (userName is not ("lucas.martin" or "sophie.martin" or "claire.fontaine"))
            return [];
        var maths = await ClaireIn4eA.FindAsync(browser.Services);
        var devoir = await DemoDevoir.CreateAsync(browser.Services, "Devoir vu sur un téléphone");
        if (userName == "sophie.martin")
            return [$"/devoirs/{devoir.Id}"];
        if (userName == "claire.fontaine")
        {
            var assessment = await browser
                .Services.GetRequiredService<GradeService>()
                .CreateAsync(
                    maths.Teacher,
                    new AssessmentDraft
                    {
                        SchoolClassId = maths.ClassId,
                        SubjectId = maths.SubjectId,
                        Title = "Contrôle vu sur un téléphone",
                        Date = DateOnly.FromDateTime(DateTime.Today),
                    }
                );
            Assert.True(assessment.Succeeded, string.Join(" ", assessment.Errors));
            return [$"/devoirs/{devoir.Id}", $"/notes/evaluations/{assessment.Value}"];
        }
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var lucas = await db
            .Users.Where(u => u.UserName == "lucas.martin")
            .Select(u => new { u.Id, Name = u.FirstName + " " + u.LastName })
            .SingleAsync();
        var memo = await browser
            .Services.GetRequiredService<MemoService>()
            .SendAsync(
                maths.Teacher,
                new MemoDraft
                {
                    To = [new MemoAddress(AudienceKind.Person, lucas.Id, lucas.Name)],
                    Subject = "Mémo vu sur un téléphone",
                    Body =
                        "Un long paragraphe pour voir si le texte passe à "
                        + "la ligne sur un petit écran sans élargir la page : "
                        + new string('x', 120),
                },
                []
            );
        Assert.True(memo.Succeeded, string.Join(" ", memo.Errors));
        return [$"/devoirs/{devoir.Id}", $"/memos/{memo.Value}"];
    }
}
