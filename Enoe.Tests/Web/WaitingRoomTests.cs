using System.Net;
using Enoe.App.Hosting;
using Enoe.App.WaitingRoom;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Web;

/// <summary>
/// A node that holds its capacity of open tabs (2 here) sends newcomers to the waiting page, at the sign-in form or at
/// their page, which shows their place and takes them on when their turn comes; what needs no circuit, and people
/// with a tab open, never wait.
/// </summary>
public sealed class WaitingRoomTests : IAsyncLifetime
{
    private const string Dashboard = "/tableau-de-bord";
    private const string WaitingForTheDashboard = "/file-d-attente?retour=%2Ftableau-de-bord";
    private readonly FakeTimeProvider _clock = new();
    private readonly LineClockApp _app;
    private CircuitTally _tally = null!;

    public WaitingRoomTests() => _app = new(_clock);

    /// <summary>The app, its waiting line on a clock the tests move.</summary>
    private sealed class LineClockApp(FakeTimeProvider clock) : EnoeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
                services.AddSingleton(sp => new WaitingLine(
                    sp.GetRequiredService<CircuitTally>(),
                    sp.GetRequiredService<IOptions<CircuitLimitsOptions>>(),
                    clock
                ))
            );
        }
    }

    public Task InitializeAsync()
    {
        _app.Settings["Enoe:Circuits:Capacity"] = "2";
        _tally = _app.Services.GetRequiredService<CircuitTally>();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Later, when the places those signed in above were let in with are given up (they opened no page): two tabs
    /// open, by people these tests do not sign in, and the node is full.
    /// </summary>
    private void FillTheNode()
    {
        _clock.Advance(WaitingLine.DoorSeatKept + TimeSpan.FromSeconds(2));
        _tally.TryOpen("first-tab", null);
        _tally.TryOpen("second-tab", null);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ASignInPastTheCapacity_WaitsOnAPageShowingItsPlace_AndOpensItsPageWhenATabCloses()
    {
        var (nathalie, _) = await SignedInAsync("nathalie.girard");
        var (lucas, _) = await SignedInAsync("lucas.martin");
        FillTheNode();

        var sent = await nathalie.GetAsync(Dashboard);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(WaitingForTheDashboard, sent.Headers.Location!.OriginalString);
        var waiting = await nathalie.GetAsync(WaitingForTheDashboard);
        Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
        Assert.True(waiting.Headers.CacheControl!.NoStore);
        var page = await waiting.ReadPageAsync();
        Assert.Contains("Vous êtes n° 1 dans la file d'attente.", page);
        Assert.Contains("Attente estimée : en cours de calcul.", page);
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"5\">", page);
        Assert.DoesNotContain("<!--Blazor", page); // no circuit for a waiting person
        Assert.DoesNotContain("blazor.web.js", page);
        Assert.Contains("Vous êtes n° 2", await lucas.GetPageAsync(WaitingForTheDashboard));

        _tally.Close("first-tab", null);

        var turn = await nathalie.GetAsync(WaitingForTheDashboard);
        Assert.Equal(HttpStatusCode.Redirect, turn.StatusCode);
        Assert.Equal(Dashboard, turn.Headers.Location!.OriginalString);
        Assert.Contains("<!--Blazor:", await nathalie.GetStringAsync(Dashboard)); // the page, with its circuit
        Assert.Contains("Vous êtes n° 1", await lucas.GetPageAsync(WaitingForTheDashboard));
        Assert.Equal(HttpStatusCode.Redirect, (await lucas.GetAsync(Dashboard)).StatusCode);
    }

    [Fact]
    public async Task PagesWithoutACircuit_PeopleWithATabOpen_AndTheCircuitHub_NeverWait()
    {
        var (nathalie, personId) = await SignedInAsync("nathalie.girard");
        FillTheNode();
        Assert.Equal(HttpStatusCode.OK, (await _app.NewClient().GetAsync("/college-victor-hugo")).StatusCode);
        // A waiting person's browser may still reach the hub: a tab kept from before reconnects, a paused one resumes.
        var negotiated = await nathalie.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nathalie.GetAsync("/compte/mot-de-passe")).StatusCode);

        _tally.TryOpen(personId, null); // past the capacity: a tab of hers was open already
        Assert.Equal(HttpStatusCode.OK, (await nathalie.GetAsync("/memos")).StatusCode); // her second tab
    }

    [Fact]
    public async Task AnEnhancedNavigation_IsToldToLoadTheWaitingPageWhole()
    {
        var (nathalie, _) = await SignedInAsync("nathalie.girard");
        FillTheNode();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/memos");
        request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");

        var response = await nathalie.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            "/file-d-attente?retour=%2Fmemos",
            Assert.Single(response.Headers.GetValues("blazor-enhanced-nav-redirect-location"))
        );
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheWaitingPage_SpeaksTheReadersLanguage_AndGoesBackOnlyToThisSite()
    {
        var (nathalie, _) = await SignedInAsync("nathalie.girard", english: true);
        FillTheNode();
        var page = await nathalie.GetPageAsync("/file-d-attente?retour=https%3A%2F%2Fevil.example%2F");
        Assert.Contains("You are number 1 in the waiting line.", page);
        Assert.Contains("<html lang=\"en\">", page);

        _tally.Close("first-tab", null);
        var turn = await nathalie.GetAsync("/file-d-attente?retour=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(Dashboard, turn.Headers.Location!.OriginalString);
        // Someone not signed in waits at the door: Nathalie's place is kept for her page.
        Assert.Contains("Vous êtes n° 1", await Browser().GetPageAsync(WaitingForTheDashboard));
    }

    [Fact]
    public async Task TheLineStartsAtTheSignInForm_AndThePlaceLetInThereCarriesThePersonOnToTheirPage()
    {
        var (lucas, _) = await SignedInAsync("lucas.martin"); // signed in before the rush: waits at his page
        FillTheNode();
        var browser = Browser();

        var door = await browser.GetAsync("/connexion?ReturnUrl=%2Fmemos");
        Assert.Equal(
            "/file-d-attente?retour=%2Fconnexion%3FReturnUrl%3D%252Fmemos",
            door.Headers.Location!.OriginalString
        );
        Assert.Contains("Vous êtes n° 1", await browser.GetPageAsync(door.Headers.Location.OriginalString));
        Assert.Contains("Vous êtes n° 2", await lucas.GetPageAsync(WaitingForTheDashboard));
        _tally.Close("first-tab", null);

        var turn = await browser.GetAsync(door.Headers.Location.OriginalString);
        Assert.Equal("/connexion?ReturnUrl=%2Fmemos", turn.Headers.Location!.OriginalString);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await browser.SignInAsync("nathalie.girard", returnUrl: "/memos")).StatusCode
        );
        Assert.Contains("<!--Blazor:", await browser.GetStringAsync("/memos")); // no second wait
        Assert.Contains("Vous êtes n° 1", await lucas.GetPageAsync(WaitingForTheDashboard));
    }

    private HttpClient Browser(bool english = false)
    {
        var cookies = new CookieContainer();
        if (english)
            cookies.Add(
                _app.Server.BaseAddress,
                new Cookie(".AspNetCore.Culture", Uri.EscapeDataString("c=en|uic=en"))
            );
        return _app.CreateDefaultClient(new CookieContainerHandler(cookies));
    }

    private async Task<(HttpClient Client, string PersonId)> SignedInAsync(string userName, bool english = false)
    {
        var client = Browser(english);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(userName)).StatusCode);
        return (client, (await _app.PersonAsync(userName)).Id.ToString());
    }
}
