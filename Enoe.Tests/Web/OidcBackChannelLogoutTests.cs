using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Enoe.Tests.Web;

/// <summary>
/// OpenID Connect back-channel logout: signing out of ENOE posts a signed <c>logout_token</c> to each client the
/// session was handed to that gave a back-channel URI, naming the same <c>sub</c> and <c>sid</c> as its ID token; a
/// real HTTP listener on a loopback port receives it.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class OidcBackChannelLogoutTests(EnoeAppFactory app) : IAsyncLifetime
{
    private const string ClientId = "ecoute-deconnexion";
    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication _listener = default!;
    private string _redirectUri = "";
    private string _secret = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _listener = builder.Build();
        _listener.MapPost(
            "/deconnexion",
            async (HttpRequest request) =>
            {
                _received.Enqueue((await request.ReadFormAsync())["logout_token"].ToString());
                return Results.Ok();
            }
        );
        await _listener.StartAsync();
        var address = _listener.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var root = address.Addresses.Single().TrimEnd('/');
        _redirectUri = root + "/retour";
        await using var db = await app
            .Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        var admin = await db.Users.SingleAsync(u => u.UserName == "admin.academie");
        var saved = await app
            .Services.GetRequiredService<SsoRegistry>()
            .SaveAsync(
                new CurrentUser(admin.Id, admin.DisplayName, null, Profile.AcademyAdmin),
                new SsoRegistrationDraft
                {
                    Name = "Écoute de la déconnexion (OpenID Connect)",
                    Protocol = SsoProtocol.OpenIdConnect,
                    ClientId = ClientId,
                    ServicePattern = _redirectUri,
                    Match = ServiceMatch.Exact,
                    LogoutUri = root + "/deconnexion",
                    Profiles = Profile.Student,
                }
            );
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        _secret = saved.Value!.Secret!;
    }

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Fact]
    public async Task SigningOut_PostsASignedLogoutToken_NamingTheSessionTheClientKnew()
    {
        var browser = app.NewClient();
        await browser.SignInAsync("lucas.martin");
        var idToken = await IdTokenAsync(browser);

        await browser.PostFormAsync("/tableau-de-bord", "/compte/deconnexion", []);

        await Eventually.WaitUntilAsync(() => !_received.IsEmpty);
        var keys = new JsonWebKeySet(await app.NewClient().GetStringAsync("/.well-known/jwks")).Keys;
        var logout = await new JsonWebTokenHandler().ValidateTokenAsync(
            Assert.Single(_received),
            new TokenValidationParameters
            {
                ValidIssuer = app.Server.BaseAddress.ToString(),
                ValidAudience = ClientId,
                IssuerSigningKeys = keys,
                ValidTypes = ["logout+jwt"],
            }
        );
        Assert.True(logout.IsValid, logout.Exception?.Message);
        Assert.Equal("lucas.martin", logout.Claims["sub"]);
        Assert.Equal(idToken.GetClaim("sid").Value, logout.Claims["sid"]);
        Assert.False(logout.Claims.ContainsKey("nonce"));
        Assert.Contains("backchannel-logout", JsonSerializer.Serialize(logout.Claims["events"]));
    }

    private async Task<JsonWebToken> IdTokenAsync(HttpClient browser)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorized = await browser.GetAsync(
            $"/oidc/authorize?client_id={ClientId}&response_type=code&scope=openid"
                + $"&redirect_uri={Uri.EscapeDataString(_redirectUri)}&state=s&nonce=n"
                + $"&code_challenge={challenge}&code_challenge_method=S256"
        );
        var code = QueryHelpers.ParseQuery(authorized.Headers.Location!.Query)["code"].ToString();
        var server = app.NewClient();
        server.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{Uri.EscapeDataString(_secret)}"))
        );
        var response = await server.PostAsync(
            "/oidc/token",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "authorization_code",
                    ["code"] = code,
                    ["redirect_uri"] = _redirectUri,
                    ["code_verifier"] = verifier,
                }
            )
        );
        using var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new JsonWebToken(tokens.RootElement.GetProperty("id_token").GetString());
    }
}
