using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Support;

/// <summary>
/// The app with a generic OpenID Connect provider configured (mapping by e-mail) that these tests never contact: each
/// arrives with the external cookie the provider's callback would have left (the journeys go through a real provider).
/// </summary>
public class OidcProviderAppFactory : EnoeAppFactory
{
    public const string Scheme = "OpenIdConnect";

    public OidcProviderAppFactory()
    {
        Settings["Enoe:OpenIdConnect:Authority"] = "http://127.0.0.1:9";
        Settings["Enoe:OpenIdConnect:ClientId"] = "enoe";
        Settings["Enoe:OpenIdConnect:RequireHttpsMetadata"] = "false";
    }

    private static readonly Uri Host = new("http://localhost");

    /// <summary>A client carrying the external cookie for this identity, as after the provider's callback.</summary>
    public HttpClient ReturningFromProvider(string providerKey, string? email = null) =>
        ReturningFromProvider(providerKey, email, out _);

    public HttpClient ReturningFromProvider(string providerKey, string? email, out CookieContainer cookies) =>
        ReturningFromProvider(providerKey, email, out cookies, null);

    /// <param name="challenge">What ENOE's challenge put in the properties the external cookie carries back.</param>
    /// <param name="more">More claims the provider sent (<c>auth_time</c>…).</param>
    public HttpClient ReturningFromProvider(
        string providerKey,
        string? email,
        out CookieContainer cookies,
        Action<AuthenticationProperties>? challenge,
        params Claim[] more
    )
    {
        var options = CookieOptions(IdentityConstants.ExternalScheme);
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, providerKey)];
        if (email is not null)
            claims.Add(new(ClaimTypes.Email, email)); // "email", as the handler maps it
        claims.AddRange(more);
        var properties = new AuthenticationProperties();
        properties.Items["LoginProvider"] = Scheme;
        challenge?.Invoke(properties);
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)),
            properties,
            IdentityConstants.ExternalScheme
        );
        cookies = new CookieContainer();
        cookies.Add(Host, new Cookie(options.Cookie.Name!, options.TicketDataFormat.Protect(ticket)));
        return CreateDefaultClient(Host, new CookieContainerHandler(cookies));
    }

    /// <summary>
    /// The security stamp in the sign-in cookie these cookies hold: a stale one ends the session within a minute.
    /// </summary>
    public string? StampInSignInCookie(CookieContainer cookies)
    {
        var options = CookieOptions(IdentityConstants.ApplicationScheme);
        var ticket = options.TicketDataFormat.Unprotect(cookies.GetCookies(Host)[options.Cookie.Name!]?.Value);
        var stampType = Services
            .GetRequiredService<IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType;
        return ticket?.Principal.FindFirstValue(stampType);
    }

    private CookieAuthenticationOptions CookieOptions(string scheme) =>
        Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);
}
