using Enoe.Data.SingleSignOn;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// ENOE as the OpenID Connect provider of the ressources académiques: OpenIddict's server (the protocol, discovery at
/// <c>/.well-known/openid-configuration</c>, the JWKS), ENOE's endpoints (<see cref="OidcEndpoints"/>) for what is
/// decided, the keys from the database (<see cref="OidcKeyRing"/>). Code flow with PKCE only, refresh tokens for the
/// clients that ask for <c>offline_access</c>.
/// </summary>
/// <summary><c>Enoe:SingleSignOn</c>.</summary>
internal sealed class SingleSignOnOptions
{
    /// <summary>
    /// The provider's issuer, as the resources know it (<c>https://ent.ac-exemple.fr/</c>): set it in production, so
    /// that tokens name ENOE the same whatever address a request came through (several host names, an internal
    /// address behind the proxy). Unset: the address each request reached ENOE at.
    /// </summary>
    public string? Issuer { get; set; }
}

internal static class OidcServerHosting
{
    public static IServiceCollection AddEnoeOpenIdConnectProvider(
        this IServiceCollection services,
        IHostEnvironment env,
        IConfiguration configuration
    )
    {
        var settings = configuration.GetSection("Enoe:SingleSignOn").Get<SingleSignOnOptions>() ?? new();
        services.Configure<SingleSignOnOptions>(configuration.GetSection("Enoe:SingleSignOn"));
        services.AddSingleton<OidcKeyRing>();
        services
            .AddOpenIddict()
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(OidcEndpoints.Authorize[1..])
                    .SetTokenEndpointUris(OidcEndpoints.Token[1..])
                    .SetUserInfoEndpointUris(OidcEndpoints.UserInfo[1..])
                    .SetEndSessionEndpointUris(OidcEndpoints.EndSession[1..]);
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                if (settings.Issuer is { Length: > 0 } issuer)
                    o.SetIssuer(new Uri(issuer));
                o.RegisterScopes(OidcClaims.Scopes);
                o.RegisterClaims([
                    Claims.Subject,
                    Claims.PreferredUsername,
                    Claims.FamilyName,
                    Claims.GivenName,
                    Claims.Email,
                    .. CasAttributes.Names.Values.SelectMany(n => n).Distinct(),
                ]);
                // Signing out of ENOE posts a logout token to the clients that gave a back-channel URI
                // (CasSingleLogout).
                o.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(handler =>
                    handler.UseInlineHandler(context =>
                    {
                        context.Metadata["backchannel_logout_supported"] = true;
                        context.Metadata["backchannel_logout_session_supported"] = true;
                        return ValueTask.CompletedTask;
                    })
                );
                // A code is exchanged at once by the resource's server; an access token is read at once too.
                o.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(1))
                    .SetAccessTokenLifetime(TimeSpan.FromMinutes(15));
                var aspNet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // A request OpenIddict refuses and cannot send back (an unknown redirect URI): ENOE's page says so.
                    .EnableErrorPassthrough();
                // In production ENOE is reached over HTTPS (the proxy's forwarded scheme); the demo and tests run on
                // plain HTTP loopback.
                if (!env.IsProduction())
                    aspNet.DisableTransportSecurityRequirement();
            });
        services.AddOptions<OpenIddictServerOptions>().Configure<OidcKeyRing>((options, keys) => keys.AddTo(options));
        return services;
    }
}
