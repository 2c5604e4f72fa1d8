using System.Security.Claims;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// ENOE as an OpenID Connect provider (OpenIddict, set up in <see cref="OidcServerHosting"/>): OpenIddict checks each
/// request (client, redirect URI, PKCE, codes and tokens) and answers discovery and the JWKS itself; these endpoints
/// decide who is signed in and what a client learns, through <see cref="OidcService"/>. A person the resource is not
/// open to reads why on ENOE's page, as with CAS.
/// </summary>
internal static class OidcEndpoints
{
    public const string Authorize = "/oidc/authorize",
        Token = "/oidc/token",
        UserInfo = "/oidc/userinfo",
        EndSession = "/oidc/logout";

    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        // OpenIddict has checked each request before it reaches these; each decides whom it serves.
        var oidc = app.MapGroup("").AllowAnonymous().DisableAntiforgery();
        oidc.MapMethods(Authorize, ["GET", "POST"], AuthorizeAsync);
        oidc.MapPost(Token, TokenAsync);
        oidc.MapMethods(UserInfo, ["GET", "POST"], UserInfoAsync);
        oidc.MapMethods(EndSession, ["GET", "POST"], EndSessionAsync);
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http,
        OidcService oidc,
        OidcKeyRing keys,
        SignInManager<Person> signIn,
        Enoe.Data.Sessions.SignInSessions sessions,
        IOptions<SingleSignOnOptions> settings,
        IDataProtectionProvider protection,
        TimeProvider clock
    )
    {
        CasEndpoints.NoStore(http);
        if (keys.Provisional)
            return CasEndpoints.Page(StatusCodes.Status503ServiceUnavailable, SingleSignOnMessages.Unavailable);
        if (http.GetOpenIddictServerResponse() is { Error: not null } failed)
            return CasEndpoints.Page(
                StatusCodes.Status400BadRequest,
                string.Format(
                    System.Globalization.CultureInfo.CurrentCulture,
                    SingleSignOnMessages.OidcBadRequest,
                    failed.ErrorDescription ?? failed.Error
                )
            );
        var request = http.GetOpenIddictServerRequest()!;
        var user = CurrentUser.From(http.User); // the sign-in cookie, read by the default scheme already
        var session = CasRenewal.SessionOf(http.User);
        // When the password was typed: the session's start (the cookie's own date moves each time it is re-issued).
        DateTimeOffset? signedInAt =
            user is not null && session is { } started
                ? await sessions.StartedAtAsync(started, http.RequestAborted) is { } at
                    ? new DateTimeOffset(at, TimeSpan.Zero)
                    : null
                : null;
        // prompt=login, or a sign-in older than max_age (or of unknown date): the password is typed again, as CAS's
        // renew (CasRenewal).
        var renewing =
            request.HasPromptValue(PromptValues.Login)
            || (
                request.MaxAge is long maxAge
                && (signedInAt is not { } since || clock.GetUtcNow() - since > TimeSpan.FromSeconds(maxAge))
            );
        var stamp = (string?)request[CasRenewal.Parameter];
        var fresh =
            renewing && user is not null && CasRenewal.Renewed(http.User, stamp, Bound(request), protection, clock);
        if (user is null || (renewing && !fresh))
        {
            if (request.HasPromptValue(PromptValues.None))
                return Refuse(Errors.LoginRequired, SingleSignOnMessages.Oidc_NobodySignedIn);
            var back = request
                .GetParameters()
                .Where(p => p.Key != CasRenewal.Parameter)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value));
            return CasRenewal.SignInFirst(
                Authorize + QueryString.Create(back),
                renewing,
                Bound(request),
                protection,
                clock
            );
        }
        // The issuer the client knows ENOE by (configured, or the address ENOE was reached at, as OpenIddict names
        // it): a logout token must say the same.
        var issuer = settings.Value.Issuer ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/";
        var answer = await oidc.AuthorizeAsync(
            user,
            request.ClientId,
            request.RedirectUri!,
            session,
            issuer,
            http.RequestAborted
        );
        if (fresh)
            await CasRenewal.UsedAsync(http, signIn);
        if (answer.Identity is not { } identity)
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.AccessDenied, answer.Refusal!)
                : CasEndpoints.Page(StatusCodes.Status403Forbidden, answer.Refusal!);
        var claims = OidcClaims.Identity(
            identity,
            new OidcGrant(user.PersonId, user.SchoolId, session, request.ClientId!),
            request.GetScopes(),
            fresh ? clock.GetUtcNow() : signedInAt
        );
        return Results.SignIn(new ClaimsPrincipal(claims), authenticationScheme: Scheme);
    }

    /// <summary>
    /// Codes and refresh tokens (OpenIddict has checked them, the client's secret and PKCE): the identity is read
    /// again, so that a refresh stops working once the ENOE session has ended, the account is closed, the service
    /// switched off or the resource no longer open to them. A refresh may ask for fewer scopes than were granted.
    /// </summary>
    private static async Task<IResult> TokenAsync(HttpContext http, OidcService oidc, OidcKeyRing keys)
    {
        if (keys.Provisional)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        var request = http.GetOpenIddictServerRequest()!;
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
            return Refuse(Errors.UnsupportedGrantType, SingleSignOnMessages.Oidc_GrantTypes);
        var granted = (await http.AuthenticateAsync(Scheme)).Principal!;
        var grant = OidcGrant.Of(granted, request.ClientId!);
        var identity = await oidc.IdentityAsync(
            grant.PersonId,
            grant.SchoolId,
            request.ClientId,
            grant.SessionId,
            http.RequestAborted
        );
        if (identity is null)
            return Refuse(Errors.InvalidGrant, SingleSignOnMessages.Oidc_NoLongerOpen);
        var scopes =
            request.IsRefreshTokenGrantType() && request.GetScopes() is { Length: > 0 } asked
                ? asked.Intersect(granted.GetScopes())
                : granted.GetScopes();
        var at = granted.GetClaim(Claims.AuthenticationTime) is { } t
            ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(t, System.Globalization.CultureInfo.InvariantCulture))
            : (DateTimeOffset?)null;
        return Results.SignIn(
            new ClaimsPrincipal(OidcClaims.Identity(identity, grant, scopes, at)),
            authenticationScheme: Scheme
        );
    }

    /// <summary>The claims of the access token's person, read now, under the scopes it was granted.</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http, OidcService oidc, OidcKeyRing keys)
    {
        if (keys.Provisional)
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        var token = (await http.AuthenticateAsync(Scheme)).Principal!;
        var client = token.GetPresenters().FirstOrDefault() ?? "";
        var grant = OidcGrant.Of(token, client);
        var identity = await oidc.IdentityAsync(
            grant.PersonId,
            grant.SchoolId,
            client,
            grant.SessionId,
            http.RequestAborted
        );
        if (identity is null)
            return Results.Challenge(Error(Errors.InvalidToken, SingleSignOnMessages.Oidc_NoLongerOpen), [Scheme]);
        return Results.Json(OidcClaims.UserInfo(identity, token.GetScopes()));
    }

    /// <summary>Signing out of a resource signs out of ENOE (which tells the CAS services), then back to it.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http, SignInManager<Person> signIn)
    {
        CasEndpoints.NoStore(http);
        // A request OpenIddict refused (an unknown post_logout_redirect_uri): not signed out, sent nowhere.
        var refused = http.GetOpenIddictServerResponse() is { Error: not null };
        if (refused)
            return Results.LocalRedirect(Account.ExternalSignOut.SignedOutPage);
        // A link alone (no id_token_hint, which OpenIddict has checked when given) does not sign anyone out: any
        // page could otherwise end a person's ENOE session by embedding it.
        if (http.GetOpenIddictServerRequest()?.IdTokenHint is null)
            return CasEndpoints.Page(StatusCodes.Status400BadRequest, SingleSignOnMessages.LogoutNeedsHint);
        if (http.User.Identity?.IsAuthenticated == true)
            await signIn.SignOutAsync(); // ends the session: the other services are told (CasSingleLogout)
        // To the client's registered post_logout_redirect_uri when it gave one, else ENOE's signed-out page.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = Account.ExternalSignOut.SignedOutPage },
            [Scheme]
        );
    }

    /// <summary>A renewal stamp serves one client and redirect URI only.</summary>
    private static string Bound(OpenIddictRequest request) =>
        $"{request.RedirectUri}{(request.RedirectUri!.Contains('?') ? '&' : '?')}client_id="
        + Uri.EscapeDataString(request.ClientId ?? "");

    /// <summary>
    /// An error OpenIddict returns to the client (to its redirect URI, or as the token endpoint's JSON).
    /// </summary>
    private static IResult Refuse(string error, string description) =>
        Results.Forbid(Error(error, description), [Scheme]);

    private static AuthenticationProperties Error(string error, string description) =>
        new(
            new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }
        );
}
