namespace Enoe.Data.SingleSignOn;

/// <summary>
/// A CAS service ticket: issued when a signed-in person is sent to a registered service, validated once by that
/// service's server within <see cref="CasService.TicketLifetime"/>, deleted by its first validation whatever the
/// outcome (a validation for another service burns it).
/// </summary>
public sealed class CasTicket
{
    public const int IdMax = 64,
        ServiceMax = 2048;

    /// <summary><c>ST-</c> and 32 random bytes (256 bits), URL-safe base 64.</summary>
    public required string Id { get; set; }
    public int RegistrationId { get; set; }

    /// <summary>The service URL it was issued for, normalised.</summary>
    public required string Service { get; set; }
    public int PersonId { get; set; }

    /// <summary>The établissement the person was working in: the attributes describe them there.</summary>
    public int? SchoolId { get; set; }
    public DateTime IssuedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>
    /// Issued right after the password was typed again (<c>renew=true</c>): CAS's primary credentials.
    /// </summary>
    public bool FromNewSignIn { get; set; }
}

/// <summary>
/// One hand-off of a person to a service through ENOE: the log of who reached which resource when, and what single
/// logout reads to tell the services a session used.
/// </summary>
public sealed class SsoHandOff
{
    public long Id { get; set; }
    public int PersonId { get; set; }
    public int RegistrationId { get; set; }
    public int? SchoolId { get; set; }

    /// <summary>The ENOE sign-in session it happened in (<see cref="Sessions.SignInSession"/>).</summary>
    public Guid? SessionId { get; set; }

    /// <summary>The service URL as the client sent it: where single logout posts.</summary>
    public required string Service { get; set; }

    /// <summary>The ticket issued (CAS's <c>SessionIndex</c> in the logout request); null for OpenID Connect.</summary>
    public string? TicketId { get; set; }
    public DateTime At { get; set; }

    /// <summary>
    /// OpenID Connect: the issuer the client knows ENOE by (the address it reached ENOE at), which the logout token
    /// must name.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>When single logout claimed it (one instance sends, whichever hears the session end first).</summary>
    public DateTime? LoggedOutAt { get; set; }
}
