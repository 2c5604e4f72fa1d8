using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Enoe.Data.SingleSignOn;
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
        if (!request.HasFormContentType)
            return null;
        var returnUrl = (await request.ReadFormAsync()).TryGetValue("ReturnUrl", out var value) ? value.ToString() : "";
        var question = returnUrl.IndexOf('?');
        if (
            !(
                returnUrl.StartsWith("/cas/login?", StringComparison.Ordinal)
                || returnUrl.StartsWith("/oidc/authorize?", StringComparison.Ordinal)
            )
            || question < 0
        )
            return null;
        var query = QueryHelpers.ParseQuery(returnUrl[question..]);
        return query.TryGetValue(Parameter, out var stamp) && stamp.ToString().Length > 0
            ? new Claim(ClaimType, Digest(stamp.ToString()))
            : null;
    }

    private static string Digest(string stamp) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stamp)))[..32];
}
