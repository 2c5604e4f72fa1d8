using System.Text.Json;
using Enoe.Data;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed partial class DashboardJourney(BrowserFixture browser)
{
    /// <summary>
    /// The constructor's fixture, for the other files of this partial class, where its parameter is not in scope.
    /// </summary>
    private BrowserFixture Browser => browser;

    private static ILocator Card(IPage page, string key) => page.Locator($"[data-widget={key}]");

    private static ILocator MenuButton(IPage page, string title) =>
        page.GetByRole(AriaRole.Button, new() { Name = $"Options du widget {title}", Exact = true });

    private static async Task<IPage> SignInToDashboardAsync(IPage page, string userName)
    {
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();
        return page;
    }

    private async Task<IPage> SignInToDashboardAsync(string userName) =>
        await SignInToDashboardAsync(await browser.NewPageAsync(), userName);

    /// <summary>
    /// A known starting page for this person, whatever other journeys did with it or the built-in default holds.
    /// </summary>
    private async Task ArrangeAsync(string userName, params WidgetPlacement[] placements)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var school = await db.Memberships.Where(m => m.PersonId == person.Id).Select(m => m.SchoolId).FirstAsync();
        await db.DashboardTabs.Where(t => t.PersonId == person.Id).ExecuteDeleteAsync();
        db.DashboardTabs.Add(
            new DashboardTab
            {
                PersonId = person.Id,
                SchoolId = school,
                Title = "Accueil",
                Placements = [.. placements],
            }
        );
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Presses Tab until the focused element is <paramref name="target"/>: the keyboard's own way there.
    /// </summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        var handle = await target.ElementHandleAsync();
        for (var presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<bool>("el => document.activeElement === el", handle))
                return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail("Tab never reached " + target);
    }

    /// <summary>
    /// Drags a handle into a grid cell. The cell is measured once the handle shows: what an edit mode or a closed panel
    /// adds or removes above the grid moves it down or up the screen, and a cell measured before lands elsewhere.
    /// </summary>
    private static async Task DragToCellAsync(IPage page, ILocator handle, int column, int row)
    {
        await Expect(handle).ToBeVisibleAsync();
        var (x, y) = await CellAsync(page, column, row);
        await DragAsync(page, handle, x, y);
    }

    private static async Task DragAsync(IPage page, ILocator handle, float x, float y)
    {
        var box = (await handle.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, y, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The centre of a grid cell on screen (12 columns, rows of 6rem, gaps of 1rem).</summary>
    private static async Task<(float X, float Y)> CellAsync(IPage page, int column, int row)
    {
        var grid = (await page.Locator(".enoe-dashboard-grid").BoundingBoxAsync())!;
        const float gap = 16,
            rowHeight = 96;
        var columnWidth = (grid.Width - gap * 11) / 12;
        return (
            grid.X + column * (columnWidth + gap) + columnWidth / 2,
            grid.Y + row * (rowHeight + gap) + rowHeight / 2
        );
    }

    [Fact]
    public async Task OnAPhone_CardsComeInPhoneOrder_ControlsAre44PixelsAndNothingIsWiderThanTheScreen()
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
            },
            new()
            {
                WidgetKey = "memos",
                X = 8,
                Y = 0,
                Width = 4,
                Height = 3,
            },
            new()
            {
                WidgetKey = "resources",
                X = 0,
                Y = 4,
                Width = 12,
                Height = 3,
            }
        );
        var context = await browser.Browser.NewContextAsync(
            new()
            {
                BaseURL = browser.BaseUrl,
                Locale = "fr-FR",
                ViewportSize = new() { Width = 390, Height = 844 },
                HasTouch = true,
                IsMobile = true,
            }
        );
        context.SetDefaultTimeout(15_000);
        var page = await SignInToDashboardAsync(await context.NewPageAsync(), "nathalie.girard");
        Assert.True(await page.EvaluateAsync<bool>("() => matchMedia('(pointer: coarse)').matches"));
        await AssertNoHorizontalOverflowAsync(page);

        // One column, in the order each card's widget asks for on a phone (ties keep the desktop order).
        var cards = await page.EvaluateAsync<JsonElement>(
            """
            () => [...document.querySelectorAll('[data-widget]')].map((card, index) => ({
                index, top: card.getBoundingClientRect().top, left: card.getBoundingClientRect().left,
                order: Number(getComputedStyle(card).order),
                wanted: Number(getComputedStyle(card).getPropertyValue('--enoe-phone-order')) }))
            """
        );
        var list = cards
            .EnumerateArray()
            .Select(c =>
                (
                    Index: c.GetProperty("index").GetInt32(),
                    Top: c.GetProperty("top").GetDouble(),
                    Left: c.GetProperty("left").GetDouble(),
                    Order: c.GetProperty("order").GetInt32(),
                    Wanted: c.GetProperty("wanted").GetInt32()
                )
            )
            .ToList();
        Assert.Equal(4, list.Count);
        Assert.All(list, c => Assert.Equal(c.Wanted, c.Order));
        Assert.Single(list.Select(c => c.Left).Distinct());
        Assert.Equal(
            list.OrderBy(c => c.Order).ThenBy(c => c.Index).Select(c => c.Index),
            list.OrderBy(c => c.Top).Select(c => c.Index)
        );

        await AssertTapTargetsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }).TapAsync();
        await MenuButton(page, "Ressources académiques").TapAsync();
        await Expect(page.GetByRole(AriaRole.Menu)).ToBeVisibleAsync();
        await AssertNoHorizontalOverflowAsync(page);
        await AssertTapTargetsAsync(page);
        await context.CloseAsync();
    }

    /// <summary>
    /// The dashboard's own controls (toolbar, tabs, card headers, menu), not what each widget shows inside.
    /// </summary>
    private static async Task AssertTapTargetsAsync(IPage page)
    {
        var small = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll(
                    '.enoe-dashboard-head button, .enoe-tabs button, '
                    + '.enoe-widget-header button, .enoe-widget-header a')]
                .filter(b => b.offsetParent !== null)
                .map(b => [b.getAttribute('aria-label') ?? b.textContent.trim(), b.getBoundingClientRect()])
                .filter(([, box]) => box.width < 44 || box.height < 44)
                .map(([name, box]) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`)
            """
        );
        Assert.Empty(small);
    }

    private static async Task<(double, double, double, double)> PlaceInGridAsync(IPage page, ILocator card)
    {
        var grid = (await page.Locator(".enoe-dashboard-grid").BoundingBoxAsync())!;
        var box = (await card.BoundingBoxAsync())!;
        return (box.X - grid.X, box.Y - grid.Y, box.Width, box.Height);
    }

    private static async Task AssertNoSeriousAccessibilityViolationAsync(IPage page)
    {
        // Evaluated, not added as a <script> tag: the page's Content-Security-Policy refuses inline scripts.
        await page.EvaluateAsync(
            await File.ReadAllTextAsync(
                Path.Combine(
                    Enoe.Tests.Support.RepositoryPaths.Root,
                    "Enoe.Tests",
                    "EndToEnd",
                    "axe",
                    "node_modules",
                    "axe-core",
                    "axe.min.js"
                )
            )
        );
        var violations = await page.EvaluateAsync<string[]>(
            """
            async () => (await axe.run({ exclude: [['.enoe-widget-body']] },
                { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v =>
                    `${v.id}: ${v.nodes[0].target.join(' ')}`)
            """
        );
        Assert.Empty(violations);
    }

    private static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var (scroll, width) = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
            is var w
            ? (w[0], w[1])
            : default;
        Assert.True(scroll <= width, $"the page is {scroll} px wide on a {width} px screen");
    }
}
