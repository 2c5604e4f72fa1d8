using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enoe.App.SingleSignOn;
using Enoe.Data;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Enoe.Tests.Web;

/// <summary>
/// ENOE's OpenID Connect provider over HTTP, as a resource's client meets it, with the demo's client
/// <c>demo-ressource</c> (open to students and teachers): code flow with PKCE, tokens checked against the JWKS,
/// userinfo, refresh, and what is refused.
/// </summary>
[Collection(SharedApp.Name)]
public sealed partial class OidcProtocolTests(EnoeAppFactory app)
{
    private const string ClientId = "demo-ressource",
        Secret = "demo-ressource-secret",
        RedirectUri = "http://localhost:8091/oidc/callback";

    [Fact]
    public async Task Discovery_NamesTheEndpoints_PkceAndTheKeys()
    {
        using var discovery = JsonDocument.Parse(
            await app.NewClient().GetStringAsync("/.well-known/openid-configuration")
        );
        var root = discovery.RootElement;

        Assert.EndsWith("/oidc/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.EndsWith("/oidc/token", root.GetProperty("token_endpoint").GetString());
        Assert.EndsWith("/oidc/userinfo", root.GetProperty("userinfo_endpoint").GetString());
        Assert.Contains("S256", Strings(root.GetProperty("code_challenge_methods_supported")));
        Assert.Contains("ENTPersonProfils", Strings(root.GetProperty("claims_supported")));
        var keys = await JwksAsync();
        Assert.Contains(keys, k => k.Kty == "RSA" && k.Use == "sig" && !string.IsNullOrEmpty(k.Kid));
    }

    [Fact]
    public async Task TheKeys_AreTheDatabases_SoAnotherInstanceOrARestartPublishesTheSame()
    {
        var restarted = ActivatorUtilities.CreateInstance<OidcKeyRing>(app.Services);

        var inForce = restarted.Load(OidcKeyUse.Signing)[0];

        Assert.Contains(await JwksAsync(), k => k.Kid == inForce.KeyId);
    }

    [Fact]
    public async Task AStudent_IsHandedOver_TheClientReadsWhoTheyAre_AndRefreshes()
    {
        var browser = await SignedInAsync("lucas.martin");
        var handOffs = await HandOffsAsync();
        var (verifier, code) = await CodeAsync(browser, "openid profile offline_access");
        Assert.Equal(handOffs + 1, await HandOffsAsync()); // who reached which resource, when

        using var tokens = await ExchangeAsync(code, verifier);
        var idToken = tokens.RootElement.GetProperty("id_token").GetString()!;
        var checkedToken = await new JsonWebTokenHandler().ValidateTokenAsync(
            idToken,
            new TokenValidationParameters
            {
                ValidIssuer = app.Server.BaseAddress.ToString(),
                ValidAudience = ClientId,
                IssuerSigningKeys = await JwksAsync(),
            }
        );
        Assert.True(checkedToken.IsValid, checkedToken.Exception?.Message);
        Assert.Equal("lucas.martin", checkedToken.Claims["sub"]);
        Assert.Equal("Martin", checkedToken.Claims["family_name"]);
        Assert.Equal("National_1", checkedToken.Claims["ENTPersonProfils"]);
        Assert.Equal("nonce-1", checkedToken.Claims["nonce"]);

        var userInfo = await UserInfoAsync(tokens.RootElement.GetProperty("access_token").GetString()!);
        Assert.Equal("lucas.martin", userInfo.GetProperty("sub").GetString());
        Assert.Equal(["National_1"], Strings(userInfo.GetProperty("ENTPersonProfils")));
        Assert.Single(Strings(userInfo.GetProperty("ENTEleveClasses")));

        using var refreshed = await TokenAsync(
            new()
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = tokens.RootElement.GetProperty("refresh_token").GetString()!,
            }
        );
        Assert.True(refreshed.RootElement.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task OpenIdAlone_TellsTheLogin_AndNothingMoreAboutTheStudent()
    {
        var (verifier, code) = await CodeAsync(await SignedInAsync("lucas.martin"), "openid");

        using var tokens = await ExchangeAsync(code, verifier);

        var idToken = new JsonWebToken(tokens.RootElement.GetProperty("id_token").GetString());
        Assert.Equal("lucas.martin", idToken.Subject);
        Assert.DoesNotContain(idToken.Claims, c => c.Type is "ENTPersonProfils" or "family_name" or "ENTEleveClasses");
    }

    [Fact]
    public async Task SigningOutOfEnoe_EndsTheRefreshTokensItsSessionGave()
    {
        var browser = await SignedInAsync("lucas.martin");
        var (verifier, code) = await CodeAsync(browser, "openid offline_access");
        using var tokens = await ExchangeAsync(code, verifier);

        await browser.PostFormAsync("/tableau-de-bord", "/compte/deconnexion", []);
        var refresh = await PostTokenAsync(
            new()
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = tokens.RootElement.GetProperty("refresh_token").GetString()!,
            }
        );

        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Contains("invalid_grant", await refresh.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ALinkToTheLogoutEndpoint_WithoutAnIdTokenHint_SignsNobodyOut()
    {
        var browser = await SignedInAsync("lucas.martin");

        var response = await browser.GetAsync("/oidc/logout");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tableau-de-bord")).StatusCode);
    }

    [Fact]
    public async Task ACode_ServesOnce()
    {
        var (verifier, code) = await CodeAsync(await SignedInAsync("lucas.martin"), "openid");
        var exchange = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        };
        (await TokenAsync(exchange)).Dispose();

        var again = await PostTokenAsync(exchange);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("invalid_grant", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWrongVerifier_OrAWrongSecret_GetsNoToken()
    {
        var (_, code) = await CodeAsync(await SignedInAsync("lucas.martin"), "openid");
        var wrongVerifier = await PostTokenAsync(
            new()
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = new string('a', 64),
            }
        );
        var (verifier, other) = await CodeAsync(await SignedInAsync("lucas.martin"), "openid");
        var wrongSecret = await PostTokenAsync(
            new()
            {
                ["grant_type"] = "authorization_code",
                ["code"] = other,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = verifier,
            },
            secret: "pas-le-bon"
        );

        Assert.Contains("invalid_grant", await wrongVerifier.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Contains("invalid_client", await wrongSecret.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutPkce_NoCodeIsIssued()
    {
        var response = await (await SignedInAsync("lucas.martin")).GetAsync(
            $"/oidc/authorize?client_id={ClientId}&response_type=code&scope=openid"
                + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=s"
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge", await response.ReadPageAsync());
    }

    [Fact]
    public async Task AnUnregisteredRedirectUri_GetsAnError_NeverARedirect()
    {
        var response = await (await SignedInAsync("lucas.martin")).GetAsync(
            Authorize("openid", Challenge(Verifier()), "https://evil.example/callback")
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("demande de connexion incorrecte", await response.ReadPageAsync());
    }

    [Fact]
    public async Task SomeoneTheResourceIsNotOpenTo_ReadsWhy_AndTheClientGetsNothing()
    {
        // Sophie Martin is a parent: the demo's client is open to students and teachers.
        var response = await (await SignedInAsync("sophie.martin")).GetAsync(
            Authorize("openid", Challenge(Verifier()))
        );

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("n'est pas ouvert", await response.ReadPageAsync());
    }

    [Fact]
    public async Task SomeoneSignedOut_SignsIn_AndComesBackToTheSameRequest()
    {
        var url = Authorize("openid", Challenge(Verifier()));

        var response = await app.NewClient().GetAsync(url);

        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/connexion?ReturnUrl=", location);
        var back = Uri.UnescapeDataString(location["/connexion?ReturnUrl=".Length..]);
        Assert.StartsWith("/oidc/authorize?", back);
        Assert.Equal(ClientId, QueryHelpers.ParseQuery(back[back.IndexOf('?')..])["client_id"]);
    }

    [Fact]
    public async Task PromptLogin_AsksForThePasswordAgain_Once()
    {
        var browser = await SignedInAsync("lucas.martin");
        var verifier = Verifier();
        var asked = await browser.GetAsync(Authorize("openid", Challenge(verifier)) + "&prompt=login");
        var back = Uri.UnescapeDataString(asked.Headers.Location!.OriginalString["/connexion?ReturnUrl=".Length..]);
        Assert.Contains("&depuis=", back);

        await browser.SignInAsync("lucas.martin", returnUrl: back);
        var renewed = await browser.GetAsync(back);
        var replayed = await browser.GetAsync(back);

        Assert.StartsWith(RedirectUri + "?code=", renewed.Headers.Location!.OriginalString);
        Assert.StartsWith("/connexion?ReturnUrl=", replayed.Headers.Location!.OriginalString);
    }
}
