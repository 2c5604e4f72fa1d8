using System.Globalization;
using System.Security.Claims;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Enoe.App.Account;

/// <summary>
/// Ties the sign-in cookie to a server-side <see cref="SignInSession"/>, for every way of signing in (password,
/// directory, external identity, second factor): signing in opens one and writes its id into the cookie
/// (<see cref="EnoeClaims.Session"/>); every request checks it is still open; signing out ends it. A refresh of the
/// cookie (another établissement, another child, a new password) keeps the session it refreshes.
/// </summary>
internal static class SessionCookie
{
    /// <summary>
    /// The session's id among the cookie's properties: <c>RefreshSignInAsync</c> signs in again with the cookie's own
    /// properties (and a principal freshly built without the claim), which is how a refresh is told from a sign-in.
    /// </summary>
    private const string Item = ".enoe-session";

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(EnoeClaims.Session), out var id) ? id : null;

    public static void AddTo(CookieAuthenticationEvents events)
    {
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            await SigningInAsync(context);
            await signingIn(context);
        };
        events.OnValidatePrincipal = async context =>
        {
            if (!await IsOpenAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            if (StampCheckIsDue(context))
                await CheckStampAsync(context);
        };
        var signingOut = events.OnSigningOut;
        events.OnSigningOut = async context =>
        {
            if (IdOf(context.HttpContext.User) is Guid id)
                await Sessions(context.HttpContext).EndAsync(id, SessionEnd.SignedOut);
            await signingOut(context);
        };
    }

    /// <summary>
    /// The security stamp's check rebuilds the principal from the database every minute: what only the sign-in knew
    /// goes on to the new one. The session (without it, the next request would be signed out) and how the person
    /// signed in (<c>amr</c>: a password, a second factor; an external provider's method).
    /// </summary>
    public static Task KeepOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (
            context.NewPrincipal?.Identity is not ClaimsIdentity identity
            || context.CurrentPrincipal is not { } current
        )
            return Task.CompletedTask;
        if (IdOf(current) is Guid id)
            Put(identity, id);
        foreach (var method in current.FindAll(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod))
            if (!identity.HasClaim(method.Type, method.Value))
                identity.AddClaim(new Claim(method.Type, method.Value));
        return Task.CompletedTask;
    }

    private static async Task SigningInAsync(CookieSigningInContext context)
    {
        if (
            context.Principal?.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || !int.TryParse(
                identity.FindFirst(ClaimTypes.NameIdentifier)?.Value,
                CultureInfo.InvariantCulture,
                out var personId
            )
        )
            return;
        var sessions = Sessions(context.HttpContext);
        var kept =
            context.Properties.Items.TryGetValue(Item, out var item)
            && Guid.TryParse(item, out var refreshed)
            && await sessions.IsOpenAsync(refreshed, personId)
                ? refreshed
                : (Guid?)null;
        var http = context.HttpContext;
        var id =
            kept
            ?? await sessions.StartAsync(
                personId,
                http.Connection.RemoteIpAddress is { } a ? (a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a).ToString() : null,
                http.Request.Headers.UserAgent.ToString(),
                secondFactor: identity.HasClaim("amr", "mfa")
            );
        Put(identity, id);
        context.Properties.Items[Item] = id.ToString();
        // A sign-in made on the way back to a CAS renewal: the session proves the password was typed for it.
        if (kept is null && await SingleSignOn.CasRenewal.ClaimForSignInAsync(http.Request) is { } renewed)
            identity.AddClaim(renewed);
    }

    private static async Task<bool> IsOpenAsync(CookieValidatePrincipalContext context) =>
        IdOf(context.Principal) is Guid id
        && int.TryParse(
            context.Principal!.FindFirstValue(ClaimTypes.NameIdentifier),
            CultureInfo.InvariantCulture,
            out var personId
        )
        && await Sessions(context.HttpContext).IsOpenAsync(id, personId, context.HttpContext.RequestAborted);

    /// <summary>
    /// The security stamp's check, once a minute (Identity's validator's interval): the same person with the same
    /// stamp gets a principal built afresh (a function granted, another établissement's claims appear within a
    /// minute) and a renewed cookie; anyone else is signed out. Identity's <c>SecurityStampValidator</c> does the same
    /// through a SignInManager, a UserManager, its store and a context of the request's scope, built for each check
    /// (and, for a live tab's connection, held as long as the tab): the claims factory, a singleton, reads it all from
    /// a pooled context instead.
    /// </summary>
    private static async Task CheckStampAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var claims = http.RequestServices.GetRequiredService<EnoeClaimsPrincipalFactory>();
        if (await claims.RefreshAsync(context.Principal!, http.RequestAborted) is not { } fresh)
        {
            // Ended here: the sign-out below ends the session of the request's user, not yet set while the cookie is
            // validated, and the session would stay open in the person's list until it expired.
            if (IdOf(context.Principal) is Guid id)
                await Sessions(http).EndAsync(id, SessionEnd.Revoked, CancellationToken.None); // whatever the tab does
            context.RejectPrincipal();
            await http.RequestServices.GetRequiredService<SignInManager<Person>>().SignOutAsync();
            await http.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme); // the device remembered, as Identity
            return;
        }
        var options = http.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        if (options.OnRefreshingPrincipal is { } refreshing)
        {
            var refresh = new SecurityStampRefreshingPrincipalContext
            {
                CurrentPrincipal = context.Principal,
                NewPrincipal = fresh,
            };
            await refreshing(refresh);
            fresh = refresh.NewPrincipal!;
        }
        context.ReplacePrincipal(fresh);
        context.ShouldRenew = true;
        if (!context.Options.SlidingExpiration) // renewed from now, not extended
            context.Properties.IssuedUtc = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
    }

    /// <summary>
    /// Identity's test of the interval. A live tab's connection is one request that lasts as long as the tab: nothing
    /// is resolved for the check unless it is due.
    /// </summary>
    private static bool StampCheckIsDue(CookieValidatePrincipalContext context)
    {
        var options = context
            .HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>()
            .Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
    }

    private static void Put(ClaimsIdentity identity, Guid id)
    {
        foreach (var old in identity.FindAll(EnoeClaims.Session).ToList())
            identity.RemoveClaim(old);
        identity.AddClaim(new Claim(EnoeClaims.Session, id.ToString()));
    }

    private static SignInSessions Sessions(HttpContext http) =>
        http.RequestServices.GetRequiredService<SignInSessions>();
}
