using Enoe.Data.Common;
using Enoe.Data.People;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SingleSignOn;

/// <summary>A registration as the académie's page edits it.</summary>
public sealed class SsoRegistrationDraft
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string ServicePattern { get; set; } = "";
    public ServiceMatch Match { get; set; } = ServiceMatch.Prefix;
    public AttributeSet Attributes { get; set; }
    public string Released { get; set; } = "";
    public Profile Profiles { get; set; } = Profile.Student | Profile.Teacher;
    public string? LevelCodes { get; set; }
    public int? SchoolId { get; set; }
    public int? ResourceId { get; set; }
    public bool SingleLogout { get; set; } = true;

    public static SsoRegistrationDraft From(SsoRegistration r) =>
        new()
        {
            Id = r.Id,
            Name = r.Name,
            ServicePattern = r.ServicePattern,
            Match = r.Match,
            Attributes = r.Attributes,
            Released = r.Released,
            Profiles = r.Profiles,
            LevelCodes = r.LevelCodes,
            SchoolId = r.SchoolId,
            ResourceId = r.ResourceId,
            SingleLogout = r.SingleLogout,
        };
}

/// <summary>What a registration must be before it is written; the page shows the same messages while typing.</summary>
public sealed class SsoRegistrationDraftValidator : AbstractValidator<SsoRegistrationDraft>
{
    public SsoRegistrationDraftValidator()
    {
        RuleFor(d => d.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage(_ => SingleSignOnMessages.Name_Required)
            .MaximumLength(SsoRegistration.NameMax)
            .WithMessage(_ => SingleSignOnMessages.FormatName_Max(SsoRegistration.NameMax));
        // The address as it will be stored: normalised first, then checked (a prefix ends with '/', no '..').
        RuleFor(d => d.ServicePattern)
            .Must((d, p) => ServiceUrl.Normalize(p) is { } url && ServiceUrl.Refusal(url, d.Match) is null)
            .WithMessage(
                (d, p) =>
                    ServiceUrl.Normalize(p) is { } url
                        ? ServiceUrl.Refusal(url, d.Match) ?? ""
                        : SingleSignOnMessages.Pattern_Invalid
            );
        RuleFor(d => d.Profiles)
            .Must(p => (p & Profile.Everyone) != 0)
            .WithMessage(_ => SingleSignOnMessages.Profiles_Required);
        RuleFor(d => d.Released)
            .MaximumLength(SsoRegistration.ReleasedMax)
            .WithMessage(_ => SingleSignOnMessages.FormatReleased_Max(SsoRegistration.ReleasedMax))
            .Must((d, r) => Unknown(d).Length == 0)
            .WithMessage((d, _) => SingleSignOnMessages.FormatReleased_Unknown(string.Join(", ", Unknown(d))));
        RuleFor(d => d.LevelCodes)
            .MaximumLength(SsoRegistration.LevelCodesMax)
            .WithMessage(_ => SingleSignOnMessages.FormatLevels_Max(SsoRegistration.LevelCodesMax))
            .Matches(@"^\s*[\p{L}\p{N}]{1,10}(\s*,\s*[\p{L}\p{N}]{1,10})*\s*$")
            .When(d => !string.IsNullOrWhiteSpace(d.LevelCodes))
            .WithMessage(_ => SingleSignOnMessages.Levels_Invalid);
    }

    private static string[] Unknown(SsoRegistrationDraft d) =>
        [.. Names(d.Released).Where(n => !CasAttributes.Names[d.Attributes].Contains(n))];

    internal static string[] Names(string? list) =>
        list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>
/// The académie's register of the services that sign people in through ENOE: académie admins only (read from the
/// database, not the cookie), each write checked whole, then every instance's cache of registrations and the
/// catalogue's links dropped.
/// </summary>
public sealed class SsoRegistry(IDbContextFactory<EnoeDbContext> dbFactory, CasService cas)
{
    private static readonly SsoRegistrationDraftValidator Validator = new();

    public async Task<Result<IReadOnlyList<SsoRegistration>>> ListAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SingleSignOnMessages.AcademyOnly);
        IReadOnlyList<SsoRegistration> list = await db.Set<SsoRegistration>()
            .AsNoTracking()
            .OrderBy(r => r.Name)
            .ToListAsync(ct);
        return Result<IReadOnlyList<SsoRegistration>>.Ok(list);
    }

    public async Task<Result> SaveAsync(CurrentUser user, SsoRegistrationDraft draft, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SingleSignOnMessages.AcademyOnly);
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        var pattern = ServiceUrl.Normalize(draft.ServicePattern)!;
        var errors = new List<string>();
        if (await db.Set<SsoRegistration>().AnyAsync(r => r.ServicePattern == pattern && r.Id != draft.Id, ct))
            errors.Add(SingleSignOnMessages.Pattern_Taken);
        if (draft.SchoolId is int school && !await db.Schools.AnyAsync(s => s.Id == school, ct))
            errors.Add(SingleSignOnMessages.School_Unknown);
        if (
            draft.ResourceId is int resource
            && !await db.DigitalResources.AnyAsync(r => r.Id == resource && r.SchoolId == null, ct)
        )
            errors.Add(SingleSignOnMessages.Resource_Unknown);
        if (errors.Count > 0)
            return Result.Invalid(errors);
        var registration =
            draft.Id == 0
                ? db.Add(new SsoRegistration { Name = "", ServicePattern = "" }).Entity
                : await db.Set<SsoRegistration>().FirstOrDefaultAsync(r => r.Id == draft.Id, ct);
        if (registration is null)
            return Result.NotFound(SingleSignOnMessages.NotFound);
        registration.Name = draft.Name.Trim();
        registration.ServicePattern = pattern;
        registration.Match = draft.Match;
        registration.Attributes = draft.Attributes;
        registration.Released = string.Join(',', SsoRegistrationDraftValidator.Names(draft.Released));
        registration.Profiles = draft.Profiles & Profile.Everyone;
        registration.LevelCodes = string.IsNullOrWhiteSpace(draft.LevelCodes)
            ? null
            : string.Join(',', SsoRegistrationDraftValidator.Names(draft.LevelCodes));
        registration.SchoolId = draft.SchoolId;
        registration.ResourceId = draft.ResourceId;
        registration.SingleLogout = draft.SingleLogout;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (!await TakenAsync(pattern, draft.Id, ct))
                throw;
            return Result.Invalid([SingleSignOnMessages.Pattern_Taken]); // another admin saved it meanwhile
        }
        await cas.ChangedAsync();
        return Result.Ok();
    }

    private async Task<bool> TakenAsync(string pattern, int except, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SsoRegistration>().AnyAsync(r => r.ServicePattern == pattern && r.Id != except, ct);
    }

    /// <summary>Its tickets and hand-offs go with it (the log of who reached it too: the service is gone).</summary>
    public async Task<Result> DeleteAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SingleSignOnMessages.AcademyOnly);
        if (await db.Set<SsoRegistration>().Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0)
            return Result.NotFound(SingleSignOnMessages.NotFound);
        await cas.ChangedAsync();
        return Result.Ok();
    }
}
