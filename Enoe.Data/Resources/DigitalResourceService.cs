using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Resources;

public sealed record ResourceView(int Id, string Title, string Url, string? Description, string Category, bool IsFavourite, bool FromSchool);

public sealed class ResourceDraft
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public string? Description { get; set; }
    public string Category { get; set; } = "Ressources";
    public Profile Profiles { get; set; } = Profile.Everyone;
    public string? LevelCodes { get; set; }
}

public sealed class ResourceDraftValidator : AbstractValidator<ResourceDraft>
{
    public ResourceDraftValidator()
    {
        RuleFor(r => r.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Le nom de la ressource est obligatoire.")
            .MaximumLength(120).WithMessage("Le nom ne doit pas dépasser 120 caractères.");
        RuleFor(r => r.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage("L'adresse doit être un lien web complet (https://...).").MaximumLength(500);
        RuleFor(r => r.Profiles).Must(p => (p & Profile.Everyone) != 0).WithMessage("Choisissez au moins un profil.");
        RuleFor(r => r.Description).MaximumLength(500).WithMessage("La description ne doit pas dépasser 500 caractères.");
        RuleFor(r => r.Category).Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("La catégorie est obligatoire.").MaximumLength(60);
    }
}

/// <summary>
/// Ressources académiques: the académie's catalogue, extended by each établissement, shown to each
/// person for their profile and level, with favourites. The académie's admins keep the académie's
/// entries; an établissement's admins keep their own.
/// </summary>
public sealed class DigitalResourceService(IDbContextFactory<EnoeDbContext> dbFactory)
{
    private static readonly ResourceDraftValidator Validator = new();

    public async Task<IReadOnlyList<ResourceView>> ListForAsync(CurrentUser user, int? childId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ApplicableAsync(db, user, childId, ct);
    }

    public async Task<Result> ToggleFavouriteAsync(CurrentUser user, int resourceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The id comes from the browser: only a resource this person may see can become a favourite.
        if (!(await ApplicableAsync(db, user, null, ct)).Any(r => r.Id == resourceId)) return Result.NotFound("Ressource introuvable.");
        var favourite = await db.Set<ResourceFavourite>().FindAsync([user.PersonId, resourceId], ct);
        if (favourite is null) db.Add(new ResourceFavourite { PersonId = user.PersonId, ResourceId = resourceId });
        else db.Remove(favourite);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>The entries this admin keeps: the académie's for an admin académie, their établissement's otherwise.</summary>
    public async Task<Result<IReadOnlyList<DigitalResource>>> ListManagedAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ManagedScopeAsync(db, user, ct);
        if (scope is null) return Result<IReadOnlyList<DigitalResource>>.From(Result.Forbidden());
        IReadOnlyList<DigitalResource> list = await db.Set<DigitalResource>().AsNoTracking()
            .Where(r => r.SchoolId == scope.Value.SchoolId).OrderBy(r => r.Category).ThenBy(r => r.Title).ToListAsync(ct);
        return Result<IReadOnlyList<DigitalResource>>.Ok(list);
    }

    public async Task<Result> SaveAsync(CurrentUser user, ResourceDraft draft, CancellationToken ct = default)
    {
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid) return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ManagedScopeAsync(db, user, ct);
        if (scope is null) return Result.Forbidden("Seuls les administrateurs gèrent les ressources.");
        DigitalResource? resource;
        if (draft.Id == 0)
        {
            resource = new DigitalResource { SchoolId = scope.Value.SchoolId, Title = "", Url = "" };
            db.Add(resource);
        }
        else
        {
            resource = await db.Set<DigitalResource>().FirstOrDefaultAsync(r => r.Id == draft.Id && r.SchoolId == scope.Value.SchoolId, ct);
            if (resource is null) return Result.NotFound("Ressource introuvable.");
        }
        resource.Title = draft.Title.Trim();
        resource.Url = draft.Url.Trim();
        resource.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        resource.Category = draft.Category.Trim();
        resource.Profiles = draft.Profiles & Profile.Everyone;
        resource.LevelCodes = string.IsNullOrWhiteSpace(draft.LevelCodes) ? null : draft.LevelCodes.Trim();
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> DeleteAsync(CurrentUser user, int resourceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ManagedScopeAsync(db, user, ct);
        if (scope is null) return Result.Forbidden();
        var deleted = await db.Set<DigitalResource>().Where(r => r.Id == resourceId && r.SchoolId == scope.Value.SchoolId).ExecuteDeleteAsync(ct);
        return deleted == 1 ? Result.Ok() : Result.NotFound("Ressource introuvable.");
    }

    private static async Task<(int? SchoolId, bool)?> ManagedScopeAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(p => p.Id == user.PersonId && p.IsAcademyAdmin, ct)) return (null, true);
        var isSchoolAdmin = await db.Memberships.AnyAsync(m => m.PersonId == user.PersonId && m.SchoolId == user.SchoolId
            && (m.Profiles & Profile.SchoolAdmin) != 0, ct);
        return isSchoolAdmin ? (user.SchoolId, true) : null;
    }

    private static async Task<IReadOnlyList<ResourceView>> ApplicableAsync(EnoeDbContext db, CurrentUser user, int? childId, CancellationToken ct)
    {
        var row = await db.Users.AsNoTracking().Where(p => p.Id == user.PersonId).Select(p => new
        {
            p.IsAcademyAdmin,
            Membership = p.Memberships.Where(m => m.SchoolId == user.SchoolId).Select(m => new { m.Profiles, m.School!.Services }).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (row is null) return [];
        var profiles = (row.Membership?.Profiles ?? Profile.None) | (row.IsAcademyAdmin ? Profile.AcademyAdmin : Profile.None);
        if (row.Membership is { } m && (m.Services & EntService.Resources) == 0) return [];

        // Students see their level's resources, parents their children's; personnel see them all.
        HashSet<string>? levels = null;
        if (!profiles.HasAny(Profile.Personnel | Profile.AcademyAdmin))
        {
            var learners = db.Guardianships.Where(g => g.ParentId == user.PersonId && (childId == null || g.StudentId == childId)).Select(g => g.StudentId)
                .Union(db.Users.Where(p => p.Id == user.PersonId).Select(p => p.Id));
            levels = [.. await db.Enrolments.Where(e => learners.Contains(e.StudentId)).Select(e => e.SchoolClass!.Level!.Code).Distinct().ToListAsync(ct)];
        }

        var resources = await db.Set<DigitalResource>().AsNoTracking()
            .Where(r => (r.SchoolId == null || r.SchoolId == user.SchoolId) && (r.Profiles & profiles) != 0)
            .Select(r => new
            {
                r.Id, r.Title, r.Url, r.Description, r.Category, r.LevelCodes, FromSchool = r.SchoolId != null,
                IsFavourite = db.Set<ResourceFavourite>().Any(f => f.PersonId == user.PersonId && f.ResourceId == r.Id),
            })
            .ToListAsync(ct);
        return [.. resources
            .Where(r => levels is null || r.LevelCodes is null || r.LevelCodes.Split(',', StringSplitOptions.TrimEntries).Any(levels.Contains))
            .OrderByDescending(r => r.IsFavourite).ThenBy(r => r.Title)
            .Select(r => new ResourceView(r.Id, r.Title, r.Url, r.Description, r.Category, r.IsFavourite, r.FromSchool))];
    }
}
