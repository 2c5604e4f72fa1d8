using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Enoe.Data;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Enoe.Tests.Web;

/// <summary>The client's side of the protocol, as a resource's server and browser play it.</summary>
public sealed partial class OidcProtocolTests
{
    private async Task<int> HandOffsAsync()
    {
        await using var db = await app
            .Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        return await db.Set<SsoHandOff>()
            .CountAsync(h => h.Service == RedirectUri && h.TicketId == null && h.SchoolId != null);
    }

    private async Task<(string Verifier, string Code)> CodeAsync(HttpClient browser, string scope)
    {
        var verifier = Verifier();
        var response = await browser.GetAsync(Authorize(scope, Challenge(verifier)));
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(RedirectUri + "?", location);
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        Assert.Equal("etat-1", query["state"]);
        return (verifier, query["code"]!);
    }

    private static string Authorize(string scope, string challenge, string redirectUri = RedirectUri) =>
        $"/oidc/authorize?client_id={ClientId}&response_type=code&scope={Uri.EscapeDataString(scope)}"
        + $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state=etat-1&nonce=nonce-1"
        + $"&code_challenge={challenge}&code_challenge_method=S256";

    private static string Verifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>The resource's server exchanges a code, with its PKCE verifier.</summary>
    private Task<JsonDocument> ExchangeAsync(string code, string verifier) =>
        TokenAsync(
            new()
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["code_verifier"] = verifier,
            }
        );

    private async Task<JsonDocument> TokenAsync(Dictionary<string, string> form)
    {
        var response = await PostTokenAsync(form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body);
    }

    /// <summary>The client authenticates with HTTP Basic, as mod_auth_openidc does by default.</summary>
    private async Task<HttpResponseMessage> PostTokenAsync(Dictionary<string, string> form, string secret = Secret)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{secret}"))
        );
        return await client.PostAsync("/oidc/token", new FormUrlEncodedContent(form));
    }

    private async Task<JsonElement> UserInfoAsync(string accessToken)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var answer = JsonDocument.Parse(await client.GetStringAsync("/oidc/userinfo"));
        return answer.RootElement.Clone();
    }

    private async Task<IList<JsonWebKey>> JwksAsync() =>
        new JsonWebKeySet(await app.NewClient().GetStringAsync("/.well-known/jwks")).Keys;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = app.NewClient();
        await client.SignInAsync(userName);
        return client;
    }
}
