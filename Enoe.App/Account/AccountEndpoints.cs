using Enoe.App.Hosting;
using Enoe.Data;
using Enoe.Data.Directory;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Enoe.App.Account;

/// <summary>
/// Sign-in, sign-out, switching établissement and language: plain HTTP form posts, so the rate
/// limiter, antiforgery and the cookie all work as on any web form.
/// </summary>
public static class AccountEndpoints
{
    public sealed class LoginForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/compte/connexion", SignInAsync).AllowAnonymous().RequireSignInThrottling(SignInStep.Password);
        app.MapPost(
                "/compte/deconnexion",
                async (HttpContext http, SignInManager<Person> signIn, ExternalProviders providers) =>
                {
                    // No form fields to bind, so the antiforgery result must be read here: a forged post signs nobody
                    // out.
                    if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
                        return Results.BadRequest();
                    // First the provider's session (it reads the id_token from the cookie), then ENOE's.
                    var atProvider = await ExternalSignOut.ProviderSignOutAsync(http, providers);
                    await signIn.SignOutAsync();
                    return atProvider ? Results.Empty : Results.LocalRedirect(ExternalSignOut.SignedOutPage);
                }
            )
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapPost(EndOtherSessions, EndOtherSessionsAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapExternalSignInEndpoints();
        app.MapPost("/compte/etablissement", SwitchSchoolAsync);
        app.MapPost("/compte/enfant", ChooseChildAsync);
        app.MapGet(
                "/culture/{code}",
                (string code, string? retour, HttpContext http) =>
                {
                    var culture = code == "en" ? "en" : "fr-FR";
                    http.Response.Cookies.Append(
                        CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                        new CookieOptions
                        {
                            Expires = DateTimeOffset.UtcNow.AddYears(1),
                            IsEssential = true,
                            HttpOnly = true,
                            SameSite = SameSiteMode.Lax,
                        }
                    );
                    return Results.LocalRedirect(ReturnUrls.Local(retour) ?? "/");
                }
            )
            .AllowAnonymous();
        return app;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] LoginForm form,
        HttpContext http,
        SignInManager<Person> signIn,
        SignInFailureFloor floor,
        ILoggerFactory logs,
        Enoe.Data.Statistics.UsageCounter usage
    )
    {
        var returnUrl = ReturnUrls.Local(form.ReturnUrl) ?? "/tableau-de-bord";
        var userName = SignInAttempts.IdentifiantOf(http); // as the rate limiter counted it
        if (userName.Length > 0 && !string.IsNullOrEmpty(form.Password))
        {
            Microsoft.AspNetCore.Identity.SignInResult result;
            try
            {
                result = await signIn.PasswordSignInAsync(
                    userName,
                    form.Password,
                    isPersistent: false,
                    lockoutOnFailure: true
                );
            }
            catch (DirectoryUnavailableException e)
            {
                // Not a wrong password: nothing counted toward the lockout, and the person is told to come back.
                logs.CreateLogger(typeof(AccountEndpoints))
                    .LogWarning("Directory sign-in impossible: {Reason}", e.Message);
                await floor.PadAsync(http);
                return Results.LocalRedirect(
                    $"/connexion?erreur={DirectoryDown}&ReturnUrl={Uri.EscapeDataString(returnUrl)}"
                );
            }
            if (result.RequiresTwoFactor)
                return Results.LocalRedirect(TwoFactorEndpoints.CodePageFor(returnUrl));
            if (result.Succeeded)
            {
                var user = await signIn.UserManager.FindByNameAsync(userName);
                if (user is not null)
                    await usage.SignedInAsync(user.Id, user.CurrentSchoolId); // the day's figures, once a day
                return Results.LocalRedirect(
                    user?.MustChangePassword == true ? MustChangePasswordMiddleware.PasswordPage : returnUrl
                );
            }
        }
        // Unknown account, wrong password, locked out, refused by the directory: one answer at one moment, so nobody
        // learns which accounts exist.
        await floor.PadAsync(http);
        return Results.LocalRedirect($"/connexion?erreur=1&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    /// <summary>
    /// "Déconnecter les autres sessions" (profile page): every session of the person but this one ends.
    /// </summary>
    public const string EndOtherSessions = "/compte/sessions/autres";

    private static async Task<IResult> EndOtherSessionsAsync(HttpContext http, SignInSessions sessions)
    {
        if (http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            return Results.BadRequest();
        if (CurrentUser.From(http.User) is not { } user || SessionCookie.IdOf(http.User) is not Guid current)
            return Results.Unauthorized();
        await sessions.EndAllAsync(user.PersonId, SessionEnd.Revoked, except: current);
        return Results.LocalRedirect("/compte/profil?sessions=fermees");
    }

    /// <summary>The sign-in page's <c>erreur</c> when the académie directory did not answer.</summary>
    public const string DirectoryDown = "annuaire";

    private static async Task<IResult> SwitchSchoolAsync(
        [FromForm] int schoolId,
        HttpContext http,
        SignInManager<Person> signIn,
        EnoeDbContext db,
        Enoe.Data.Statistics.UsageCounter usage
    )
    {
        var user = await signIn.UserManager.GetUserAsync(http.User);
        if (user is null)
            return Results.Unauthorized();
        // The id comes from the browser: it must be one of this person's établissements.
        if (!await db.Memberships.AnyAsync(m => m.PersonId == user.Id && m.SchoolId == schoolId))
            return Results.Forbid();
        user.CurrentSchoolId = schoolId;
        await signIn.UserManager.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await usage.SignedInAsync(user.Id, schoolId);
        return Results.LocalRedirect("/tableau-de-bord");
    }

    /// <summary>
    /// A parent chooses which child's pages to look at. The child may be at another établissement: the
    /// cookie then moves there too, so the header, the news and every widget speak of that child's school.
    /// </summary>
    private static async Task<IResult> ChooseChildAsync(
        [FromForm] int childId,
        [FromForm] string? retour,
        HttpContext http,
        SignInManager<Person> signIn,
        WorkspaceService workspaces,
        Enoe.Data.Statistics.UsageCounter usage
    )
    {
        var user = await signIn.UserManager.GetUserAsync(http.User);
        if (user is null)
            return Results.Unauthorized();
        var chosen = await workspaces.ChooseChildAsync(user.Id, childId);
        if (!chosen.Succeeded)
            return Results.Forbid();
        var moved = user.CurrentSchoolId != chosen.Value;
        // Saved by the service; the cookie is built from these
        (user.CurrentSchoolId, user.ViewedChildId) = (chosen.Value, childId);
        await signIn.RefreshSignInAsync(user);
        if (moved)
            await usage.SignedInAsync(user.Id, chosen.Value);
        // Another établissement has other classes and devoirs: stay in the same section, not on the same object.
        var back = ReturnUrls.Local(retour) ?? "/tableau-de-bord";
        return Results.LocalRedirect(moved ? ReturnUrls.Section(back) : back);
    }
}
