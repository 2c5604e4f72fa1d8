using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Enoe.Data.SingleSignOn;

/// <summary>
/// A registration written: its id and version (to save it again from the same form), and an OpenID Connect client's
/// new secret, shown this once.
/// </summary>
public sealed record SsoSaved(int Id, string? Secret, int Version = 0);

/// <summary>What a registration may name: an établissement, an académie resource of the catalogue.</summary>
public sealed record SsoChoices(
    IReadOnlyList<KeyValuePair<int, string>> Schools,
    IReadOnlyList<KeyValuePair<int, string>> Resources
);

/// <summary>
/// The académie's register of the services that sign people in through ENOE: académie admins only (read from the
/// database, not the cookie), each write checked whole, then every instance's cache of registrations and the
/// catalogue's links dropped. An OpenID Connect registration and its OpenIddict application are written in one
/// transaction.
/// </summary>
public sealed class SsoRegistry(IDbContextFactory<EnoeDbContext> dbFactory, IServiceScopeFactory scopes, CasService cas)
{
    private static readonly SsoRegistrationDraftValidator Validator = new();

    public async Task<Result<SsoChoices>> ChoicesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SingleSignOnMessages.AcademyOnly);
        var schools = await db
            .Schools.OrderBy(s => s.Name)
            .Select(s => KeyValuePair.Create(s.Id, s.Name + " (" + s.Uai + ")"))
            .ToListAsync(ct);
        var resources = await db
            .DigitalResources.Where(r => r.SchoolId == null)
            .OrderBy(r => r.Title)
            .Select(r => KeyValuePair.Create(r.Id, r.Title))
            .ToListAsync(ct);
        return Result<SsoChoices>.Ok(new SsoChoices(schools, resources));
    }

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

    /// <summary>
    /// Writes <paramref name="draft"/>; for a new OpenID Connect client, the answer carries its secret, never stored
    /// in clear and never shown again.
    /// </summary>
    public async Task<Result<SsoSaved>> SaveAsync(
        CurrentUser user,
        SsoRegistrationDraft draft,
        CancellationToken ct = default
    )
    {
        if (await RefusalAsync(user, draft, ct) is { } refusal)
            return refusal;
        var pattern = ServiceUrl.Normalize(draft.ServicePattern)!;
        var oidc = draft.Protocol == SsoProtocol.OpenIdConnect;
        // One context for the registration and OpenIddict's stores (they read it from the scope), one transaction.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var registration =
            draft.Id == 0
                ? db.Add(new SsoRegistration { Name = "", ServicePattern = "" }).Entity
                : await db.Set<SsoRegistration>().FirstOrDefaultAsync(r => r.Id == draft.Id, ct);
        if (registration is null)
            return Result.NotFound(SingleSignOnMessages.NotFound);
        if (draft.Id != 0 && registration.Protocol != draft.Protocol)
            return Result.Invalid([SingleSignOnMessages.Protocol_Fixed]);
        if (registration.Version != draft.Version)
            return Result.Invalid([SingleSignOnMessages.Changed]);
        registration.Version++;
        var formerClientId = registration.ClientId;
        registration.Name = draft.Name.Trim();
        registration.Protocol = draft.Protocol;
        registration.ClientId = oidc ? draft.ClientId : null;
        registration.LogoutUri =
            oidc && !string.IsNullOrWhiteSpace(draft.LogoutUri) ? ServiceUrl.Normalize(draft.LogoutUri) : null;
        registration.ServicePattern = pattern;
        registration.Match = oidc ? ServiceMatch.Exact : draft.Match;
        registration.UrlOptions = oidc ? ServiceUrlOptions.None : draft.UrlOptions & (ServiceUrlOptions)3;
        registration.Attributes = draft.Attributes;
        registration.Released = string.Join(',', SsoRegistrationDraftValidator.Names(draft.Released));
        registration.Profiles = draft.Profiles & Profile.Everyone;
        registration.LevelCodes = string.IsNullOrWhiteSpace(draft.LevelCodes)
            ? null
            : string.Join(',', SsoRegistrationDraftValidator.Names(draft.LevelCodes));
        registration.SchoolId = draft.SchoolId;
        registration.ResourceId = draft.ResourceId;
        registration.SingleLogout = draft.SingleLogout;
        string? secret = null;
        try
        {
            await db.SaveChangesAsync(ct);
            if (oidc)
                secret = await OidcClients.WriteAsync(Clients(scope), registration, formerClientId, false, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException) // saved by someone else between the read above and this write
        {
            return Result.Invalid([SingleSignOnMessages.Changed]);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            var taken = await TakenAsync(pattern, draft.ClientId, draft.Id, ct);
            if (taken.Count == 0)
                throw;
            return Result.Invalid(taken); // another admin saved it meanwhile
        }
        await cas.ChangedAsync();
        return Result<SsoSaved>.Ok(new SsoSaved(registration.Id, secret, registration.Version));
    }

    /// <summary>
    /// A new secret for an OpenID Connect client (the old one stops working at once), shown this once.
    /// </summary>
    public async Task<Result<SsoSaved>> NewSecretAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SingleSignOnMessages.AcademyOnly);
        var registration = await db.Set<SsoRegistration>()
            .AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == id && r.Protocol == SsoProtocol.OpenIdConnect, ct);
        if (registration is null)
            return Result.NotFound(SingleSignOnMessages.NotFound);
        var secret = await OidcClients.WriteAsync(Clients(scope), registration, null, true, ct);
        return Result<SsoSaved>.Ok(new SsoSaved(id, secret, registration.Version));
    }

    /// <summary>
    /// Its tickets and hand-offs go with it (the log of who reached it too: the service is gone), and an OpenID
    /// Connect client's application with its tokens.
    /// </summary>
    public async Task<Result> DeleteAsync(CurrentUser user, int id, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SingleSignOnMessages.AcademyOnly);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var clientId = await db.Set<SsoRegistration>().Where(r => r.Id == id).Select(r => r.ClientId).ToListAsync(ct);
        if (await db.Set<SsoRegistration>().Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0)
            return Result.NotFound(SingleSignOnMessages.NotFound);
        if (clientId is [{ } client])
            await OidcClients.DeleteAsync(Clients(scope), client, ct);
        await transaction.CommitAsync(ct);
        await cas.ChangedAsync();
        return Result.Ok();
    }

    /// <summary>Who may write, and what the draft must be, checked before anything is written.</summary>
    private async Task<Refusal?> RefusalAsync(CurrentUser user, SsoRegistrationDraft draft, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SingleSignOnMessages.AcademyOnly);
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        var errors = await TakenAsync(ServiceUrl.Normalize(draft.ServicePattern)!, draft.ClientId, draft.Id, ct);
        if (draft.SchoolId is int school && !await db.Schools.AnyAsync(s => s.Id == school, ct))
            errors.Add(SingleSignOnMessages.School_Unknown);
        if (
            draft.ResourceId is int resource
            && !await db.DigitalResources.AnyAsync(r => r.Id == resource && r.SchoolId == null, ct)
        )
            errors.Add(SingleSignOnMessages.Resource_Unknown);
        return errors.Count > 0 ? Result.Invalid(errors) : null;
    }

    /// <summary>The address, or the client id, another registration already has.</summary>
    private async Task<List<string>> TakenAsync(string pattern, string? clientId, int except, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var others = db.Set<SsoRegistration>().Where(r => r.Id != except);
        var taken = new List<string>();
        if (await others.AnyAsync(r => r.ServicePattern == pattern, ct))
            taken.Add(SingleSignOnMessages.Pattern_Taken);
        if (clientId is not null && await others.AnyAsync(r => r.ClientId == clientId, ct))
            taken.Add(SingleSignOnMessages.ClientId_Taken);
        return taken;
    }

    private static IOpenIddictApplicationManager Clients(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
}
