using Enoe.Data.People;

namespace Enoe.Data.SingleSignOn;

/// <summary>How an application signs people in through ENOE.</summary>
public enum SsoProtocol
{
    Cas = 1,
    OpenIdConnect = 2,
}

/// <summary>How a registration's pattern matches the service URLs a client sends (both normalised first).</summary>
public enum ServiceMatch
{
    /// <summary>The same URL, after <see cref="ServiceUrl.Normalize"/>.</summary>
    Exact = 0,

    /// <summary>
    /// Any URL that starts with the pattern, which always names a scheme, a host and a path (never a bare host
    /// wildcard): <c>https://res.example/app/</c> matches <c>https://res.example/app/page?x=1</c>, never
    /// <c>https://res.example.evil/</c>.
    /// </summary>
    Prefix = 1,
}

/// <summary>
/// How one registration compares service URLs beyond <see cref="ServiceUrl.Normalize"/>, for clients that need it.
/// </summary>
[Flags]
public enum ServiceUrlOptions
{
    None = 0,

    /// <summary>
    /// The query string is left out of the comparison (a client that adds <c>?page=…</c> to an exact URL).
    /// </summary>
    IgnoreQuery = 1,

    /// <summary>
    /// The path is compared without case (a resource on a server where <c>/App/</c> and <c>/app/</c> are one).
    /// </summary>
    PathCaseInsensitive = 2,
}

/// <summary>The vocabulary a service reads its attributes in (<see cref="CasAttributes"/>).</summary>
public enum AttributeSet
{
    /// <summary>The académie directory's names (SDET): <c>ENTPersonProfils</c>, <c>ENTPersonNom</c>…</summary>
    Sdet = 0,

    /// <summary>The names school-life software reads: <c>nom</c>, <c>prenom</c>, <c>categories</c>…</summary>
    PronoteStyle = 1,
}

/// <summary>
/// An application that may sign people in through ENOE (a ressource académique, a publisher's platform): which of
/// its URLs, which attributes it receives, who may reach it. The académie registers it; a service URL that matches no
/// registration gets an error page, never a redirect.
/// </summary>
public sealed class SsoRegistration
{
    public const int NameMax = 120,
        PatternMax = 500,
        ReleasedMax = 500,
        LevelCodesMax = 60,
        ClientIdMax = 100;

    public int Id { get; set; }
    public required string Name { get; set; }
    public SsoProtocol Protocol { get; set; } = SsoProtocol.Cas;

    /// <summary>
    /// The service URL, or its prefix, as <see cref="ServiceUrl.Normalize"/> writes it; for OpenID Connect, the
    /// client's redirect URI (always exact).
    /// </summary>
    public required string ServicePattern { get; set; }
    public ServiceMatch Match { get; set; }

    /// <summary>CAS: how service URLs are compared with the pattern, beyond the normalisation every one gets.</summary>
    public ServiceUrlOptions UrlOptions { get; set; }
    public AttributeSet Attributes { get; set; }

    /// <summary>The attribute names released, comma-separated; empty: every attribute of the set.</summary>
    public string Released { get; set; } = "";

    /// <summary>Who may reach it, in the établissement they are working in.</summary>
    public Profile Profiles { get; set; } = Profile.Everyone;

    /// <summary>Level codes ("6e,5e") whose students (and their parents) may reach it; null for every level.</summary>
    public string? LevelCodes { get; set; }

    /// <summary>Only the people of this établissement; null for the whole académie.</summary>
    public int? SchoolId { get; set; }

    /// <summary>The catalogue's entry people open it from, if any.</summary>
    public int? ResourceId { get; set; }

    /// <summary>
    /// The OpenID Connect client's <c>client_id</c>; its secret and redirect URI live in OpenIddict's application of
    /// the same id (<see cref="SsoRegistry"/> writes both together). Null for CAS.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// OpenID Connect only: the client's back-channel logout URI, where signing out of ENOE posts a
    /// <c>logout_token</c> (with <see cref="SingleLogout"/>); null when the client has none.
    /// </summary>
    public string? LogoutUri { get; set; }

    /// <summary>
    /// Whether signing out of ENOE tells the service (CAS single logout, a POST of <c>logoutRequest</c>; OpenID
    /// Connect back-channel logout, a POST of <c>logout_token</c> to <see cref="LogoutUri"/>).
    /// </summary>
    public bool SingleLogout { get; set; } = true;

    /// <summary>One more at each save: a save made from an older reading is refused (two admins at once).</summary>
    public int Version { get; set; }
}
