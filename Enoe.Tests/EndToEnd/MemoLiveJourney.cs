using Enoe.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class MemoLiveJourney(BrowserFixture browser)
{
    [Fact]
    public async Task ATeacherWritesToAClass_AStudentOfItSeesTheMemoArriveLive_AnotherClassSeesNothing()
    {
        string student,
            otherStudent;
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            IQueryable<string> Students(string className) =>
                db
                    .Enrolments.Where(e =>
                        e.SchoolClass!.Name == className
                        && e.SchoolClass.School!.Slug == "college-victor-hugo"
                        && e.Student!.UserName != "lucas.martin"
                    )
                    .OrderByDescending(e => e.StudentId)
                    .Select(e => e.Student!.UserName!);
            student = await Students("4eA").FirstAsync();
            otherStudent = await Students("6eB").FirstAsync();
        }
        var studentPage = await OpenAsync(student, "/tableau-de-bord");
        var otherPage = await OpenAsync(otherStudent, "/tableau-de-bord");
        var navigation = studentPage.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" });
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Mémos" })).ToBeVisibleAsync();

        var teacher = await OpenAsync("claire.fontaine", "/memos/nouveau");
        await teacher.SendMemoToClassAsync("4eA", "Contrôle de jeudi", "Révisez le chapitre 5 : **Pythagore**.");
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Contrôle de jeudi" })).ToBeVisibleAsync();

        // Live, without reloading: the badge and the Mémos widget of the 4eA student change; the 6eB student's do not.
        var unread = studentPage
            .GetByRole(AriaRole.Group, new() { Name = "Nouveautés" })
            .GetByRole(AriaRole.Link, new() { Name = "Mémos" });
        await Expect(unread.Locator(".enoe-badge")).ToHaveTextAsync("1", new() { Timeout = 5000 });
        await Expect(studentPage.Locator("[data-widget=memos]")).ToContainTextAsync("Contrôle de jeudi");
        await Expect(otherPage.Locator("[data-widget=memos]")).ToContainTextAsync("Aucun mémo non lu");
        await Expect(MemoBadge(otherPage)).ToHaveCountAsync(0);

        // Reading it in one tab clears the badge; the teacher sees who has read it.
        await studentPage
            .Locator("[data-widget=memos]")
            .GetByRole(AriaRole.Link, new() { Name = "Contrôle de jeudi" })
            .ClickAsync();
        await Expect(studentPage.GetByText("Révisez le chapitre 5")).ToBeVisibleAsync();
        await Expect(MemoBadge(studentPage)).ToHaveCountAsync(0);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Qui l'a lu ?" }).ClickAsync();
        await Expect(teacher.GetByLabel("Accusés de lecture")).ToContainTextAsync("Élèves de 4eA : 1/");
    }

    [Fact]
    public async Task AnUnsentMemo_SurvivesAReload_AsADraftInThisBrowser()
    {
        var page = await OpenAsync("nathalie.girard", "/memos/nouveau");
        // The script comes with the page, so a keystroke typed before the form is attached is seen (and saved).
        await Expect(page.Locator("script[type=module][src*='js/drafts']")).ToHaveCountAsync(1);
        await page.GetByLabel("Objet").FillAsync("Sortie au musée des Beaux-Arts");
        await page.GetByLabel("Message").FillAsync("Autorisations à rendre avant vendredi.");
        // Still in the field, nothing sent to the server: the browser says it has written the draft.
        await page.Locator("[data-draft-form][data-draft-state=saved]").WaitForAsync();

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();

        await Expect(page.GetByText("Brouillon retrouvé sur cet appareil.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Objet")).ToHaveValueAsync("Sortie au musée des Beaux-Arts");
        await Expect(page.GetByLabel("Message")).ToHaveValueAsync("Autorisations à rendre avant vendredi.");
        Assert.DoesNotContain("Autorisations", await StorageAsync(page)); // stored encrypted
    }

    [Fact]
    public async Task ATabClosedRightAfterTyping_KeepsTheDraft()
    {
        var page = await OpenAsync("nathalie.girard", "/memos/nouveau");
        await page.Locator("[data-draft-form][data-draft-state=ready]").WaitForAsync();
        await page.GetByLabel("Message").FillAsync("Prêt de tablettes pour la 5eC, jeudi.");
        // Closed at once, the change still waiting for its 400 ms: the page writes it as it goes.
        var closed = new TaskCompletionSource();
        page.Close += (_, _) => closed.TrySetResult();
        await page.CloseAsync(new() { RunBeforeUnload = true });
        await closed.Task;

        var again = await page.Context.NewPageAsync();
        await again.GotoAsync("/memos/nouveau");
        await again.WaitForCircuitAsync();
        await Expect(again.GetByLabel("Message")).ToHaveValueAsync("Prêt de tablettes pour la 5eC, jeudi.");
    }

    [Fact]
    public async Task ADraft_NeverReachesAnotherAccountOnTheSameBrowser()
    {
        var page = await OpenAsync("nathalie.girard", "/memos/nouveau");
        await page.GetByLabel("Objet").FillAsync("Conseil de classe : cas confidentiel");
        await page.Locator("[data-draft-form][data-draft-state=saved]").WaitForAsync();

        // Someone else signs in on the same browser (same storage), and writes a mémo.
        await page.Context.ClearCookiesAsync();
        await page.SignInAsync("julien.roussel");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.GotoAsync("/memos/nouveau");
        await page.WaitForCircuitAsync();
        // Attached, with nothing of theirs to restore
        await page.Locator("[data-draft-form][data-draft-state=ready]").WaitForAsync();

        await Expect(page.GetByLabel("Objet")).ToHaveValueAsync("");
        await Expect(page.GetByText("Brouillon retrouvé sur cet appareil.")).ToHaveCountAsync(0);
        Assert.DoesNotContain("confidentiel", await StorageAsync(page));
    }

    private static Task<string> StorageAsync(IPage page) =>
        page.EvaluateAsync<string>("() => JSON.stringify(localStorage)");

    private Task<IPage> OpenAsync(string userName, string path) => browser.OpenAsync(userName, path);

    /// <summary>The mémos' badge in the header (the bell beside it counts notifications of every kind).</summary>
    private static ILocator MemoBadge(IPage page) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Nouveautés" })
            .GetByRole(AriaRole.Link, new() { Name = "Mémos" })
            .Locator(".enoe-badge");
}
