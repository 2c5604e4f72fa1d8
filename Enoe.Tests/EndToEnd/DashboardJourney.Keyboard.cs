using System.Text.Json;
using Enoe.Data;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// With the keyboard only.
/// </summary>
public sealed partial class DashboardJourney
{
    /// <summary>
    /// Defect 7: with the keyboard only, focus stays on the widget's menu button after each move, wherever the card
    /// goes, and after Escape.
    /// </summary>
    [Fact]
    public async Task KeyboardOnly_MovesAWidgetFromItsMenu_AndFocusStaysWithTheWidget()
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
                X = 4,
                Y = 0,
                Width = 4,
                Height = 4,
            }
        );
        var page = await SignInToDashboardAsync("nathalie.girard");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }));
        await page.Keyboard.PressAsync("Enter");
        var menuButton = MenuButton(page, "Actualités");
        await TabToAsync(page, menuButton);

        await page.Keyboard.PressAsync("Enter");
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
        // "à gauche" is disabled in the first column
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Déplacer à droite" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Card(page, "news")).ToHaveAttributeAsync("data-x", "1");
        await Expect(menuButton).ToBeFocusedAsync();
        await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "false");

        // Down, past the network: the card now comes after it in the page, and focus follows it.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Déplacer à gauche" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Déplacer vers le bas", Exact = true }))
            .ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Card(page, "news")).ToHaveAttributeAsync("data-y", "4");
        Assert.Equal("school-network", await page.Locator("[data-widget]").First.GetAttributeAsync("data-widget"));
        await Expect(menuButton).ToBeFocusedAsync();

        // Escape closes the menu and gives focus back to its button.
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("End");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Retirer", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(0);
        await Expect(menuButton).ToBeFocusedAsync();
        await Expect(Card(page, "news")).ToHaveCountAsync(1);
    }
}
