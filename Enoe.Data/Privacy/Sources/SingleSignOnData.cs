using Enoe.Data.SingleSignOn;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>The resources ENOE signed the person in to (CAS hand-offs): which, when.</summary>
internal sealed class SingleSignOnData : IPersonalDataSource
{
    public string Name => "single-sign-on";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct) =>
        PersonalDataPart.Of(
            await db.Set<SsoHandOff>()
                .Where(h => h.PersonId == personId)
                .OrderByDescending(h => h.At)
                .Select(h => new
                {
                    h.At,
                    Resource = db.Set<SsoRegistration>()
                        .Where(r => r.Id == h.RegistrationId)
                        .Select(r => r.Name)
                        .FirstOrDefault(),
                    h.Service,
                })
                .ToListAsync(ct)
        );
}
