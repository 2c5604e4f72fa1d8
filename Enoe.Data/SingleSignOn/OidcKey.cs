namespace Enoe.Data.SingleSignOn;

/// <summary>What an OpenID Connect provider key is for.</summary>
public enum OidcKeyUse
{
    /// <summary>Signs identity tokens (RS256); published in the JWKS for the resources to check.</summary>
    Signing = 1,

    /// <summary>Encrypts what only ENOE reads back: authorization codes, refresh and access tokens.</summary>
    Encryption = 2,
}

/// <summary>
/// One RSA key of ENOE's OpenID Connect provider, kept in the database so that every instance, and every restart,
/// signs and reads with the same keys. The private key is stored protected by ASP.NET Core Data Protection (whose
/// keys the instances already share). A rollover adds the next generation, published at once and used from
/// <see cref="ActiveFrom"/>; the generation before stays published until the one after it.
/// </summary>
public sealed class OidcKey
{
    public int Id { get; set; }
    public OidcKeyUse Use { get; set; }

    /// <summary>1 for the first key of its use, then one more per rollover.</summary>
    public int Generation { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>From when it signs or encrypts; until then it is only published (resources fetch it first).</summary>
    public DateTime ActiveFrom { get; set; }

    /// <summary>The private key (PKCS #8), protected by Data Protection, in base 64.</summary>
    public required string ProtectedKey { get; set; }
}
