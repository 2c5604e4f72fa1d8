using System.Security.Cryptography;
using Enoe.Data.Events;
using Enoe.Data.Sessions;
using Enoe.Data.SingleSignOn;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// Single logout: when sign-in sessions end (signing out, revoked, expired), each service they were handed to is
/// told, so that its own session ends too. A CAS service receives a POST with the form field <c>logoutRequest</c>; an
/// OpenID Connect client with a back-channel logout URI receives a signed <c>logout_token</c> naming the person
/// (<c>sub</c>) and the session it knew (<c>sid</c>). Each hand-off is claimed once in the database: with several
/// instances, one posts. A service that does not answer within a few seconds is not asked again ("best effort").
/// </summary>
internal sealed class CasSingleLogout(
    IEventBus events,
    CasService cas,
    IHttpClientFactory clients,
    IOptionsMonitor<OpenIddictServerOptions> provider,
    TimeProvider clock,
    ILogger<CasSingleLogout> logger
) : IHostedService
{
    public const string Client = "cas-single-logout";
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken ct)
    {
        _subscription = events.Subscribe<SessionsEnded>(OnEndedAsync);
        return Task.CompletedTask;
    }

    private async Task OnEndedAsync(SessionsEnded ended)
    {
        var logouts = await cas.ClaimLogoutsAsync(ended.SessionIds);
        await Task.WhenAll(logouts.Select(PostAsync));
    }

    private async Task PostAsync(SsoLogout logout)
    {
        try
        {
            var form = new FormUrlEncodedContent([
                logout.Protocol == SsoProtocol.Cas
                    ? KeyValuePair.Create("logoutRequest", CasResponses.LogoutRequest(logout.TicketId!, Now))
                    : KeyValuePair.Create("logout_token", LogoutToken(logout)),
            ]);
            using var response = await clients.CreateClient(Client).PostAsync(logout.Url, form);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogInformation("Single logout to {Service} went unanswered: {Error}", logout.Url, e.Message);
        }
    }

    /// <summary>
    /// OpenID Connect Back-Channel Logout 1.0's token, signed with the provider's key in force (the JWKS publishes
    /// it): the issuer the client knows, itself as audience, <c>sub</c>, <c>sid</c>, the logout event, no nonce.
    /// </summary>
    private string LogoutToken(SsoLogout logout) =>
        new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = logout.Issuer,
                Audience = logout.ClientId,
                IssuedAt = Now,
                Expires = Now.AddMinutes(2),
                TokenType = "logout+jwt",
                SigningCredentials = provider.CurrentValue.SigningCredentials[0],
                Claims = LogoutClaims(logout),
            }
        );

    private static Dictionary<string, object> LogoutClaims(SsoLogout logout)
    {
        var claims = new Dictionary<string, object>
        {
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["events"] = new Dictionary<string, object>
            {
                ["http://schemas.openid.net/event/backchannel-logout"] = new Dictionary<string, object>(),
            },
        };
        if (logout.Subject is { } subject)
            claims["sub"] = subject;
        if (logout.SessionId is { } sid)
            claims[OidcClaims.SessionId] = sid;
        return claims;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task StopAsync(CancellationToken ct)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
