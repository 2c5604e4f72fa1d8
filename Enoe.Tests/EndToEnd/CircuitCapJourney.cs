using Enoe.App.Hosting;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// One person may keep two tabs open on this host (<c>Enoe:Circuits:PerUser</c>): the third reads why and what to do
/// instead of the page, with no circuit held for it, and is let in once another tab is closed. Its own app host, the
/// shared browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CircuitCapJourney(BrowserFixture browser) : IAsyncLifetime
{
    private readonly EnoeAppFactory _app = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _app.Settings["Enoe:Circuits:PerUser"] = "2";
        _baseUrl = _app.StartOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheThirdTab_SaysToCloseOne_AndOpensOnceOneIsClosed()
    {
        var first = await browser.OpenAsync("nathalie.girard", "/tableau-de-bord", _baseUrl);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/memos");
        await second.WaitForCircuitAsync();

        var third = await first.Context.NewPageAsync();
        await third.GotoAsync("/memos");
        var refusal = third.Locator("[data-circuit-refused]");
        await Expect(refusal)
            .ToContainTextAsync(
                "Vous avez déjà 2 onglets ENOE ouverts, le maximum. Fermez-en un, puis rechargez cette page."
            );
        await Expect(third.Locator("[data-circuit=live]")).ToHaveCountAsync(0);
        // The refused tab holds no circuit on the server: the two tabs let in are all there is.
        Assert.Equal(2, _app.Services.GetRequiredService<CircuitCounter>().Open);

        await first.CloseAsync();
        var tally = _app.Services.GetRequiredService<CircuitTally>();
        var personId = await PersonIdAsync("nathalie.girard");
        await Eventually.WaitUntilAsync(() => tally.OpenFor(personId) == 1);
        await refusal.GetByRole(AriaRole.Link, new() { Name = "Recharger la page" }).ClickAsync();
        await third.WaitForCircuitAsync();
        await Expect(third.Locator("[data-circuit-refused]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ATabLetInJustBeforeTheLastPlaceWentElsewhere_LosesItsCircuitAsItOpens()
    {
        var first = await browser.OpenAsync("nathalie.girard", "/tableau-de-bord", _baseUrl);
        var circuits = _app.Services.GetRequiredService<CircuitCounter>();
        var tally = _app.Services.GetRequiredService<CircuitTally>();
        var personId = await PersonIdAsync("nathalie.girard");
        var late = await first.Context.NewPageAsync();
        // Its page and its connection are let in (one tab open of two); before its circuit starts, another tab takes
        // the last place (before the negotiation, the connection itself would be refused: CircuitAdmissionTests).
        await late.RouteAsync(
            "**/_blazor/negotiate**",
            async route =>
            {
                var negotiated = await route.FetchAsync();
                tally.TryOpen(personId, null);
                await route.FulfillAsync(new() { Response = negotiated });
            }
        );
        var closed = late.WaitForConsoleMessageAsync(
            new()
            {
                Predicate = m => m.Type == "error" && m.Text.Contains("circuit", StringComparison.OrdinalIgnoreCase),
            }
        );
        await late.GotoAsync("/memos");

        await closed; // the server closed the circuit and told the browser
        await Eventually.WaitUntilAsync(() => circuits.Open == 1 && tally.OpenFor(personId) == 2);
        Assert.Equal(0, await late.Locator("[data-circuit=live]").CountAsync());
        tally.Close(personId, null);
    }

    private async Task<string> PersonIdAsync(string userName)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        return (await users.FindByNameAsync(userName))!.Id.ToString();
    }
}
