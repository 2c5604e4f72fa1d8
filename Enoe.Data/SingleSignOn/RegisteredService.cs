using System.ComponentModel;
using Enoe.Data.People;

namespace Enoe.Data.SingleSignOn;

/// <summary>A registration as the protocols read it, kept in <see cref="Caching.EnoeCache"/>.</summary>
[ImmutableObject(true)]
public sealed record RegisteredService(
    int Id,
    string Name,
    SsoProtocol Protocol,
    string Pattern,
    ServiceMatch Match,
    ServiceUrlOptions UrlOptions,
    AttributeSet Attributes,
    string[] Released,
    Profile Profiles,
    string[] Levels,
    int? SchoolId,
    bool SingleLogout,
    string? ClientId,
    string? LogoutUri
)
{
    internal static RegisteredService From(SsoRegistration r) =>
        new(
            r.Id,
            r.Name,
            r.Protocol,
            r.ServicePattern,
            r.Match,
            r.UrlOptions,
            r.Attributes,
            Split(r.Released),
            r.Profiles,
            Split(r.LevelCodes),
            r.SchoolId,
            r.SingleLogout,
            r.ClientId,
            r.LogoutUri
        );

    private static string[] Split(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>The error codes of the CAS 3.0 specification (section 2.5.3).</summary>
public static class CasCodes
{
    public const string InvalidRequest = "INVALID_REQUEST",
        InvalidTicketSpec = "INVALID_TICKET_SPEC",
        InvalidTicket = "INVALID_TICKET",
        InvalidService = "INVALID_SERVICE",
        InternalError = "INTERNAL_ERROR";
}

/// <summary>A validation's answer: the identity, or the specification's code and why.</summary>
public sealed record CasValidation(CasIdentity? Identity, string? Code = null, string? Description = null)
{
    public static CasValidation Failure(string code, string description) => new(null, code, description);
}

/// <summary>Where a signed-in person goes next: the service with its ticket, or a refusal to show them.</summary>
public sealed record CasLogin(string? RedirectUrl, string? Refusal);

/// <summary>
/// What single logout posts to one service: where; for CAS, the ticket the session was given there; for OpenID
/// Connect, whom the client knew (<c>sub</c>, <c>sid</c>), its client id and the issuer it knew ENOE by.
/// </summary>
public sealed record SsoLogout(
    SsoProtocol Protocol,
    string Url,
    string? TicketId = null,
    string? Subject = null,
    string? SessionId = null,
    string? ClientId = null,
    string? Issuer = null
);
