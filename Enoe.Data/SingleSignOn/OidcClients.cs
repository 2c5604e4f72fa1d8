using System.Security.Cryptography;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Enoe.Data.SingleSignOn;

/// <summary>
/// The OpenIddict application behind an OpenID Connect registration: a confidential client with the code flow and
/// PKCE required, its one redirect URI, refresh tokens when it asks for <c>offline_access</c>, no consent screen (the
/// académie approved the resource). Its secret is stored hashed by OpenIddict and shown once, when it is made.
/// </summary>
internal static class OidcClients
{
    /// <summary>
    /// Creates or updates the application of <paramref name="registration"/> (found by its former client id, which
    /// may change); returns the new secret when one was made (a new client, or <paramref name="newSecret"/>).
    /// </summary>
    public static async Task<string?> WriteAsync(
        IOpenIddictApplicationManager apps,
        SsoRegistration registration,
        string? formerClientId,
        bool newSecret,
        CancellationToken ct,
        string? secret = null
    )
    {
        var app = await apps.FindByClientIdAsync(formerClientId ?? registration.ClientId!, ct);
        var descriptor = new OpenIddictApplicationDescriptor();
        if (app is not null)
            await apps.PopulateAsync(descriptor, app, ct); // keeps the stored secret's hash unless replaced below
        descriptor.ClientId = registration.ClientId;
        descriptor.DisplayName = registration.Name;
        descriptor.ClientType = ClientTypes.Confidential;
        descriptor.ConsentType = ConsentTypes.Implicit;
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.Add(new Uri(registration.ServicePattern));
        // After signing out through /oidc/logout, back to the resource's home page.
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Add(new Uri(new Uri(registration.ServicePattern), "/"));
        descriptor.Permissions.Clear();
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile,
            Permissions.Scopes.Email,
        ]);
        descriptor.Requirements.Clear();
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        string? shown = null;
        if (app is null || newSecret)
            descriptor.ClientSecret = shown = secret ?? NewSecret();
        if (app is null)
            await apps.CreateAsync(descriptor, ct);
        else
            await apps.UpdateAsync(app, descriptor, ct);
        return shown;
    }

    /// <summary>Removes the application of <paramref name="clientId"/> with its authorizations and tokens.</summary>
    public static async Task DeleteAsync(IOpenIddictApplicationManager apps, string clientId, CancellationToken ct)
    {
        if (await apps.FindByClientIdAsync(clientId, ct) is { } app)
            await apps.DeleteAsync(app, ct);
    }

    /// <summary>256 random bits, URL-safe base 64: pasted once into the resource's configuration.</summary>
    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
