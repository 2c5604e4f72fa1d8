using System.Net;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// ENOE as a CAS 3.0 server for the ressources académiques: <c>/cas/login</c> sends a signed-in person to a
/// registered service with a ticket, the service's server checks it on <c>/cas/serviceValidate</c> (CAS 2, with
/// attributes) or <c>/cas/p3/serviceValidate</c> (XML or JSON), <c>/cas/logout</c> signs out of ENOE. Decisions are
/// <see cref="CasService"/>'s; this speaks the protocol. A service URL that matches no registration gets an error
/// page: ENOE never redirects to an address it does not know.
/// </summary>
internal static class CasEndpoints
{
    public static IEndpointRouteBuilder MapCasEndpoints(this IEndpointRouteBuilder app)
    {
        var cas = app.MapGroup("/cas").AllowAnonymous(); // each endpoint decides who it serves
        cas.MapGet("/login", LoginAsync);
        cas.MapGet("/logout", LogoutAsync);
        cas.MapGet("/serviceValidate", ValidateAsync);
        cas.MapGet("/p3/serviceValidate", ValidateAsync);
        // Clients that validate through the proxy endpoints by default: ENOE issues no proxy tickets, so a
        // service ticket is answered as above and a proxy ticket with INVALID_TICKET_SPEC.
        cas.MapGet("/proxyValidate", ValidateAsync);
        cas.MapGet("/p3/proxyValidate", ValidateAsync);
        cas.MapPost("/samlValidate", CasSaml.ValidateAsync); // SAML 1.1: what mod_auth_cas reads attributes from
        cas.MapGet("/validate", ValidateV1Async); // CAS 1.0: "yes" and the login, or "no"
        return app;
    }

    private static async Task<IResult> LoginAsync(
        HttpContext http,
        CasService cas,
        SignInManager<Person> signIn,
        IDataProtectionProvider protection,
        TimeProvider clock,
        string? service,
        string? renew,
        string? gateway,
        string? depuis
    )
    {
        NoStore(http);
        var user = CurrentUser.From(http.User);
        if (string.IsNullOrWhiteSpace(service))
            return Results.LocalRedirect(user is null ? "/connexion" : "/tableau-de-bord");
        if (await cas.FindAsync(service, http.RequestAborted) is null)
            return Page(StatusCodes.Status400BadRequest, SingleSignOnMessages.Unregistered);
        var renewing = IsTrue(renew);
        // Gateway: the service only asks whether someone is signed in; nobody is, so it goes on without a ticket.
        if (user is null && IsTrue(gateway) && !renewing)
            return Results.Redirect(service.Trim());
        var fresh = renewing && user is not null && CasRenewal.Renewed(http.User, depuis, service, protection, clock);
        // Renew: the password is asked again, even of someone signed in (see CasRenewal).
        if (user is null || (renewing && !fresh))
            return CasRenewal.SignInFirst(
                $"/cas/login?service={Uri.EscapeDataString(service)}" + (renewing ? "&renew=true" : ""),
                renewing,
                service,
                protection,
                clock
            );
        var login = await cas.LoginAsync(user, service, fresh, CasRenewal.SessionOf(http.User), http.RequestAborted);
        if (fresh)
            await CasRenewal.UsedAsync(http, signIn);
        if (login.RedirectUrl is { } to)
            return Results.Redirect(to);
        return IsTrue(gateway)
            ? Results.Redirect(service.Trim())
            : Page(StatusCodes.Status403Forbidden, login.Refusal!);
    }

    private static async Task<IResult> LogoutAsync(
        HttpContext http,
        CasService cas,
        SignInManager<Person> signIn,
        string? service
    )
    {
        NoStore(http);
        // Ending the session tells the services it used (CasSingleLogout hears it).
        if (http.User.Identity?.IsAuthenticated == true)
            await signIn.SignOutAsync();
        return await cas.FindAsync(service, http.RequestAborted) is not null
            ? Results.Redirect(service!.Trim())
            : Results.LocalRedirect(Account.ExternalSignOut.SignedOutPage);
    }

    private static async Task<IResult> ValidateAsync(
        HttpContext http,
        CasService cas,
        string? service,
        string? ticket,
        string? renew,
        string? format
    )
    {
        NoStore(http);
        var answer = await cas.ValidateAsync(ticket, service, IsTrue(renew), http.RequestAborted);
        return CasResponses.Validation(answer, string.Equals(format, "JSON", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<IResult> ValidateV1Async(
        HttpContext http,
        CasService cas,
        string? service,
        string? ticket,
        string? renew
    )
    {
        NoStore(http);
        var answer = await cas.ValidateAsync(ticket, service, IsTrue(renew), http.RequestAborted);
        return Results.Text(answer.Identity is { } identity ? $"yes\n{identity.User}\n" : "no\n\n", "text/plain");
    }

    /// <summary>The specification's parameters are "set" whatever their value (<c>renew=1</c>), unless false.</summary>
    internal static bool IsTrue(string? value) =>
        value is not null && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    internal static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    /// <summary>A page of its own for what the person must read (no layout: they came from another site).</summary>
    internal static IResult Page(int status, string message) =>
        Results.Content(
            $"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>{WebUtility.HtmlEncode(SingleSignOnMessages.Title)} – ENOE</title></head>
            <body><main><h1>{WebUtility.HtmlEncode(SingleSignOnMessages.Title)}</h1>
            <p role="alert">{WebUtility.HtmlEncode(message)}</p>
            <p><a href="/tableau-de-bord">ENOE</a></p></main></body></html>
            """,
            "text/html; charset=utf-8",
            statusCode: status
        );
}
