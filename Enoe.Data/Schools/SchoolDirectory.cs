using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

public sealed record SchoolListing(
    int Id,
    string Name,
    SchoolKind Kind,
    string? City,
    string Slug,
    string Uai,
    bool HasPublicSite
);

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

/// <summary>Read-only look-ups of the académie and its établissements, safe for anonymous readers.</summary>
public sealed class SchoolDirectory(IDbContextFactory<EnoeDbContext> dbFactory)
{
    public async Task<string> GetAcademyNameAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Academies.OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "ENOE";
    }

    /// <summary>The établissements the académie runs (archived ones left out), for its public home.</summary>
    public async Task<IReadOnlyList<SchoolListing>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db
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
    }

    /// <summary>
    /// The établissement whose public site lives at <paramref name="slug"/>; null when there is none, it is switched
    /// off or the établissement is archived.
    /// </summary>
    public async Task<PublicSchool?> FindPublicSiteAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db
            .Schools.AsNoTracking()
            .Where(EntServices.RunningIn(EntService.PublicSite))
            .Where(s => s.Slug == slug && s.ArchivedAt == null)
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
    }
}
