using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>
/// E-mail: the person's own frequency per category of notifications, and where their mail was refused (the address,
/// the server's answer, when).
/// </summary>
internal sealed class MailData : IPersonalDataSource
{
    public string Name => "mail";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct)
    {
        var preferences = await db.Set<NotificationPreference>()
            .Where(p => p.PersonId == personId)
            .OrderBy(p => p.Category)
            .Select(p => new
            {
                Category = p.Category.ToString(),
                Frequency = p.Frequency.ToString(),
                p.UpdatedAt,
            })
            .ToListAsync(ct);
        var refusals = await db.Set<MailRefusal>()
            .Where(r => r.PersonId == personId)
            .Select(r => new
            {
                r.Address,
                r.Reason,
                r.RefusedAt,
            })
            .ToListAsync(ct);
        return PersonalDataPart.Of(new { preferences, refusals });
    }
}
