using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Enoe.App.Account;

/// <summary>
/// Signing out of ENOE after signing in through a provider ends the provider's session too (RP-initiated logout), when
/// that provider is configured for it: the browser goes to its end_session_endpoint with the id_token as
/// id_token_hint and the client id, and comes back through the scheme's signed-out callback to the sign-in page.
/// </summary>
internal static class ExternalSignOut
{
    public const string SignedOutPage = "/connexion?deconnecte=1";

    /// <summary>
    /// Starts the provider's sign-out (a redirect) if the person signed in through one; false otherwise.
    /// </summary>
    public static async Task<bool> ProviderSignOutAsync(HttpContext http, ExternalProviders providers)
    {
        // Identity records the scheme an external sign-in came through as the authentication method.
        var method = http.User.FindFirstValue(ClaimTypes.AuthenticationMethod);
        if (providers.Find(method) is not { Settings.ProviderSignOut: true } provider)
            return false;
        try
        {
            await http.SignOutAsync(provider.Scheme, new AuthenticationProperties { RedirectUri = SignedOutPage });
            return true;
        }
        catch (InvalidOperationException e) // its metadata cannot be read: ENOE's session ends all the same
        {
            http.RequestServices.GetRequiredService<ILogger<ExternalProvider>>()
                .LogWarning(e, "Could not sign out of {Scheme}", provider.Scheme);
            return false;
        }
    }
}
