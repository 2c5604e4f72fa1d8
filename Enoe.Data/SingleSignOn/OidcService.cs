using System.Security.Cryptography;
using System.Text;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SingleSignOn;

/// <summary>Who a client is told it signed in, or why the person may not reach it (in French).</summary>
public sealed record OidcAuthorization(RegisteredService? Client, CasIdentity? Identity, string? Refusal);

/// <summary>
/// ENOE as an OpenID Connect provider: the decisions behind <c>/oidc/authorize</c>, <c>/oidc/token</c> and
/// <c>/oidc/userinfo</c> (the protocol itself is OpenIddict's, in Enoe.App/SingleSignOn). A client is a registration
/// of protocol <see cref="SsoProtocol.OpenIdConnect"/>; who may reach it and the claims it receives are decided as for
/// CAS (<see cref="CasService"/>, <see cref="CasAttributes"/>), so a resource reads the same names either way.
/// </summary>
public sealed class OidcService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    CasService cas,
    Sessions.SignInSessions sessions,
    Schools.ServiceAccess access
)
{
    /// <summary>The registration of <paramref name="clientId"/>, or null: an unknown client is sent nowhere.</summary>
    public async Task<RegisteredService?> FindClientAsync(string? clientId, CancellationToken ct = default) =>
        string.IsNullOrEmpty(clientId)
            ? null
            : (await cas.RegistrationsAsync(ct)).FirstOrDefault(r =>
                r.Protocol == SsoProtocol.OpenIdConnect && r.ClientId == clientId
            );

    /// <summary>
    /// The signed-in <paramref name="user"/> asks to be handed to <paramref name="clientId"/>: their identity as its
    /// registration releases it, the hand-off logged; or why not.
    /// </summary>
    public async Task<OidcAuthorization> AuthorizeAsync(
        CurrentUser user,
        string? clientId,
        string redirectUri,
        Guid? sessionId,
        string issuer,
        CancellationToken ct = default
    )
    {
        if (await FindClientAsync(clientId, ct) is not { } client)
            return new OidcAuthorization(null, null, SingleSignOnMessages.Unregistered);
        if (await cas.RefusalAsync(user, client, ct) is { } refusal)
            return new OidcAuthorization(client, null, refusal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var identity = await CasAttributes.ReadAsync(db, user.PersonId, user.SchoolId, client, ct);
        if (identity is null)
            return new OidcAuthorization(client, null, SingleSignOnMessages.AccountClosed);
        await cas.HandOffAsync(db, user, client, redirectUri, null, sessionId, ct, issuer);
        return new OidcAuthorization(client, identity, null);
    }

    /// <summary>
    /// The <c>sid</c> a client knows ENOE's sign-in session <paramref name="session"/> by, in ID tokens and logout
    /// tokens: a digest of the session and the client, so that no client learns the session's id, nor can two
    /// clients tell they saw the same session.
    /// </summary>
    public static string SessionIdFor(Guid session, string clientId) =>
        Convert
            .ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{session:N}|{clientId}")))[..32]
            .ToLowerInvariant();

    /// <summary>
    /// The identity a client's refresh token or access token stands for, read again now: null when the ENOE session
    /// it was issued in has ended (signed out, revoked, expired), the account was switched off, the client removed,
    /// the Ressources académiques service switched off, or the person no longer in its audience (a refresh then
    /// fails, and the resource asks them to sign in again).
    /// </summary>
    public async Task<CasIdentity?> IdentityAsync(
        int personId,
        int? schoolId,
        string? clientId,
        Guid? sessionId,
        CancellationToken ct = default
    )
    {
        if (await FindClientAsync(clientId, ct) is not { } client)
            return null;
        if (sessionId is { } session && !await sessions.IsOpenAsync(session, personId, ct))
            return null;
        if (schoolId is int school && await access.IsOffAsync(school, Schools.EntService.DigitalResources, ct))
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CasService.AudienceRefusalAsync(db, personId, schoolId, client, ct) is null
            ? await CasAttributes.ReadAsync(db, personId, schoolId, client, ct)
            : null;
    }
}
