using System.Text.Json;
using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class LogbookLiveJourney(BrowserFixture browser)
{
    [Fact]
    public async Task TeacherEditsInline_AStudentOfTheClassSeesItWithoutReloading_AnotherClassDoesNot()
    {
        string student,
            otherStudent;
        int entryId;
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var maths = await ClaireIn4eA.FindAsync(browser.Services);
            student = await db
                .Enrolments.Where(e => e.SchoolClassId == maths.ClassId)
                .OrderBy(e => e.StudentId)
                .Skip(1)
                .Select(e => e.Student!.UserName!)
                .FirstAsync();
            otherStudent = await db
                .Enrolments.Where(e => e.SchoolClass!.Name == "6eB" && e.SchoolClass.SchoolId == maths.SchoolId)
                .OrderBy(e => e.StudentId)
                .Select(e => e.Student!.UserName!)
                .FirstAsync();
            entryId = (await maths.SaveTodayAsync(browser.Services, "Chapitre 5 : Pythagore")).Id;
        }

        var studentPage = await OpenDashboardAsync(student);
        var otherPage = await OpenDashboardAsync(otherStudent);
        var widget = studentPage.Locator("[data-widget=my-logbook]");
        await Expect(widget).ToContainTextAsync("Chapitre 5 : Pythagore");

        var teacher = await OpenDashboardAsync("claire.fontaine");
        // The demo's 4eA may have its own maths lesson today: edit the session this test wrote.
        var session = teacher.Locator($"[data-entry='{entryId}']");
        await session
            .GetByRole(AriaRole.Button, new() { Name = "Contenu de la séance de 4eA (modifier)" })
            .ClickAsync();
        var editor = session.GetByRole(AriaRole.Textbox, new() { Name = "Contenu de la séance de 4eA" });
        await editor.FillAsync("Chapitre 5 : théorème de Pythagore, démonstration");
        await editor.PressAsync("Control+Enter");
        await Expect(teacher.Locator("[data-widget=my-logbook]")).ToContainTextAsync("démonstration");

        // Live, without reloading: the student of 4eA sees it, a student of 6eB does not.
        await Expect(widget).ToContainTextAsync("théorème de Pythagore, démonstration", new() { Timeout = 5000 });
        await Expect(otherPage.Locator("[data-widget=my-logbook]")).Not.ToContainTextAsync("Pythagore");
    }

    [Fact]
    public async Task TheTextBeingEdited_HasAClearFocusRing_AndEscapeOrCtrlEnterGiveTheKeyboardBackToIt()
    {
        var maths = await ClaireIn4eA.FindAsync(browser.Services);
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var today = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow));
            var saved = await scope
                .ServiceProvider.GetRequiredService<LogbookService>()
                .SaveAsync(
                    maths.Teacher,
                    new LogbookDraft
                    {
                        SchoolClassId = maths.ClassId,
                        SubjectId = maths.SubjectId,
                        SessionDate = today,
                        StartsAt = new(0, 10),
                        EndsAt = new(0, 55),
                        Content = "Chapitre 6 : les aires",
                    }
                );
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        }
        var page = await browser.NewPageAsync();
        await page.SignInAsync("claire.fontaine");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.GotoAsync("/carnet-de-bord");
        await page.WaitForCircuitAsync();
        var text = page.Locator(".enoe-inline-text", new() { HasText = "Chapitre 6 : les aires" });

        await text.FocusAsync();
        var ring = await text.EvaluateAsync<JsonElement>(FocusRing);
        Assert.True(ring.GetProperty("focusVisible").GetBoolean());
        Assert.Equal("solid", ring.GetProperty("style").GetString());
        Assert.True(ring.GetProperty("width").GetDouble() >= 2, $"outline {ring.GetProperty("width")} px");
        Assert.True(
            ring.GetProperty("contrast").GetDouble() >= 3,
            $"outline contrast {ring.GetProperty("contrast")}:1"
        );

        await page.Keyboard.PressAsync("Enter");
        var editor = page.GetByRole(AriaRole.Textbox, new() { Name = "Contenu de la séance de 4eA" });
        await Expect(editor).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(text).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Expect(editor).ToBeFocusedAsync();
        await editor.FillAsync("Chapitre 6 : les aires du disque");
        await page.Keyboard.PressAsync("Control+Enter");
        await Expect(page.Locator(".enoe-inline-text", new() { HasText = "les aires du disque" })).ToBeFocusedAsync();
    }

    /// <summary>
    /// The focused element's outline, and its contrast with the first opaque background behind it (WCAG 2 relative
    /// luminance).
    /// </summary>
    private const string FocusRing = """
        el => {
            const s = getComputedStyle(el);
            const rgb = c => c.match(/[\d.]+/g).map(Number);
            const lum = ([r, g, b]) => [r, g, b]
                .map(v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            let behind = [255, 255, 255];
            for (let p = el.parentElement; p; p = p.parentElement) {
                const c = rgb(getComputedStyle(p).backgroundColor);
                if (c.length < 4 || c[3] > 0) { behind = c; break; }
            }
            const [light, dark] = [lum(rgb(s.outlineColor)), lum(behind)].sort((a, b) => b - a);
            return { focusVisible: el.matches(':focus-visible'), style: s.outlineStyle,
                width: parseFloat(s.outlineWidth), contrast: (light + 0.05) / (dark + 0.05) };
        }
        """;

    private async Task<IPage> OpenDashboardAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();
        return page;
    }
}
