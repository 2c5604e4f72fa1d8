using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// The e-mail frequencies of many people at once, read in three queries whatever their number (a whole académie's
/// digest): their own choices, their memberships, the établissements' defaults.
/// </summary>
public sealed class MailChoices
{
    private readonly Dictionary<(int Person, NotificationCategory), MailFrequency> _own;
    private readonly Dictionary<(int Person, int School), Profile> _profiles;
    private readonly Dictionary<(int School, Profile, NotificationCategory), MailFrequency> _schools;
    private readonly Dictionary<int, Profile> _anywhere;

    private MailChoices(
        Dictionary<(int, NotificationCategory), MailFrequency> own,
        Dictionary<(int, int), Profile> profiles,
        Dictionary<(int, Profile, NotificationCategory), MailFrequency> schools
    )
    {
        (_own, _profiles, _schools) = (own, profiles, schools);
        _anywhere = profiles
            .GroupBy(p => p.Key.Item1)
            .ToDictionary(g => g.Key, g => g.Aggregate(Profile.None, (all, p) => all | p.Value));
    }

    /// <param name="people">Who, as a query (a subquery of the database, not a list sent from memory).</param>
    public static async Task<MailChoices> LoadAsync(EnoeDbContext db, IQueryable<int> people, CancellationToken ct)
    {
        var own = await db.Set<NotificationPreference>()
            .Where(p => people.Contains(p.PersonId))
            .Select(p => new
            {
                p.PersonId,
                p.Category,
                p.Frequency,
            })
            .ToListAsync(ct);
        var memberships = await db
            .Memberships.Where(m => people.Contains(m.PersonId))
            .Select(m => new
            {
                m.PersonId,
                m.SchoolId,
                m.Profiles,
            })
            .ToListAsync(ct);
        var schoolIds = memberships.Select(m => m.SchoolId).Distinct().ToList();
        var defaults = await db.Set<NotificationDefault>()
            .Where(d => schoolIds.Contains(d.SchoolId))
            .Select(d => new
            {
                d.SchoolId,
                d.Profile,
                d.Category,
                d.Frequency,
            })
            .ToListAsync(ct);
        return new(
            own.ToDictionary(p => (p.PersonId, p.Category), p => p.Frequency),
            memberships.ToDictionary(m => (m.PersonId, m.SchoolId), m => m.Profiles),
            defaults.ToDictionary(d => (d.SchoolId, d.Profile, d.Category), d => d.Frequency)
        );
    }

    /// <summary>
    /// How often <paramref name="category"/> of <paramref name="schoolId"/> reaches the person by e-mail.
    /// </summary>
    public MailFrequency For(int personId, int schoolId, NotificationCategory category) =>
        _own.TryGetValue((personId, category), out var own) ? own : DefaultFor(personId, schoolId, category);

    /// <summary>What applies when the person has not chosen: their profiles' default in that établissement.</summary>
    public MailFrequency DefaultFor(int personId, int? schoolId, NotificationCategory category)
    {
        var profiles = schoolId is int s ? _profiles.GetValueOrDefault((personId, s)) : Profile.None;
        if (profiles == Profile.None) // not (or no longer) a member there: what they are anywhere
            profiles = _anywhere.GetValueOrDefault(personId);
        return MailDefaults.ForProfiles(
            profiles,
            category,
            (profile, c) => schoolId is int school && _schools.TryGetValue((school, profile, c), out var f) ? f : null
        );
    }
}
