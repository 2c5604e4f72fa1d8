using Enoe.Data;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class DashboardJourney(BrowserFixture browser)
{
    private static ILocator Card(IPage page, string key) => page.Locator($"[data-widget={key}]");

    private static async Task<IPage> SignInToDashboardAsync(BrowserFixture browser, string userName)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();
        return page;
    }

    [Fact]
    public async Task Student_AddsAWidget_DragsIt_AndFindsItWhereItWasDroppedAfterReload()
    {
        // A known starting page, whatever other journeys did with Lucas's dashboard or the built-in default holds.
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var lucas = await db.Users.SingleAsync(u => u.UserName == "lucas.martin");
            var school = await db.Memberships.Where(m => m.PersonId == lucas.Id).Select(m => m.SchoolId).SingleAsync();
            await db.DashboardTabs.Where(t => t.PersonId == lucas.Id).ExecuteDeleteAsync();
            db.DashboardTabs.Add(new DashboardTab
            {
                PersonId = lucas.Id, SchoolId = school, Title = "Accueil",
                Placements =
                [
                    new() { WidgetKey = "news", X = 0, Y = 0, Width = 4, Height = 3 },
                    new() { WidgetKey = "school-network", X = 4, Y = 0, Width = 4, Height = 4 },
                    new() { WidgetKey = "resources", X = 8, Y = 0, Width = 4, Height = 4 },
                ],
            });
            await db.SaveChangesAsync();
        }
        var page = await SignInToDashboardAsync(browser, "lucas.martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retirer Ressources académiques" }).ClickAsync();
        await Expect(Card(page, "resources")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un widget" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Ressources académiques" }).ClickAsync();
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-x", "8");
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-y", "0");

        // Drag by the handle to the grid's first column, a few rows down: it settles under "Actualités".
        var grid = (await page.Locator(".enoe-dashboard-grid").BoundingBoxAsync())!;
        var handle = (await Card(page, "resources").Locator(".enoe-drag-handle").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handle.X + handle.Width / 2, handle.Y + handle.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(grid.X + 20, grid.Y + 5 * 112 + 30, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-x", "0");
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-y", "3");

        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-x", "0");
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-y", "3");
    }

    [Fact]
    public async Task LockedWidget_CannotBeDraggedAwayOrRemoved()
    {
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var lycee = await db.Schools.SingleAsync(s => s.Slug == "lycee-lumiere");
            db.DefaultLayouts.Add(new DefaultLayout
            {
                SchoolId = lycee.Id, Profile = Profile.Student,
                Placements =
                [
                    new DefaultPlacement { WidgetKey = "news", X = 0, Y = 0, Width = 6, Height = 3, Locked = true },
                    new DefaultPlacement { WidgetKey = "school-network", X = 6, Y = 0, Width = 6, Height = 3 },
                ],
            });
            await db.SaveChangesAsync();
        }

        var page = await SignInToDashboardAsync(browser, "emma.martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }).ClickAsync();
        var news = Card(page, "news");
        await Expect(news.Locator(".enoe-lock")).ToBeVisibleAsync();
        await Expect(news.Locator(".enoe-drag-handle")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retirer Actualités" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retirer Réseau d'établissement" })).ToBeVisibleAsync();

        // Dropping another widget onto it is refused by the server, and nothing moves.
        var target = (await news.BoundingBoxAsync())!;
        var handle = (await Card(page, "school-network").Locator(".enoe-drag-handle").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handle.X + handle.Width / 2, handle.Y + handle.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + 10, target.Y + 10, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await Expect(page.GetByText("Un widget verrouillé occupe cette place.")).ToBeVisibleAsync();
        await Expect(news).ToHaveAttributeAsync("data-x", "0");
        await Expect(Card(page, "school-network")).ToHaveAttributeAsync("data-x", "6");
    }

    [Fact]
    public async Task KeyboardAlternative_MovesAWidget()
    {
        var page = await SignInToDashboardAsync(browser, "julien.roussel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }).ClickAsync();
        await Expect(Card(page, "news")).ToHaveAttributeAsync("data-x", "0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déplacer Actualités vers la droite" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Card(page, "news")).ToHaveAttributeAsync("data-x", "1");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Card(page, "news")).ToHaveAttributeAsync("data-x", "2");
    }
}
