using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SingleSignOn;

public sealed partial class CasService
{
    /// <summary>
    /// What single logout must tell after <paramref name="sessions"/> ended: each service they were handed to whose
    /// registration asks for it (a CAS service, or an OpenID Connect client with a back-channel logout URI), once.
    /// Each hand-off is claimed by one update, so that with several instances hearing the same end only one posts.
    /// </summary>
    public async Task<IReadOnlyList<SsoLogout>> ClaimLogoutsAsync(
        IReadOnlyCollection<Guid> sessions,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var handOffs = db.Set<SsoHandOff>();
        var told = await handOffs
            .Where(h => h.SessionId != null && sessions.Contains(h.SessionId.Value) && h.LoggedOutAt == null)
            .Join(
                db.Set<SsoRegistration>()
                    .Where(r => r.SingleLogout && (r.Protocol == SsoProtocol.Cas || r.LogoutUri != null)),
                h => h.RegistrationId,
                r => r.Id,
                (h, r) =>
                    new
                    {
                        h.Id,
                        h.Service,
                        h.TicketId,
                        h.SessionId,
                        h.Issuer,
                        r.Protocol,
                        r.ClientId,
                        r.LogoutUri,
                        Login = db.Users.Where(u => u.Id == h.PersonId).Select(u => u.UserName).FirstOrDefault(),
                    }
            )
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = new List<SsoLogout>();
        var toldOnce = new HashSet<SsoLogout>(); // one logout token per client and session, however many hand-offs
        foreach (var h in told)
        {
            if (
                await handOffs
                    .Where(x => x.Id == h.Id && x.LoggedOutAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LoggedOutAt, now), ct) != 1
            )
                continue;
            var logout =
                h.Protocol == SsoProtocol.Cas
                    ? new SsoLogout(SsoProtocol.Cas, h.Service, TicketId: h.TicketId)
                    : new SsoLogout(
                        SsoProtocol.OpenIdConnect,
                        h.LogoutUri!,
                        Subject: h.Login,
                        SessionId: OidcService.SessionIdFor(h.SessionId!.Value, h.ClientId!),
                        ClientId: h.ClientId,
                        Issuer: h.Issuer
                    );
            if (logout.Protocol == SsoProtocol.Cas || toldOnce.Add(logout))
                claimed.Add(logout);
        }
        return claimed;
    }
}
