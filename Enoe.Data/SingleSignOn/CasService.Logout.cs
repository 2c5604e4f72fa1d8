using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SingleSignOn;

public sealed partial class CasService
{
    /// <summary>
    /// What single logout must tell after <paramref name="sessions"/> ended: each CAS service they were handed to,
    /// whose registration asks for it, once. Each hand-off is claimed by one update, so that with several instances
    /// hearing the same end only one posts.
    /// </summary>
    public async Task<IReadOnlyList<CasLogout>> ClaimLogoutsAsync(
        IReadOnlyCollection<Guid> sessions,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var handOffs = db.Set<SsoHandOff>();
        var told = await handOffs
            .Where(h =>
                h.SessionId != null
                && sessions.Contains(h.SessionId.Value)
                && h.LoggedOutAt == null
                && db.Set<SsoRegistration>()
                    .Any(r => r.Id == h.RegistrationId && r.SingleLogout && r.Protocol == SsoProtocol.Cas)
            )
            .Select(h => new
            {
                h.Id,
                h.Service,
                h.TicketId,
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = new List<CasLogout>();
        foreach (var h in told)
            if (
                await handOffs
                    .Where(x => x.Id == h.Id && x.LoggedOutAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LoggedOutAt, now), ct) == 1
            )
                claimed.Add(new CasLogout(h.Service, h.TicketId!)); // CAS hand-offs always have one
        return claimed;
    }
}
