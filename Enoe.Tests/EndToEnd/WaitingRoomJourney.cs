using Enoe.App.Hosting;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// A rentrée morning in a real browser: the node holds its capacity of open tabs (1 here), so whoever comes to sign in
/// waits on the waiting page, which refreshes itself (no script: the page's own refresh, under the security policy)
/// and opens the sign-in form when a tab closes; the person then reaches their live dashboard without waiting again.
/// Its own app host, the shared browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WaitingRoomJourney(BrowserFixture browser) : IAsyncLifetime
{
    private readonly EnoeAppFactory _app = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _app.Settings["Enoe:Circuits:Capacity"] = "1";
        _baseUrl = _app.StartOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AtTheCapacity_TheSignInWaitsItsTurn_ThenLeadsToTheLiveDashboard()
    {
        var tally = _app.Services.GetRequiredService<CircuitTally>();
        tally.TryOpen("someone-already-in", null);
        var page = await browser.NewPageAsync(_baseUrl);

        await page.GotoAsync("/connexion");

        await Expect(page).ToHaveURLAsync(_baseUrl + "/file-d-attente?retour=%2Fconnexion");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Status))
            .ToHaveTextAsync("Vous êtes n° 1 dans la file d'attente.");
        tally.Close("someone-already-in", null);
        // The page's refresh (5 s while the wait is not known) brings the sign-in form.
        await Expect(page.GetByLabel("Identifiant")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.SignInAsync("lucas.martin");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync();
        Assert.Equal(1, tally.Total);
        await page.Context.CloseAsync();
    }
}
