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
        string student, otherStudent;
        int entryId;
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var maths = await ClaireIn4eA.FindAsync(browser.Services);
            student = await db.Enrolments.Where(e => e.SchoolClassId == maths.ClassId).OrderBy(e => e.StudentId).Skip(1).Select(e => e.Student!.UserName!).FirstAsync();
            otherStudent = await db.Enrolments.Where(e => e.SchoolClass!.Name == "6eB" && e.SchoolClass.SchoolId == maths.SchoolId)
                .OrderBy(e => e.StudentId).Select(e => e.Student!.UserName!).FirstAsync();
            var today = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow));
            var saved = await scope.ServiceProvider.GetRequiredService<LogbookService>().SaveAsync(
                maths.Teacher, new LogbookDraft
                {
                    SchoolClassId = maths.ClassId, SubjectId = maths.SubjectId, SessionDate = today, StartsAt = new(0, 5), EndsAt = new(23, 55),
                    Content = "Chapitre 5 : Pythagore",
                });
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
            entryId = saved.Value!.Id;
        }

        var studentPage = await OpenDashboardAsync(student);
        var otherPage = await OpenDashboardAsync(otherStudent);
        var widget = studentPage.Locator("[data-widget=my-logbook]");
        await Expect(widget).ToContainTextAsync("Chapitre 5 : Pythagore");

        var teacher = await OpenDashboardAsync("claire.fontaine");
        // The demo's 4eA may have its own maths lesson today: edit the session this test wrote.
        var session = teacher.Locator($"[data-entry='{entryId}']");
        await session.GetByRole(AriaRole.Button, new() { Name = "Contenu de la séance de 4eA (modifier)" }).ClickAsync();
        var editor = session.GetByRole(AriaRole.Textbox, new() { Name = "Contenu de la séance de 4eA" });
        await editor.FillAsync("Chapitre 5 : théorème de Pythagore, démonstration");
        await editor.PressAsync("Control+Enter");
        await Expect(teacher.Locator("[data-widget=my-logbook]")).ToContainTextAsync("démonstration");

        // Live, without reloading: the student of 4eA sees it, a student of 6eB does not.
        await Expect(widget).ToContainTextAsync("théorème de Pythagore, démonstration", new() { Timeout = 5000 });
        await Expect(otherPage.Locator("[data-widget=my-logbook]")).Not.ToContainTextAsync("Pythagore");
    }

    private async Task<IPage> OpenDashboardAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();
        return page;
    }
}
