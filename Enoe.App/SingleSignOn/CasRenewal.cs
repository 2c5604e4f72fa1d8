using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Enoe.Data.SingleSignOn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Enoe.App.SingleSignOn;

/// <summary>
/// <c>renew=true</c>: the service wants the password typed again, even by someone signed in. <c>/cas/login</c> sends
/// them to the sign-in page with a stamp in the way back (random, dated, protected by Data Protection); the sign-in
/// made through that very page carries the stamp's digest in its cookie (<see cref="ClaimType"/>, added when the
/// session starts), and only a session holding the digest of the stamp it comes back with counts as renewed. A
/// sign-in made any other way (the person's own, before or after someone asked for a stamp) never does. OpenID
/// Connect's <c>prompt=login</c> and <c>max_age</c> use the same stamps (<see cref="OidcEndpoints"/>).
/// </summary>
internal static class CasRenewal
{
    public const string ClaimType = "enoe:cas-renewed";

    /// <summary>The query parameter of the way back that carries the stamp.</summary>
    public const string Parameter = "depuis";

    /// <summary>How long a password typed again for a renewal may take.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Purpose = "Enoe.Cas.Renew";

    /// <summary>
    /// A new stamp: when it was asked for, for which service (a stamp serves no other), and 128 random bits so that no
    /// two are alike.
    /// </summary>
    public static string Stamp(IDataProtectionProvider protection, TimeProvider clock, string service) =>
        protection
            .CreateProtector(Purpose)
            .Protect(
                clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)
                    + "|"
                    + Convert.ToHexString(RandomNumberGenerator.GetBytes(16))
                    + "|"
                    + ServiceUrl.Normalize(service)
            );

    /// <summary>
    /// Whether <paramref name="user"/> signed in through the page <paramref name="stamp"/> sent them to, for
    /// <paramref name="service"/>, within <see cref="Window"/> of the stamp. The endpoint then drops the claim
    /// (<see cref="Microsoft.AspNetCore.Identity.SignInManager{TUser}.RefreshSignInAsync"/>): a stamp serves once.
    /// </summary>
    public static bool Renewed(
        ClaimsPrincipal user,
        string? stamp,
        string service,
        IDataProtectionProvider protection,
        TimeProvider clock
    )
    {
        if (string.IsNullOrEmpty(stamp) || !user.HasClaim(ClaimType, Digest(stamp)))
            return false;
        try
        {
            var parts = protection.CreateProtector(Purpose).Unprotect(stamp).Split('|');
            var since = new DateTime(long.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeKind.Utc);
            return parts.Length == 3
                && parts[2] == ServiceUrl.Normalize(service)
                && clock.GetUtcNow().UtcDateTime - since < Window;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// The claim a session starting now carries when its sign-in form was posted on the way back to a renewal (the
    /// form's <c>ReturnUrl</c> holds the stamp); null for any other sign-in.
    /// </summary>
    public static async Task<Claim?> ClaimForSignInAsync(HttpRequest request)
    {
        if (request.HttpContext.Items[ExternalItem] is Claim external)
            return external; // an external provider's sign-in made for the renewal (NoteExternalSignIn)
        if (!request.HasFormContentType)
            return null;
        var returnUrl = (await request.ReadFormAsync()).TryGetValue("ReturnUrl", out var value) ? value.ToString() : "";
        return StampIn(returnUrl) is { } stamp ? new Claim(ClaimType, Digest(stamp)) : null;
    }

    /// <summary>
    /// The sign-in page, then back to <paramref name="back"/> (a local path and its query); when
    /// <paramref name="renewing"/>, the way back carries a new stamp bound to <paramref name="bound"/>, so that the
    /// password is typed again even by someone signed in.
    /// </summary>
    public static IResult SignInFirst(
        string back,
        bool renewing,
        string bound,
        IDataProtectionProvider protection,
        TimeProvider clock
    )
    {
        if (renewing)
            back = QueryHelpers.AddQueryString(back, Parameter, Stamp(protection, clock, bound));
        return Results.LocalRedirect($"/connexion?ReturnUrl={Uri.EscapeDataString(back)}");
    }

    /// <summary>
    /// A renewal used: the same session goes on, its cookie re-issued without the stamp's digest, so that the stamp
    /// serves once.
    /// </summary>
    public static async Task UsedAsync(
        HttpContext http,
        Microsoft.AspNetCore.Identity.SignInManager<Enoe.Data.People.Person> signIn
    )
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is { } person)
            await signIn.RefreshSignInAsync(person);
    }

    /// <summary>The ENOE sign-in session the cookie belongs to, if any.</summary>
    public static Guid? SessionOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(Enoe.Data.People.EnoeClaims.Session)?.Value, out var session) ? session : null;

    /// <summary>
    /// The external challenge of a sign-in on the way back to a renewal: the provider (ÉduConnect, Entra ID) is asked
    /// for the password again (<c>prompt=login</c>, <c>max_age=0</c>), and which stamp it was for is kept in the
    /// challenge's properties, which come back protected in the external cookie, with when it was asked.
    /// </summary>
    public static void AskProviderAgain(AuthenticationProperties properties, string? returnUrl, TimeProvider clock)
    {
        if (StampIn(returnUrl) is not { } stamp)
            return;
        properties.SetParameter("prompt", "login");
        properties.SetParameter<TimeSpan?>("max_age", TimeSpan.Zero);
        properties.Items[ExternalItem] = Digest(stamp);
        properties.Items[ExternalAskedAt] = clock
            .GetUtcNow()
            .ToUnixTimeSeconds()
            .ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// At the provider's callback: the session about to start counts as renewed when the provider's sign-in was asked
    /// for the stamp of <paramref name="returnUrl"/> (a way back edited on the way counts for nothing), and, when the
    /// provider says when the person authenticated (<c>auth_time</c>), after it was asked: a provider that ignored
    /// <c>prompt=login</c> and answered from its own older session renews nothing.
    /// </summary>
    public static void NoteExternalSignIn(
        HttpContext http,
        AuthenticationProperties? properties,
        ClaimsPrincipal external,
        string? returnUrl
    )
    {
        if (
            StampIn(returnUrl) is not { } stamp
            || properties?.Items.TryGetValue(ExternalItem, out var asked) != true
            || asked != Digest(stamp)
        )
            return;
        if (
            Account.ExternalSignInEndpoints.ClaimValue(external, "auth_time") is { } said // mapped or not
            && long.TryParse(said, CultureInfo.InvariantCulture, out var authenticated)
            && properties.Items.TryGetValue(ExternalAskedAt, out var at)
            && long.TryParse(at, CultureInfo.InvariantCulture, out var askedAt)
            && authenticated < askedAt - 60 // a minute of clock difference between the two servers
        )
            return;
        http.Items[ExternalItem] = new Claim(ClaimType, asked!);
    }

    /// <summary>The stamp a way back to <c>/cas/login</c> or <c>/oidc/authorize</c> carries, or null.</summary>
    private static string? StampIn(string? returnUrl)
    {
        var question = returnUrl?.IndexOf('?') ?? -1;
        if (
            returnUrl is null
            || question < 0
            || !(
                returnUrl.StartsWith("/cas/login?", StringComparison.Ordinal)
                || returnUrl.StartsWith("/oidc/authorize?", StringComparison.Ordinal)
            )
        )
            return null;
        return
            QueryHelpers.ParseQuery(returnUrl[question..]).TryGetValue(Parameter, out var stamp)
            && stamp.ToString().Length > 0
            ? stamp.ToString()
            : null;
    }

    private const string ExternalItem = "enoe:cas-renewal",
        ExternalAskedAt = "enoe:cas-renewal-asked";

    private static string Digest(string stamp) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..32];
}
