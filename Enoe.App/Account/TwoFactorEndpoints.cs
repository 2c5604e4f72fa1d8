using Enoe.App.Hosting;
using Enoe.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Enoe.App.Account;

/// <summary>
/// The second step of signing in, after the password: a plain form post like the first step, so the sign-in rate
/// limit, antiforgery and the lockout apply to every code tried.
/// </summary>
public static class TwoFactorEndpoints
{
    public const string CodePage = "/connexion/code";
    public const string EnrolmentPage = "/compte/double-authentification";

    public sealed class CodeForm
    {
        public string? Code { get; set; }
        public bool RememberDevice { get; set; }
        public string? ReturnUrl { get; set; }
    }

    /// <summary>Where the password step sends someone whose account asks for a code.</summary>
    public static string CodePageFor(string returnUrl) => $"{CodePage}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapTwoFactorEndpoints(this IEndpointRouteBuilder app)
    {
        // Counted by the account that gave its password (the second-factor cookie), never by the form.
        app.MapPost("/compte/connexion/code", SignInWithCodeAsync)
            .AllowAnonymous()
            .RequireSignInThrottling(SignInStep.Code);
        return app;
    }

    private static async Task<IResult> SignInWithCodeAsync(
        [FromForm] CodeForm form,
        HttpContext http,
        SignInManager<Person> signIn,
        SignInFailureFloor floor,
        Enoe.Data.Statistics.UsageCounter usage
    )
    {
        var returnUrl = ReturnUrls.Local(form.ReturnUrl) ?? "/tableau-de-bord";
        // Only who gave the right password a moment ago (Identity's short-lived cookie) reaches the code.
        var person = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (person is null)
            return Results.LocalRedirect($"/connexion?erreur=1&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var result = await CheckCodeAsync(signIn, person, form);
        if (!result.Succeeded)
        {
            // A wrong code, a used recovery code, a locked account: one answer at one moment, as for the password.
            await floor.PadAsync(http);
            return Results.LocalRedirect($"{CodePageFor(returnUrl)}&erreur=1");
        }
        await usage.SignedInAsync(person.Id, person.CurrentSchoolId);
        return Results.LocalRedirect(person.MustChangePassword ? MustChangePasswordMiddleware.PasswordPage : returnUrl);
    }

    /// <summary>Six digits are the app's code; anything else is tried as a recovery code (each works once).</summary>
    private static async Task<SignInResult> CheckCodeAsync(SignInManager<Person> signIn, Person person, CodeForm form)
    {
        if (TwoFactorAccount.Digits(form.Code) is { } digits)
            // Identity counts a wrong code toward the lockout and refuses a locked account.
            return await signIn.TwoFactorAuthenticatorSignInAsync(digits, false, form.RememberDevice);
        var recovery = TwoFactorAccount.RecoveryCode(form.Code);
        if (recovery.Length == 0 || await signIn.UserManager.IsLockedOutAsync(person))
            return SignInResult.Failed;
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(recovery);
        // Identity does not count a wrong recovery code (they are long and random): counted here, like any other.
        if (!result.Succeeded)
            await signIn.UserManager.AccessFailedAsync(person);
        return result;
    }
}
