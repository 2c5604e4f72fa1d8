using System.ComponentModel;
using System.Text.Json.Serialization;
using Enoe.Data.Caching;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

[ImmutableObject(true)]
public sealed record SchoolListing(
    int Id,
    string Name,
    SchoolKind Kind,
    string? City,
    string Slug,
    string Uai,
    bool HasPublicSite
);

[ImmutableObject(true)]
public sealed record PublicSchool(
    int Id,
    string Name,
    SchoolKind Kind,
    string? City,
    string? PostalAddress,
    string? Presentation,
    string Slug,
    string PrimaryColor,
    string? LogoPath,
    bool ExternalAccess,
    string? Phone,
    string? Email
);

/// <summary>
/// Read-only look-ups of the académie and its établissements, safe for anonymous readers. The public site reads them
/// on every page view: they are cached (<see cref="EnoeCache"/>), the académie's name and list under
/// <see cref="ServiceAccess.AcademyTag"/>, each établissement's record under its <see cref="ServiceAccess.Tag"/>,
/// and dropped by every writer of what they show (<see cref="ServiceAccess.ForgetAsync"/>).
/// </summary>
/// <param name="access">
/// Held, not called: built with the directory, the gate forgets this instance's copies when another instance announces
/// an établissement's change (<see cref="SchoolServicesChanged"/>), which the directory's values follow, even on an
/// instance that has served only public pages so far.
/// </param>
public sealed class SchoolDirectory(IDbContextFactory<EnoeDbContext> dbFactory, EnoeCache cache, ServiceAccess access)
{
    private readonly ServiceAccess _listening = access;

    public ValueTask<string> GetAcademyNameAsync(CancellationToken ct = default) =>
        cache.GetOrCreateAsync("academy-name", LoadAcademyNameAsync, [ServiceAccess.AcademyTag], ct);

    /// <summary>The établissements the académie runs (archived ones left out), for its public home.</summary>
    public async ValueTask<IReadOnlyList<SchoolListing>> ListAsync(CancellationToken ct = default) =>
        (await ListedAsync(ct)).Schools;

    /// <summary>
    /// The établissement whose public site lives at <paramref name="slug"/>; null when there is none, it is switched
    /// off or the établissement is archived. An unknown slug is answered from the cached list: nothing is cached for
    /// it (a crawler trying names fills no memory) and the database is not asked.
    /// </summary>
    public async ValueTask<PublicSchool?> FindPublicSiteAsync(string slug, CancellationToken ct = default)
    {
        if (!(await ListedAsync(ct)).BySlug.TryGetValue(slug, out var listed) || !listed.HasPublicSite)
            return null;
        var id = listed.Id;
        var site = await cache.GetOrCreateAsync(
            $"public-school:{id}",
            c => LoadPublicSiteAsync(id, c),
            [ServiceAccess.Tag(id)],
            ct
        );
        return site.School is { } school && school.Slug == slug ? school : null;
    }

    private ValueTask<SchoolList> ListedAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync("school-list", LoadListAsync, [ServiceAccess.AcademyTag], ct);

    private async ValueTask<string> LoadAcademyNameAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Academies.OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "ENOE";
    }

    private async ValueTask<SchoolList> LoadListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var schools = await db
            .Schools.AsNoTracking()
            .Where(s => s.ArchivedAt == null)
            .OrderBy(s => s.Kind)
            .ThenBy(s => s.Name)
            .Select(s => new SchoolListing(
                s.Id,
                s.Name,
                s.Kind,
                s.City,
                s.Slug,
                s.Uai,
                !s.ClosedServices.Any(c => c.ServiceKey == EntService.PublicSite.Key)
            ))
            .ToListAsync(ct);
        return new SchoolList(schools);
    }

    /// <summary>Checks again what the list said (both are dropped together, but a read may fall between).</summary>
    private async ValueTask<CachedPublicSchool> LoadPublicSiteAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var school = await db
            .Schools.AsNoTracking()
            .Where(EntServices.RunningIn(EntService.PublicSite))
            .Where(s => s.Id == id && s.ArchivedAt == null)
            .Select(s => new PublicSchool(
                s.Id,
                s.Name,
                s.Kind,
                s.City,
                s.PostalAddress,
                s.Presentation,
                s.Slug,
                s.Branding.PrimaryColor,
                s.Branding.LogoPath,
                s.ExternalAccess,
                s.Phone,
                s.Email
            ))
            .FirstOrDefaultAsync(ct);
        return new CachedPublicSchool(school);
    }
}

/// <summary>The académie's list as cached (in Redis too, as JSON), looked up by slug in memory.</summary>
[ImmutableObject(true)]
internal sealed record SchoolList(IReadOnlyList<SchoolListing> Schools)
{
    [JsonIgnore]
    public IReadOnlyDictionary<string, SchoolListing> BySlug { get; } =
        Schools.ToDictionary(s => s.Slug, StringComparer.Ordinal);
}

/// <summary>An établissement's public record as cached; none when it stopped running its site meanwhile.</summary>
[ImmutableObject(true)]
internal sealed record CachedPublicSchool(PublicSchool? School);
