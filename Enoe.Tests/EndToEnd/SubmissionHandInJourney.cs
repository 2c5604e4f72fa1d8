using Enoe.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SubmissionHandInJourney(BrowserFixture browser)
{
    [Fact]
    public async Task AStudentHandsInWithAProgressBar_TheTeacherReturnsIt_AndTheStudentSeesTheReturnLive()
    {
        var devoir = await DemoDevoir.CreateAsync(browser.Services, "Pythagore : exercices");

        var student = await OpenAsync(devoir.StudentUserName, $"/devoirs/{devoir.Id}");
        await Expect(student.GetByRole(AriaRole.Heading, new() { Name = "Pythagore : exercices" })).ToBeVisibleAsync();
        await student
            .Locator("input[type=file]")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "ma copie.pdf",
                    MimeType = "application/pdf",
                    Buffer = TestFiles.PdfBytes("copie", padTo: 3 * 1024 * 1024),
                }
            );
        await student.GetByRole(AriaRole.Button, new() { Name = "Remettre ma copie" }).ClickAsync();
        var progress = student.GetByRole(AriaRole.Progressbar, new() { Name = "Envoi des fichiers" });
        await Expect(progress).ToBeVisibleAsync();
        await Expect(progress).ToHaveAttributeAsync("aria-valuenow", "100", new() { Timeout = 20_000 });
        await Expect(student.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copie remise le" }))
            .ToContainTextAsync("ma copie.pdf");

        var teacher = await OpenAsync("claire.fontaine", $"/devoirs/{devoir.Id}");
        var row = teacher.GetByRole(AriaRole.Row).Filter(new() { HasText = devoir.StudentName });
        await Expect(row).ToContainTextAsync("Remis");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "ma copie.pdf" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Rendre la copie" }).ClickAsync();
        await teacher.GetByLabel("Commentaire").FillAsync("Bon raisonnement ; soigne la rédaction.");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Rendre", Exact = true }).ClickAsync();
        await Expect(row).ToContainTextAsync("Corrigé");

        // The student's page, still open and never reloaded, shows the return.
        await Expect(student.GetByLabel("Retour du professeur"))
            .ToContainTextAsync("Bon raisonnement ; soigne la rédaction.", new() { Timeout = 5000 });
        await Expect(student.GetByRole(AriaRole.Heading, new() { Name = "Ma copie Corrigé" })).ToBeVisibleAsync();
    }

    private async Task<IPage> OpenAsync(string userName, string path)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        return page;
    }
}
