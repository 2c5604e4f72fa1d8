using System.Net;
using System.Net.WebSockets;
using Enoe.App.Hosting;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// A client that ignores the refused page opens no new connection to the circuit hub beyond the caps on open tabs
/// (<c>Enoe:Circuits:PerUser</c> is 2 here): its negotiation and its WebSocket upgrade get 429 and the reason.
/// </summary>
public sealed class CircuitAdmissionTests : IAsyncLifetime
{
    private const string Negotiate = "/_blazor/negotiate?negotiateVersion=1";
    private readonly EnoeAppFactory _app = new();
    private readonly CookieContainer _cookies = new();
    private HttpClient _client = null!;
    private CircuitTally _tally = null!;
    private string _personId = "";

    public async Task InitializeAsync()
    {
        _app.Settings["Enoe:Circuits:PerUser"] = "2";
        _client = _app.CreateDefaultClient(new CookieContainerHandler(_cookies));
        await _client.SignInAsync("nathalie.girard");
        _tally = _app.Services.GetRequiredService<CircuitTally>();
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        _personId = (await users.FindByNameAsync("nathalie.girard"))!.Id.ToString();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task UnderTheCap_TheNegotiationIsAnswered()
    {
        _tally.TryOpen(_personId, null);

        var response = await _client.PostAsync(Negotiate, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AtTheCap_TheNegotiationGets429_WithTheReason_InTheReadersLanguage()
    {
        _tally.TryOpen(_personId, null);
        _tally.TryOpen(_personId, null);

        var response = await _client.PostAsync(Negotiate, null);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(
            "Vous avez déjà 2 onglets ENOE ouverts, le maximum. Fermez-en un, puis rechargez cette page.",
            await response.Content.ReadAsStringAsync()
        );
        _cookies.Add(_app.Server.BaseAddress, new Cookie(".AspNetCore.Culture", Uri.EscapeDataString("c=en|uic=en")));
        var english = await _client.PostAsync(Negotiate, null);
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Equal(
            "You already have 2 ENOE tabs open, the most allowed. Close one, then reload this page.",
            await english.Content.ReadAsStringAsync()
        );
    }

    [Fact]
    public async Task AtTheCap_AWebSocketWithoutNegotiation_IsRefused_AndLetInOnceATabCloses()
    {
        _tally.TryOpen(_personId, null);
        _tally.TryOpen(_personId, null);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync());
        Assert.Contains("429", refused.Message);
        _tally.Close(_personId, null);
        using var letIn = await ConnectAsync();
        Assert.Equal(WebSocketState.Open, letIn.State);
    }

    [Fact]
    public async Task ATabWhoseConnectionDropped_MayReconnect_AtTheCap()
    {
        _tally.TryOpen(_personId, null);
        _tally.TryOpen(_personId, null);
        _tally.ConnectionDown(_personId, null, down: true); // its circuit is kept, waiting for the tab

        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(Negotiate, null)).StatusCode);
        _tally.ConnectionDown(_personId, null, down: false); // back: both tabs hold a connection again
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _client.PostAsync(Negotiate, null)).StatusCode);
    }

    private Task<WebSocket> ConnectAsync()
    {
        var client = _app.Server.CreateWebSocketClient();
        var header = _cookies.GetCookieHeader(_app.Server.BaseAddress);
        client.ConfigureRequest = request => request.Headers.Cookie = header;
        return client.ConnectAsync(new Uri(_app.Server.BaseAddress, "_blazor"), CancellationToken.None);
    }
}
