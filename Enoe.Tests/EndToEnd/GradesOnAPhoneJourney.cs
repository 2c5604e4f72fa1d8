using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.Skills;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// Marks, the skills booklet and the resources on a 390 × 844 phone (touch, so a coarse pointer):
/// the document is never wider than the screen (wide tables scroll inside their own box) and the
/// slice's controls are at least 44 px tall.
/// </summary>
[Collection(PageSweepCollection.Name)]
public sealed class GradesOnAPhoneJourney(BrowserFixture browser)
{
    private const int Width = 390,
        Height = 844,
        TapTarget = 44;
    private static readonly SemaphoreSlim Arranged = new(1, 1);
    private static int? _assessment;

    public static TheoryData<string, string> Pages() =>
        new()
        {
            { "lucas.martin", "/notes" },
            { "lucas.martin", "/competences" },
            { "sophie.martin", "/notes" },
            { "sophie.martin", "/competences" },
            { "claire.fontaine", "/notes" },
            { "claire.fontaine", "/notes/evaluations/{assessment}" },
            { "claire.fontaine", "/competences" },
            { "admin.victor-hugo", "/gestion/ressources" },
        };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_FitsThePhoneScreen_WithTapTargetsOf44Px(string userName, string path)
    {
        var assessment = await ArrangeAsync();
        var page = await OpenOnAPhoneAsync(userName, path.Replace("{assessment}", assessment.ToString()));
        await page.Locator(".enoe-grades-page, .enoe-resources-page").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        );
        if (widths[0] > widths[1])
        {
            // Name what sticks out, to find it without a screenshot.
            var wide = await page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 8).map(e =>
                        `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} `
                            + `${Math.round(e.getBoundingClientRect().width)} px`)
                """
            );
            Assert.Fail(
                $"{path} as {userName} is {widths[0]} px wide on a {widths[1]} px screen: {string.Join(", ", wide)}"
            );
        }
        var (count, small) = await SmallTargetsAsync(
            page,
            ":is(.enoe-grades-page, .enoe-resources-page) :is(button, "
                + "select, input:not([type=hidden]), textarea, a.enoe-tool, summary)"
        );
        Assert.True(count > 0);
        Assert.Empty(small);
    }

    [Theory]
    [InlineData("lucas.martin")]
    [InlineData("sophie.martin")]
    public async Task TheWidgets_OnAPhoneDashboard_HaveTapTargetsOf44Px(string userName)
    {
        await ArrangeAsync();
        var page = await OpenOnAPhoneAsync(userName, "/tableau-de-bord");
        await page.Locator(".enoe-resources-widget .enoe-star").First.WaitForAsync();
        await page.Locator(".enoe-grades-more").WaitForAsync();

        var (count, small) = await SmallTargetsAsync(
            page,
            ".enoe-resources-widget .enoe-star, .enoe-grades-widget :is(a, button)"
        );
        Assert.True(count > 1);
        Assert.Empty(small);
    }

    private async Task<IPage> OpenOnAPhoneAsync(string userName, string path)
    {
        var context = await browser.Browser.NewContextAsync(
            new()
            {
                BaseURL = browser.BaseUrl,
                Locale = "fr-FR",
                ViewportSize = new() { Width = Width, Height = Height },
                IsMobile = true,
                HasTouch = true,
                DeviceScaleFactor = 2, // a touch screen: the pointer is coarse
            }
        );
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        if (path != "/tableau-de-bord")
            await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>
    /// How many visible controls match, and those smaller than a fingertip (a checkbox counts with its label).
    /// </summary>
    private static async Task<(int Count, string[] Small)> SmallTargetsAsync(IPage page, string selector)
    {
        var found = await page.EvaluateAsync<string[]>(
            """
            ([selector, min]) => [...document.querySelectorAll(selector)]
                .filter(e => e.getClientRects().length > 0)
                .map(e => [e, (e.type === 'checkbox' ? e.closest('label') ?? e : e).getBoundingClientRect()])
                .map(([e, r]) => `${r.height < min || r.width < min ? 'small' : 'ok'} ${e.tagName.toLowerCase()} `
                    + `"${(e.getAttribute('aria-label') || e.textContent || e.id).trim().slice(0, 40)}" `
                    + `${Math.round(r.width)}×${Math.round(r.height)}`)
            """,
            new object[] { selector, TapTarget }
        );
        return (found.Length, [.. found.Where(f => f.StartsWith("small ")).Select(f => f[6..])]);
    }

    /// <summary>
    /// Once for the class: a published mark and an assessed skill for Lucas, so the tables and the booklet's history
    /// are drawn.
    /// </summary>
    private async Task<int> ArrangeAsync()
    {
        await Arranged.WaitAsync();
        try
        {
            if (_assessment is int done)
                return done;
            var maths = await ClaireIn4eA.FindAsync(browser.Services);
            int lucas;
            await using (var scope = browser.Services.CreateAsyncScope())
                lucas = await scope
                    .ServiceProvider.GetRequiredService<EnoeDbContext>()
                    .Users.Where(u => u.UserName == "lucas.martin")
                    .Select(u => u.Id)
                    .SingleAsync();
            var grades = browser.Services.GetRequiredService<GradeService>();
            var id = (
                await grades.CreateAsync(
                    maths.Teacher,
                    new AssessmentDraft
                    {
                        SchoolClassId = maths.ClassId,
                        SubjectId = maths.SubjectId,
                        Title = "Contrôle de fin de chapitre : équations et inéquations du premier degré",
                        Date = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow)),
                        Coefficient = 1.5m,
                    }
                )
            ).Value;
            Assert.True((await grades.SaveCellAsync(maths.Teacher, id, lucas, "13,75")).Succeeded);
            Assert.True((await grades.PublishAsync(maths.Teacher, id, publish: true)).Succeeded);
            var skills = browser.Services.GetRequiredService<SkillService>();
            var skill = (await skills.BookletAsync(maths.Teacher, lucas)).Value!.Domains[0].Skills[0].SkillId;
            Assert.True((await skills.AssessAsync(maths.Teacher, lucas, skill, MasteryLevel.Fragile)).Succeeded);
            Assert.True((await skills.AssessAsync(maths.Teacher, lucas, skill, MasteryLevel.Satisfactory)).Succeeded);
            _assessment = id;
            return id;
        }
        finally
        {
            Arranged.Release();
        }
    }
}
