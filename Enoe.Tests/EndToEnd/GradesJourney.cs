using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class GradesJourney(BrowserFixture browser)
{
    [Fact]
    public async Task ATeacherEntersGradesWithTheKeyboard_Publishes_AndAParentSeesThem()
    {
        var maths = await ClaireIn4eA.FindAsync(browser.Services);
        var id = (
            await browser
                .Services.GetRequiredService<GradeService>()
                .CreateAsync(
                    maths.Teacher,
                    new AssessmentDraft
                    {
                        SchoolClassId = maths.ClassId,
                        SubjectId = maths.SubjectId,
                        Title = "Théorème de Pythagore",
                        Date = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow)),
                    }
                )
        ).Value;

        var teacher = await browser.NewPageAsync();
        await teacher.SignInAsync("claire.fontaine");
        await teacher.WaitForURLAsync("**/tableau-de-bord");
        await teacher.GotoAsync($"/notes/evaluations/{id}");
        await teacher.WaitForCircuitAsync();

        // Lucas's cell, then the keyboard only: a mark, Enter to the next student, and so on (once the grid's script
        // is there: under load it comes after the circuit).
        await teacher.Locator("table[data-keyboard=ready]").WaitForAsync();
        await teacher.GetByLabel("MARTIN Lucas").ClickAsync();
        await teacher.Keyboard.TypeAsync("16,5");
        await teacher.Keyboard.PressAsync("Enter");
        await Expect(teacher.GetByText("Enregistré.")).ToBeVisibleAsync();
        await teacher.Keyboard.TypeAsync("abs");
        await teacher.Keyboard.PressAsync("Enter");
        await teacher.Keyboard.TypeAsync("25");
        await teacher.Keyboard.PressAsync("Tab");
        await Expect(teacher.GetByText("25 dépasse le barème (20).")).ToBeVisibleAsync();
        await Expect(teacher.GetByLabel("MARTIN Lucas")).ToHaveValueAsync("16,5");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Publier maintenant" }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("publiée : les familles voient les notes");

        var parent = await browser.NewPageAsync();
        await parent.SignInAsync("sophie.martin");
        await parent.WaitForURLAsync("**/tableau-de-bord");
        await parent.GotoAsync("/notes");
        await parent.WaitForCircuitAsync();
        var report = parent.GetByRole(AriaRole.Region, new() { Name = "Relevé de notes" });
        await Expect(report).ToContainTextAsync("Notes de Lucas Martin");
        await Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasText = "Théorème de Pythagore" }))
            .ToContainTextAsync("16,5/20");
    }
}
