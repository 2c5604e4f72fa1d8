using System.Net;
using System.Net.WebSockets;
using Enoe.Tests.EndToEnd;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

/// <summary>
/// A tab's WebSocket to the circuit hub is not compressed unless <c>Enoe:Circuits:WebSocketCompression</c> says so:
/// every browser offers compression, and each accepted offer keeps a compressor in the server's memory for as long as
/// the tab is open.
/// </summary>
public sealed class CircuitCompressionTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    public async Task TheHub_AcceptsTheBrowsersOfferToCompress_OnlyWhenSwitchedOn(string? setting, bool accepted)
    {
        await using var app = new EnoeAppFactory();
        if (setting is not null)
            app.Settings["Enoe:Circuits:WebSocketCompression"] = setting;
        var address = new Uri(app.StartOnKestrel());
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = address,
        };
        await http.SignInAsync("nathalie.girard");
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookies.GetCookieHeader(address));
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions(); // permessage-deflate, as Chromium asks
        socket.Options.CollectHttpResponseDetails = true;

        await socket.ConnectAsync(
            new UriBuilder(address) { Scheme = "ws", Path = "_blazor" }.Uri,
            CancellationToken.None
        );

        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(
            accepted,
            socket.HttpResponseHeaders!.Any(h =>
                h.Key.Equals("Sec-WebSocket-Extensions", StringComparison.OrdinalIgnoreCase)
                && h.Value.Any(v => v.StartsWith("permessage-deflate", StringComparison.Ordinal))
            )
        );
    }

    [Fact]
    public async Task CompressionSwitchedOn_WhileAnotherSiteMayFrameEnoe_StopsTheAppAtStartUp()
    {
        await using var app = new EnoeAppFactory();
        app.Settings["Enoe:Circuits:WebSocketCompression"] = "true";
        app.Settings["Enoe:SecurityHeaders:FrameAncestors"] = "'self' https://portail.ac-exemple.fr";

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Enoe:SecurityHeaders:FrameAncestors to be 'self' or 'none'", refused.ToString());
    }
}
