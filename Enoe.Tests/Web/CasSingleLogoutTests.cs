using System.Collections.Concurrent;
using System.Net;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// CAS single logout: signing out of ENOE posts <c>logoutRequest</c> to each service the session was handed to, as
/// phpCAS and mod_auth_cas read it, to a real HTTP listener on a loopback port.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class CasSingleLogoutTests(EnoeAppFactory app) : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication _listener = default!;
    private string _service = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _listener = builder.Build();
        _listener.MapPost(
            "/slo/",
            async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                _received.Enqueue(form["logoutRequest"].ToString());
                return Results.Ok();
            }
        );
        await _listener.StartAsync();
        var address = _listener.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        _service = address.Addresses.Single().TrimEnd('/') + "/slo/";
        var factory = app.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Add(
            new SsoRegistration
            {
                Name = "Écoute de la déconnexion",
                ServicePattern = ServiceUrl.Normalize(_service)!,
                Match = ServiceMatch.Exact,
                Profiles = Profile.Student,
            }
        );
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<CasService>().ChangedAsync();
    }

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Fact]
    public async Task SigningOut_TellsTheServiceTheSessionUsed_WithItsTicket()
    {
        var client = app.NewClient();
        await client.SignInAsync("lucas.martin");
        var handedOver = await client.GetAsync("/cas/login?service=" + Uri.EscapeDataString(_service));
        var ticket = handedOver.Headers.Location!.OriginalString.Split("ticket=")[1];

        var signedOut = await client.PostFormAsync("/tableau-de-bord", "/compte/deconnexion", []);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        await Eventually.WaitUntilAsync(() => !_received.IsEmpty);
        var request = Assert.Single(_received);
        Assert.Contains($"<samlp:SessionIndex>{ticket}</samlp:SessionIndex>", request);
        Assert.Contains("urn:oasis:names:tc:SAML:2.0:protocol", request);
    }
}
