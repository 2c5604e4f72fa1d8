using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.DigitalResources;

public sealed record DigitalResourceView(
    int Id,
    string Title,
    string Url,
    string? Description,
    string Category,
    bool IsFavourite,
    bool FromSchool,
    string? SignOnService = null,
    SingleSignOn.SsoProtocol? SignOn = null
)
{
    /// <summary>
    /// Where a click goes: through ENOE's CAS server when the resource is registered for single sign-on (the server
    /// decides there again whether the person may reach it), else to the resource itself.
    /// </summary>
    public string Href =>
        SignOnService is { } pattern
            ? "/cas/login?service=" + Uri.EscapeDataString(Under(Url, pattern) ? Url : pattern)
            : Url;

    /// <summary>Whether the resource's own address is one its registration lets in (else its root is opened).</summary>
    private static bool Under(string url, string pattern) =>
        SingleSignOn.ServiceUrl.Normalize(url) is { } normalized
        && (
            normalized == pattern || (pattern.EndsWith('/') && normalized.StartsWith(pattern, StringComparison.Ordinal))
        );
}

public sealed class DigitalResourceDraft
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public string? Description { get; set; }
    public string Category { get; set; } = DigitalResourceMessages.DefaultCategory;
    public Profile Profiles { get; set; } = DigitalResource.Audiences;
    public string? LevelCodes { get; set; }
}

public sealed class DigitalResourceDraftValidator : AbstractValidator<DigitalResourceDraft>
{
    public DigitalResourceDraftValidator()
    {
        // Messages are read when a rule fails, in the reader's language (the validator is built once).
        RuleFor(r => r.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t))
            .WithMessage(_ => DigitalResourceMessages.Title_Required)
            .MaximumLength(DigitalResource.TitleMax)
            .WithMessage(_ => DigitalResourceMessages.FormatTitle_Max(DigitalResource.TitleMax));
        RuleFor(r => r.Url)
            .Must(u =>
                Uri.TryCreate(u, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            )
            .WithMessage(_ => DigitalResourceMessages.Url_Invalid)
            .MaximumLength(DigitalResource.UrlMax)
            .WithMessage(_ => DigitalResourceMessages.FormatUrl_Max(DigitalResource.UrlMax));
        RuleFor(r => r.Profiles)
            .Must(p => (p & DigitalResource.Audiences) != 0) // the admin bits alone would reach nobody it is for
            .WithMessage(_ => DigitalResourceMessages.Profiles_Required);
        RuleFor(r => r.Description)
            .MaximumLength(DigitalResource.DescriptionMax)
            .WithMessage(_ => DigitalResourceMessages.FormatDescription_Max(DigitalResource.DescriptionMax));
        RuleFor(r => r.Category)
            .Must(c => !string.IsNullOrWhiteSpace(c))
            .WithMessage(_ => DigitalResourceMessages.Category_Required)
            .MaximumLength(DigitalResource.CategoryMax)
            .WithMessage(_ => DigitalResourceMessages.FormatCategory_Max(DigitalResource.CategoryMax));
        RuleFor(r => r.LevelCodes)
            .MaximumLength(DigitalResource.LevelCodesMax)
            .WithMessage(_ => DigitalResourceMessages.FormatLevels_Max(DigitalResource.LevelCodesMax));
    }
}

/// <summary>
/// Ressources académiques: the académie's catalogue, extended by each établissement, shown to each
/// person for their profile and level, with favourites. The académie's admins keep the académie's
/// entries; an établissement's admins keep their own.
/// </summary>
public sealed class DigitalResourceService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    ServiceAccess access,
    ResourceCatalogue catalogue
)
{
    private static readonly DigitalResourceDraftValidator Validator = new();

    public async Task<IReadOnlyList<DigitalResourceView>> ListForAsync(
        CurrentUser user,
        int? childId = null,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.DigitalResources, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ApplicableAsync(db, user, childId, ct);
    }

    public async Task<Result> ToggleFavouriteAsync(CurrentUser user, int resourceId, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.DigitalResources, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The id comes from the browser: only a resource this person may see can become a favourite.
        if (!(await ApplicableAsync(db, user, null, ct)).Any(r => r.Id == resourceId))
            return Result.NotFound(DigitalResourceMessages.NotFound);
        var removed = await db.Set<ResourceFavourite>()
            .Where(f => f.PersonId == user.PersonId && f.ResourceId == resourceId)
            .ExecuteDeleteAsync(ct);
        if (removed == 0)
            await db.InsertUnlessPresentAsync(
                new ResourceFavourite { PersonId = user.PersonId, ResourceId = resourceId },
                ct
            );
        return Result.Ok();
    }

    /// <summary>
    /// The entries this admin keeps: the académie's for an admin académie, their établissement's otherwise.
    /// </summary>
    /// <summary>How people reach each of <paramref name="ids"/> that a single sign-on registration names.</summary>
    public async Task<IReadOnlyDictionary<int, SingleSignOn.SsoProtocol>> SignOnsAsync(
        IReadOnlyCollection<int> ids,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<SingleSignOn.SsoRegistration>()
            .Where(s => s.ResourceId != null && ids.Contains(s.ResourceId.Value))
            .Select(s => new { Id = s.ResourceId!.Value, s.Protocol })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Min(r => r.Protocol));
    }

    public async Task<Result<IReadOnlyList<DigitalResource>>> ListManagedAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.DigitalResources, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ManagedScopeAsync(db, user, ct);
        if (scope is null)
            return Result.Forbidden(DigitalResourceMessages.AdminsOnly);
        IReadOnlyList<DigitalResource> list = await db.Set<DigitalResource>()
            .AsNoTracking()
            .Where(r => r.SchoolId == scope.Value.SchoolId)
            .OrderBy(r => r.Category)
            .ThenBy(r => r.Title)
            .ToListAsync(ct);
        return Result<IReadOnlyList<DigitalResource>>.Ok(list);
    }

    public async Task<Result> SaveAsync(CurrentUser user, DigitalResourceDraft draft, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.DigitalResources, ct: ct) is { } refused)
            return refused;
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ManagedScopeAsync(db, user, ct);
        if (scope is null)
            return Result.Forbidden(DigitalResourceMessages.AdminsOnly);
        DigitalResource? resource;
        if (draft.Id == 0)
        {
            resource = new DigitalResource
            {
                SchoolId = scope.Value.SchoolId,
                Title = "",
                Url = "",
            };
            db.Add(resource);
        }
        else
        {
            resource = await db.Set<DigitalResource>()
                .FirstOrDefaultAsync(r => r.Id == draft.Id && r.SchoolId == scope.Value.SchoolId, ct);
            if (resource is null)
                return Result.NotFound(DigitalResourceMessages.NotFound);
        }
        resource.Title = draft.Title.Trim();
        resource.Url = draft.Url.Trim();
        resource.Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim();
        resource.Category = draft.Category.Trim();
        resource.Profiles = draft.Profiles & Profile.Everyone;
        resource.LevelCodes = string.IsNullOrWhiteSpace(draft.LevelCodes) ? null : draft.LevelCodes.Trim();
        await db.SaveChangesAsync(ct);
        await catalogue.ChangedAsync(scope.Value.SchoolId); // its readers see it on their next call
        return Result.Ok();
    }

    public async Task<Result> DeleteAsync(CurrentUser user, int resourceId, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.DigitalResources, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await ManagedScopeAsync(db, user, ct);
        if (scope is null)
            return Result.Forbidden(DigitalResourceMessages.AdminsOnly);
        var deleted = await db.Set<DigitalResource>()
            .Where(r => r.Id == resourceId && r.SchoolId == scope.Value.SchoolId)
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
            return Result.NotFound(DigitalResourceMessages.NotFound);
        await catalogue.ChangedAsync(scope.Value.SchoolId);
        return Result.Ok();
    }

    private static async Task<(int? SchoolId, bool)?> ManagedScopeAsync(
        EnoeDbContext db,
        CurrentUser user,
        CancellationToken ct
    )
    {
        if (await db.IsAcademyAdminAsync(user.PersonId, ct))
            return (null, true);
        return await db.IsSchoolAdminAsync(user.PersonId, user.SchoolId, ct) ? (user.SchoolId, true) : null;
    }

    /// <summary>
    /// The établissement's catalogue from the cache, filtered for this person read from the database (one round trip:
    /// profiles, levels and favourites come from there, not from the cookie).
    /// </summary>
    private async Task<IReadOnlyList<DigitalResourceView>> ApplicableAsync(
        EnoeDbContext db,
        CurrentUser user,
        int? childId,
        CancellationToken ct
    )
    {
        var reader = await ResourceReader.ReadAsync(db, user, childId, ct);
        // A member of an établissement that closed the service sees nothing (its switches are cached by the gate).
        var service = EntService.DigitalResources;
        if (reader.Member && await access.StateAsync(user.SchoolId!.Value, service, ct) is ServiceState.Off)
            return [];
        var entries = (await catalogue.ForAsync(user.SchoolId, ct)).Entries;
        return
        [
            .. entries
                .Where(reader.Sees)
                .Select(r => new DigitalResourceView(
                    r.Id,
                    r.Title,
                    r.Url,
                    r.Description,
                    r.Category,
                    reader.Favourites.Contains(r.Id),
                    r.FromSchool,
                    r.SignOnService,
                    r.SignOn
                ))
                .OrderByDescending(r => r.IsFavourite)
                .ThenBy(r => r.Title),
        ];
    }
}
