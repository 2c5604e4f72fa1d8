using System.Text.Json;
using System.Text.RegularExpressions;
using Enoe.Data;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// On the grid with a mouse: adding, dragging and resizing widgets, and a locked widget that stays put.
/// </summary>
public sealed partial class DashboardJourney
{
    [Fact]
    public async Task Student_AddsAWidget_DragsIt_AndFindsItWhereItWasDroppedAfterReload()
    {
        await ArrangeAsync(
            "lucas.martin",
            new()
            {
                WidgetKey = "news",
                X = 0,
                Y = 0,
                Width = 4,
                Height = 3,
            },
            new()
            {
                WidgetKey = "school-network",
                X = 4,
                Y = 0,
                Width = 4,
                Height = 4,
            },
            new()
            {
                WidgetKey = "resources",
                X = 8,
                Y = 0,
                Width = 4,
                Height = 4,
            }
        );
        var page = await SignInToDashboardAsync("lucas.martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }).ClickAsync();
        await MenuButton(page, "Ressources académiques").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Retirer" }).ClickAsync();
        await Expect(Card(page, "resources")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un widget" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Ressources académiques" }).ClickAsync();
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-x", "8");
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-y", "0");
        await Expect(page.Locator("#enoe-catalog [role=status]"))
            .ToHaveTextAsync("« Ressources académiques » ajouté : ligne 1, colonne 9. La page compte 3 widgets.");

        // The catalogue closed (it pushes the grid down the screen), drag by the handle to the grid's first column, a
        // few rows down: it settles under "Actualités".
        await page.GetByRole(AriaRole.Button, new() { Name = "Fermer le catalogue" }).ClickAsync();
        await Expect(page.Locator("#enoe-catalog")).ToHaveCountAsync(0);
        await DragToCellAsync(page, Card(page, "resources").Locator(".enoe-drag-handle"), 0, 5);
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-x", "0");
        await Expect(Card(page, "resources")).ToHaveAttributeAsync("data-y", "3");

        // Stored: back after a reload (a card gives its place in its grid area; data-x/y come with editing only).
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Expect(Card(page, "resources"))
            .ToHaveAttributeAsync("style", new Regex("grid-column: 1 / span 4; grid-row: 4 /"));
        await Expect(Card(page, "resources")).Not.ToHaveAttributeAsync("data-x", new Regex("."));
    }

    [Fact]
    public async Task CornerHandle_ResizesAWidgetOnTheGrid_AndTheOneBelowFloatsUpIntoTheRoomLeft()
    {
        await ArrangeAsync(
            "nathalie.girard",
            new()
            {
                WidgetKey = "news",
                X = 0,
                Y = 0,
                Width = 4,
                Height = 3,
            },
            new()
            {
                WidgetKey = "school-network",
                X = 0,
                Y = 3,
                Width = 4,
                Height = 4,
            }
        );
        var page = await SignInToDashboardAsync("nathalie.girard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }).ClickAsync();

        // Down to two rows and six columns: the corner lands in the cell (5, 1).
        await DragToCellAsync(page, Card(page, "news").Locator(".enoe-resize-handle"), 5, 1);
        await Expect(Card(page, "news")).ToHaveAttributeAsync("data-w", "6");
        await Expect(Card(page, "news")).ToHaveAttributeAsync("data-h", "2");
        await Expect(Card(page, "school-network")).ToHaveAttributeAsync("data-y", "2"); // no hole left under it

        // Below the widget's minimum (3 columns): the size stops there.
        await DragToCellAsync(page, Card(page, "news").Locator(".enoe-resize-handle"), 0, 1);
        await Expect(Card(page, "news")).ToHaveAttributeAsync("data-w", "3");
        await Expect(page.Locator(".enoe-drop-ghost")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LockedWidget_CannotBeDraggedAwayOrRemoved_AndARefusedDragSaysWhy()
    {
        await using (var scope = Browser.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var lycee = await db.Schools.SingleAsync(s => s.Slug == "lycee-lumiere");
            await db
                .DefaultLayouts.Where(l => l.SchoolId == lycee.Id && l.Profile == Profile.Student)
                .ExecuteDeleteAsync();
            db.DefaultLayouts.Add(
                new DefaultLayout
                {
                    SchoolId = lycee.Id,
                    Profile = Profile.Student,
                    Placements =
                    [
                        new DefaultPlacement
                        {
                            WidgetKey = "news",
                            X = 0,
                            Y = 0,
                            Width = 6,
                            Height = 3,
                            Locked = true,
                        },
                        new DefaultPlacement
                        {
                            WidgetKey = "school-network",
                            X = 6,
                            Y = 0,
                            Width = 6,
                            Height = 3,
                        },
                    ],
                }
            );
            await db.SaveChangesAsync();
        }
        await ArrangeAsync(
            "emma.martin",
            new()
            {
                WidgetKey = "news",
                X = 0,
                Y = 0,
                Width = 6,
                Height = 3,
                Locked = true,
                Mandatory = true,
            },
            new()
            {
                WidgetKey = "school-network",
                X = 6,
                Y = 0,
                Width = 6,
                Height = 3,
            }
        );

        var page = await SignInToDashboardAsync("emma.martin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }).ClickAsync();
        var news = Card(page, "news");
        await Expect(news.Locator(".enoe-lock")).ToBeVisibleAsync();
        await Expect(news.Locator(".enoe-drag-handle")).ToHaveCountAsync(0);
        await Expect(news.Locator(".enoe-resize-handle")).ToHaveCountAsync(0);
        await MenuButton(page, "Actualités").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menuitem)).ToHaveTextAsync(["Réglages"]); // neither moved nor removed
        await MenuButton(page, "Réseau d'établissement").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Retirer" })).ToBeVisibleAsync();
        // Editing, a menu open (what widgets show inside is their services' own)
        await AssertNoSeriousAccessibilityViolationAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(0);

        // Dropping another widget onto it is refused by the server: it says why beside the grid, and the card is where
        // it was.
        var network = Card(page, "school-network");
        var before = await PlaceInGridAsync(page, network);
        var target = (await news.BoundingBoxAsync())!;
        await DragAsync(page, network.Locator(".enoe-drag-handle"), target.X + 10, target.Y + 10);
        await Expect(page.Locator(".enoe-dashboard-messages [role=alert]"))
            .ToHaveTextAsync("Un widget verrouillé occupe cette place.");
        await Expect(news).ToHaveAttributeAsync("data-x", "0");
        await Expect(network).ToHaveAttributeAsync("data-x", "6");
        await Expect(network).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("enoe-dragging"));
        await Expect(page.Locator(".enoe-drop-ghost")).ToHaveCountAsync(0);
        Assert.Equal(before, await PlaceInGridAsync(page, network));
    }
}
