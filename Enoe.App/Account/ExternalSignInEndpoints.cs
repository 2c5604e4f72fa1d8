using System.Security.Claims;
using Enoe.App.Hosting;
using Enoe.Data;
using Enoe.Data.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Enoe.App.Account;

/// <summary>
/// Sign-in through an external provider, and linking or unlinking one. Form posts carry fields, so antiforgery is
/// checked on each. An identity lands in Identity's external cookie; these endpoints map it to a person: a linked
/// identity signs in, an unlinked one is linked to the one person its mapped claim designates (never an admin, never a
/// new account), or proves an ENOE password once on <see cref="LinkPage"/>.
/// </summary>
internal static class ExternalSignInEndpoints
{
    public const string LinkPage = "/connexion/relier";
    private const string Callback = "/compte/externe/retour";
    private const string LinkedCallback = "/compte/externe/lie";

    /// <summary>The sign-in page with the refusal <paramref name="reason"/> (read by Login.razor).</summary>
    public static string Refused(string reason) => $"/connexion?externe={reason}";

    public static IEndpointRouteBuilder MapExternalSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/compte/externe/connexion", Challenge).AllowAnonymous();
        app.MapGet(Callback, SignInAsync).AllowAnonymous();
        app.MapPost("/compte/externe/relier", LinkWithPasswordAsync)
            .AllowAnonymous()
            .RequireRateLimiting(IdentityHosting.LoginRateLimit);
        app.MapPost("/compte/externe/lier", ChallengeToLink);
        app.MapGet(LinkedCallback, LinkedAsync);
        app.MapPost("/compte/externe/delier", UnlinkAsync);
        return app;
    }

    private static IResult Challenge(
        [FromForm] string provider,
        [FromForm(Name = "ReturnUrl")] string? returnUrl,
        ExternalProviders providers,
        SignInManager<Person> signIn,
        TimeProvider clock
    )
    {
        if (providers.Find(provider) is null)
            return Results.LocalRedirect("/connexion");
        var back = ReturnUrls.Local(returnUrl) ?? "/tableau-de-bord";
        var properties = signIn.ConfigureExternalAuthenticationProperties(
            provider,
            $"{Callback}?ReturnUrl={Uri.EscapeDataString(back)}"
        );
        SingleSignOn.CasRenewal.AskProviderAgain(properties, back, clock); // a resource asked for the password again
        return Results.Challenge(properties, [provider]);
    }

    private static async Task<IResult> SignInAsync(
        [FromQuery] string? returnUrl,
        HttpContext http,
        SignInManager<Person> signIn,
        ExternalProviders providers,
        ExternalIdentities identities
    )
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || providers.Find(info.LoginProvider) is not { } provider)
            return Results.LocalRedirect(Refused("echec"));
        SingleSignOn.CasRenewal.NoteExternalSignIn(http, info.AuthenticationProperties, info.Principal, returnUrl);
        var result = await SignInLinkedAsync(signIn, info);
        if (!result.Succeeded && !result.IsLockedOut && !result.IsNotAllowed)
        {
            var claim = ClaimValue(info.Principal, provider.Settings.ClaimType);
            switch (await identities.LinkByClaimAsync(info, provider.Settings.PersonField, claim))
            {
                case ExternalMatch.Linked:
                    result = await SignInLinkedAsync(signIn, info);
                    break;
                case ExternalMatch.AdminMustProvePassword:
                    return Results.LocalRedirect(LinkPage + "?admin=1");
                case ExternalMatch.NoMatch or ExternalMatch.Several:
                    // The external cookie stays (a few minutes): the person may prove an ENOE password to link it.
                    return Results.LocalRedirect(Refused("inconnu"));
            }
        }
        return await FinishAsync(http, signIn, info, result, returnUrl);
    }

    private static async Task<IResult> LinkWithPasswordAsync(
        [FromForm(Name = "UserName")] string? userName,
        [FromForm(Name = "Password")] string? password,
        HttpContext http,
        SignInManager<Person> signIn,
        SignInFailureFloor floor,
        ExternalIdentities identities,
        EnoeDbContext db
    )
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
            return Results.LocalRedirect(Refused("expire"));
        var person = string.IsNullOrWhiteSpace(userName)
            ? null
            : await signIn.UserManager.FindByNameAsync(userName.Trim());
        // Counts toward the same lockout as the sign-in form; one answer whatever went wrong.
        SignInResult check;
        try
        {
            check = person is null
                ? SignInResult.Failed
                : await signIn.CheckPasswordSignInAsync(person, password ?? "", lockoutOnFailure: true);
        }
        catch (Enoe.Data.Directory.DirectoryUnavailableException)
        {
            await floor.PadAsync(http);
            return Results.LocalRedirect($"/connexion?erreur={AccountEndpoints.DirectoryDown}"); // no failure counted
        }
        if (!check.Succeeded)
        {
            // Like the sign-in form: an unknown identifiant answers at the moment a wrong password does.
            await floor.PadAsync(http);
            return Results.LocalRedirect(LinkPage + "?erreur=1");
        }
        // A password alone must not attach a new way in to an account that signs in with a second factor: such
        // accounts link from their profile, once signed in with their code.
        if (person!.TwoFactorEnabled || await db.IsRequiredAsync(person.Id))
            return Results.LocalRedirect($"{LinkPage}?erreur={Components.Account.ExternalLink.SecondFactorFirst}");
        var linked = await identities.LinkAsync(
            new CurrentUser(person!.Id, person.DisplayName, null, Profile.None),
            info
        );
        if (!linked.Succeeded)
        {
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            return Results.LocalRedirect(Refused("deja-relie"));
        }
        db.ChangeTracker.Clear(); // the link changed the security stamp: sign in with the saved one
        return await FinishAsync(http, signIn, info, await SignInLinkedAsync(signIn, info), "/tableau-de-bord");
    }

    private static IResult ChallengeToLink(
        [FromForm] string provider,
        HttpContext http,
        ExternalProviders providers,
        SignInManager<Person> signIn
    )
    {
        if (providers.Find(provider) is null || signIn.UserManager.GetUserId(http.User) is not { } userId)
            return Results.LocalRedirect("/compte/profil");
        // The person's id travels in the protected state: the identity that comes back is linked to them only.
        var properties = signIn.ConfigureExternalAuthenticationProperties(provider, LinkedCallback, userId);
        return Results.Challenge(properties, [provider]);
    }

    private static async Task<IResult> LinkedAsync(
        HttpContext http,
        SignInManager<Person> signIn,
        ExternalIdentities identities,
        EnoeDbContext db
    )
    {
        var info = await signIn.GetExternalLoginInfoAsync(signIn.UserManager.GetUserId(http.User));
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (info is null || CurrentUser.From(http.User) is not { } user)
            return Results.LocalRedirect("/compte/profil?liaison=echec");
        var linked = await identities.LinkAsync(user, info);
        return await AfterChangeAsync(http, signIn, db, linked.Succeeded ? "reliee" : "refusee");
    }

    private static async Task<IResult> UnlinkAsync(
        [FromForm] string provider,
        [FromForm] string key,
        HttpContext http,
        SignInManager<Person> signIn,
        ExternalIdentities identities,
        EnoeDbContext db
    )
    {
        if (CurrentUser.From(http.User) is not { } user)
            return Results.Unauthorized();
        var removed = await identities.UnlinkAsync(user, provider, key);
        if (!removed.Succeeded)
            return Results.Forbid();
        return await AfterChangeAsync(http, signIn, db, "retiree");
    }

    /// <summary>
    /// Linking or unlinking changes the security stamp: the cookie is renewed with the new one, or revalidation would
    /// sign the person out within a minute.
    /// </summary>
    private static async Task<IResult> AfterChangeAsync(
        HttpContext http,
        SignInManager<Person> signIn,
        EnoeDbContext db,
        string outcome
    )
    {
        db.ChangeTracker.Clear();
        if (await signIn.UserManager.GetUserAsync(http.User) is { } person)
            await signIn.RefreshSignInAsync(person);
        return Results.LocalRedirect($"/compte/profil?liaison={outcome}");
    }

    private static Task<SignInResult> SignInLinkedAsync(SignInManager<Person> signIn, ExternalLoginInfo info) =>
        signIn.ExternalLoginSignInAsync(
            info.LoginProvider,
            info.ProviderKey,
            isPersistent: false,
            bypassTwoFactor: true
        );

    private static async Task<IResult> FinishAsync(
        HttpContext http,
        SignInManager<Person> signIn,
        ExternalLoginInfo info,
        SignInResult result,
        string? returnUrl
    )
    {
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!result.Succeeded)
            return Results.LocalRedirect(Refused("refuse")); // disabled or locked out
        var person = await signIn.UserManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (person is not null)
            await http
                .RequestServices.GetRequiredService<Enoe.Data.Statistics.UsageCounter>()
                .SignedInAsync(person.Id, person.CurrentSchoolId);
        return Results.LocalRedirect(
            person?.MustChangePassword == true
                ? MustChangePasswordMiddleware.PasswordPage
                : ReturnUrls.Local(returnUrl) ?? "/tableau-de-bord"
        );
    }

    /// <summary>The mapped claim, under the name the provider sent or the one ASP.NET Core mapped it to.</summary>
    internal static string? ClaimValue(ClaimsPrincipal principal, string claimType) =>
        (
            principal.FindFirst(claimType)
            ?? (
                JsonWebTokenHandler.DefaultInboundClaimTypeMap.TryGetValue(claimType, out var mapped)
                    ? principal.FindFirst(mapped)
                    : null
            )
        )?.Value;
}
