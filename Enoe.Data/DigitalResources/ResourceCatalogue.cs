using System.ComponentModel;
using Enoe.Data.Caching;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.DigitalResources;

/// <summary>One resource of the catalogue as cached: what it is and whom it is for, nothing about a reader.</summary>
[ImmutableObject(true)]
public sealed record CatalogueEntry(
    int Id,
    string Title,
    string Url,
    string? Description,
    string Category,
    Profile Profiles,
    string? LevelCodes,
    bool FromSchool,
    string? SignOnService = null,
    SingleSignOn.SsoProtocol? SignOn = null
);

/// <summary>The académie's resources and one établissement's own, as cached.</summary>
[ImmutableObject(true)]
public sealed record Catalogue(IReadOnlyList<CatalogueEntry> Entries);

/// <summary>
/// The resources catalogue as an établissement's people see it before their profile and level are applied: the
/// académie's resources and the établissement's own, read once per établissement and cached (<see cref="EnoeCache"/>,
/// shared between instances). Whoever writes a resource calls <see cref="ChangedAsync"/> once committed.
/// </summary>
public sealed class ResourceCatalogue(IDbContextFactory<EnoeDbContext> dbFactory, EnoeCache cache)
{
    /// <summary>The tag of the académie's resources, in every établissement's catalogue.</summary>
    public const string AcademyTag = "resources:academy";

    /// <summary>The tag of one établissement's own resources.</summary>
    public static string SchoolTag(int schoolId) => $"resources:school:{schoolId}";

    /// <summary>
    /// The académie's resources and, for <paramref name="schoolId"/>, that établissement's own, in id order.
    /// </summary>
    public ValueTask<Catalogue> ForAsync(int? schoolId, CancellationToken ct = default) =>
        schoolId is int id
            ? cache.GetOrCreateAsync($"resources:{id}", c => LoadAsync(id, c), [AcademyTag, SchoolTag(id)], ct)
            : cache.GetOrCreateAsync("resources:academy", c => LoadAsync(null, c), [AcademyTag], ct);

    /// <summary>
    /// Once a change to the resources of <paramref name="schoolId"/> (null: the académie's, in every catalogue) is
    /// committed: drops them here before returning, and on every instance.
    /// </summary>
    public Task ChangedAsync(int? schoolId) => cache.InvalidateAsync(schoolId is int id ? SchoolTag(id) : AcademyTag);

    private async ValueTask<Catalogue> LoadAsync(int? schoolId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = await db
            .DigitalResources.AsNoTracking()
            .Where(r => r.SchoolId == null || r.SchoolId == schoolId)
            .OrderBy(r => r.Id)
            .Select(r => new CatalogueEntry(
                r.Id,
                r.Title,
                r.Url,
                r.Description,
                r.Category,
                r.Profiles,
                r.LevelCodes,
                r.SchoolId != null,
                // Reached through ENOE's CAS server when a registration names this resource.
                db.Set<SingleSignOn.SsoRegistration>()
                    .Where(s => s.ResourceId == r.Id && s.Protocol == SingleSignOn.SsoProtocol.Cas)
                    .Select(s => s.ServicePattern)
                    .FirstOrDefault(),
                // How people reach it: through ENOE (CAS first when both name it), or a plain link.
                db.Set<SingleSignOn.SsoRegistration>()
                    .Where(s => s.ResourceId == r.Id)
                    .OrderBy(s => s.Protocol)
                    .Select(s => (SingleSignOn.SsoProtocol?)s.Protocol)
                    .FirstOrDefault()
            ))
            .ToListAsync(ct);
        return new Catalogue(entries);
    }
}
