using Enoe.Tests.Support.TestDirectory;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>A person of the académie directory signs in on the usual form with their directory password.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectorySignInJourney(BrowserFixture browser)
{
    [Fact]
    public async Task ADirectoryStudent_SignsInThroughTheForm_AndLandsOnTheirDashboard()
    {
        var person = browser.Slapd.Sample.Find(SampleDirectory.StudentDn(1, 10))!;
        await DirectoryAccounts.AddAsync(browser.Services, person);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(person.Entry.Login!, SampleDirectory.Password);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await Expect(page.GetByText($"Bonjour {person.Entry.FirstName} {person.Entry.LastName}")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AFilterInTheLogin_SignsNobodyIn()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("*)(uid=*", SampleDirectory.Password);
        await page.WaitForURLAsync("**/connexion?erreur=1**");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Alert))
            .ToContainTextAsync("Identifiant ou mot de passe incorrect.");
        await page.Context.CloseAsync();
    }
}
