using Enoe.App.Components.Account;
using Enoe.App.Hosting;
using Enoe.Data.People;

namespace Enoe.App.Account;

/// <summary>
/// ENOE's settings for one external identity provider: <c>Enoe:AzureAd</c> beside Microsoft.Identity.Web's standard
/// <c>AzureAd</c> section, or <c>Enoe:OpenIdConnect</c> for the generic provider (ÉduConnect-like), which also carries
/// its connection (Authority, ClientId, ClientSecret, paths, Scope).
/// </summary>
public sealed class ExternalProviderSettings
{
    /// <summary>
    /// The button's text; by default "Compte académique" (Entra ID) or "ÉduConnect", in the reader's language.
    /// </summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// The claim that designates the person (its name as the provider sends it: <c>email</c>, <c>upn</c>...).
    /// </summary>
    public string ClaimType { get; set; } = "email";

    /// <summary>The person's field the claim must equal: <c>Email</c> or <c>DirectoryKey</c> (the jointure).</summary>
    public PersonField PersonField { get; set; } = PersonField.Email;

    /// <summary>Whether signing out of ENOE also ends the provider's session (RP-initiated logout).</summary>
    public bool ProviderSignOut { get; set; } = true;

    /// <summary>
    /// False only for a provider on loopback over plain HTTP (tests): its metadata is then read over HTTP.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Entra ID only: the exact issuer to accept instead of Microsoft's tenant rule, when an OpenID Connect provider
    /// that is not Microsoft's stands in for Entra (an académie's own federation, the tests). Set
    /// <c>AzureAd:MetadataAddress</c> to its discovery document too.
    /// </summary>
    public string? Issuer { get; set; }

    // The generic provider's connection (Microsoft.Identity.Web reads Entra's from the AzureAd section).
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string CallbackPath { get; set; } = "/signin-educonnect";
    public string SignedOutCallbackPath { get; set; } = "/signout-callback-educonnect";

    /// <summary>Scopes asked for, separated by spaces.</summary>
    public string Scope { get; set; } = "openid profile email";
}

/// <summary>One provider offered on the sign-in page: its authentication scheme and settings.</summary>
public sealed record ExternalProvider(string Scheme, ExternalProviderSettings Settings)
{
    public string Name =>
        !string.IsNullOrWhiteSpace(Settings.DisplayName) ? Settings.DisplayName
        : Scheme == ExternalSignInHosting.EntraId ? AccountText.External_EntraName
        : AccountText.External_OpenIdName;

    /// <summary>
    /// The language of the default name "ÉduConnect": a French service's name, said in French in every language. A
    /// configured name, or Entra's translated one, has none of its own.
    /// </summary>
    public string? NameLanguage =>
        string.IsNullOrWhiteSpace(Settings.DisplayName) && Scheme == ExternalSignInHosting.OpenIdConnect ? "fr" : null;
}

/// <summary>
/// The providers configured, in the order of the sign-in page's buttons (none when nothing is configured).
/// </summary>
public sealed class ExternalProviders(IReadOnlyList<ExternalProvider> all)
{
    public IReadOnlyList<ExternalProvider> All => all;

    public ExternalProvider? Find(string? scheme) => all.FirstOrDefault(p => p.Scheme == scheme);
}
