using Enoe.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>Sophie Martin: Lucas at Collège Victor Hugo, Emma at Lycée Louis Lumière.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ParentJourney(BrowserFixture browser)
{
    /// <summary>Sophie looking at Lucas's collège, as the demo starts (other journeys expect it).</summary>
    private async Task BackToLucasAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var hugo = await db.Schools.Where(s => s.Slug == "college-victor-hugo").Select(s => s.Id).SingleAsync();
        await db
            .Users.Where(u => u.UserName == "sophie.martin")
            .ExecuteUpdateAsync(u =>
                u.SetProperty(p => p.CurrentSchoolId, hugo).SetProperty(p => p.ViewedChildId, (int?)null)
            );
    }

    [Fact]
    public async Task ChoosingEmma_PutsTheWholePageInHerLycee_AndChoosingLucasBringsItBack()
    {
        await BackToLucasAsync();
        try
        {
            await ChooseEmmaThenLucasAsync();
        }
        finally
        {
            await BackToLucasAsync();
        }
    }

    private async Task ChooseEmmaThenLucasAsync()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("sophie.martin");
        await page.WaitForURLAsync("**/tableau-de-bord");
        var children = page.GetByRole(AriaRole.Region, new() { Name = "Enfants", Exact = true });
        await Expect(page.Locator(".enoe-school-name")).ToHaveTextAsync("Collège Victor Hugo");
        await Expect(children.Locator("[aria-current=true]")).ToContainTextAsync("Lucas Martin");

        await page.GotoAsync("/carnet-de-bord");
        await page.WaitForCircuitAsync();
        await children.GetByRole(AriaRole.Button, new() { Name = "Emma Martin" }).ClickAsync();

        // The same section, in Emma's lycée: the header, the child bar and the page all say so.
        await page.WaitForURLAsync("**/carnet-de-bord");
        await Expect(page.Locator(".enoe-school-name")).ToHaveTextAsync("Lycée Louis Lumière");
        await Expect(children.Locator("[aria-current=true]")).ToContainTextAsync("Emma Martin");
        await Expect(children.Locator("[aria-current=true]")).ToContainTextAsync("2ndeA · Lycée Louis Lumière");

        await page.GotoAsync("/tableau-de-bord");
        await page.WaitForCircuitAsync();
        // The news widget shows the lycée's public site.
        await Expect(page.Locator("[data-widget=news] a").First)
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/lycee-lumiere/"));

        await children.GetByRole(AriaRole.Button, new() { Name = "Lucas Martin" }).ClickAsync();
        await Expect(page.Locator(".enoe-school-name")).ToHaveTextAsync("Collège Victor Hugo");
        await Expect(children.Locator("[aria-current=true]")).ToContainTextAsync("Lucas Martin");
        await Expect(page.Locator("[data-widget=news] a").First)
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/college-victor-hugo/"));
    }
}
