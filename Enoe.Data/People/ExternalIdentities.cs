using Enoe.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.People;

/// <summary>The field of a person that an external identity's mapped claim is compared with.</summary>
public enum PersonField
{
    /// <summary>The e-mail address (compared as Identity normalises it).</summary>
    Email,

    /// <summary>The directory's jointure (<c>ENTPersonJointure</c>), exactly.</summary>
    DirectoryKey,
}

/// <summary>What became of an external identity that no account was linked to yet.</summary>
public enum ExternalMatch
{
    /// <summary>Exactly one enabled person, without admin rights: now linked.</summary>
    Linked,

    /// <summary>Nobody: never an account created for it.</summary>
    NoMatch,

    /// <summary>Several people: linking one of them would be a guess.</summary>
    Several,

    /// <summary>The one person is disabled (left the directory).</summary>
    Disabled,

    /// <summary>The person holds admin rights: they prove their password once before the identity is theirs.</summary>
    AdminMustProvePassword,
}

public sealed record LinkedIdentity(string Provider, string ProviderKey, string? ProviderDisplayName);

/// <summary>
/// External identities (Entra ID, an OpenID Connect provider) attached to ENOE accounts: Identity's login rows. A
/// person links and unlinks only their own; an identity nobody has linked is attached automatically only to exactly one
/// enabled person without admin rights. Each operation uses its own scope (UserManager and its DbContext), so the
/// service may serve circuits and endpoints alike.
/// </summary>
public sealed class ExternalIdentities(IServiceScopeFactory scopes, IDbContextFactory<EnoeDbContext> dbFactory)
{
    /// <summary>
    /// Links the identity to the person its mapped claim designates, when that is safe (see
    /// <see cref="ExternalMatch"/>).
    /// </summary>
    public async Task<ExternalMatch> LinkByClaimAsync(
        UserLoginInfo login,
        PersonField field,
        string? value,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(value))
            return ExternalMatch.NoMatch;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var wanted = value.Trim();
        var normalized = users.NormalizeEmail(wanted);
        var found = await (
            field == PersonField.Email
                ? db.Users.Where(p => p.NormalizedEmail == normalized)
                : db.Users.Where(p => p.DirectoryKey == wanted)
        )
            .Take(2)
            .ToListAsync(ct);
        if (found.Count != 1)
            return found.Count == 0 ? ExternalMatch.NoMatch : ExternalMatch.Several;
        var person = found[0];
        if (person.IsDisabled)
            return ExternalMatch.Disabled;
        // Someone who already has an identity from this provider gets no second one by a claim: a matching e-mail
        // on another identity proves nothing about who holds it.
        if ((await users.GetLoginsAsync(person)).Any(l => l.LoginProvider == login.LoginProvider))
            return ExternalMatch.NoMatch;
        if (
            person.IsAcademyAdmin
            || await db.Memberships.AnyAsync(
                m => m.PersonId == person.Id && (m.Profiles & Profile.SchoolAdmin) != 0,
                ct
            )
        )
            return ExternalMatch.AdminMustProvePassword;
        return (await AddLoginAsync(users, person, login)).Succeeded ? ExternalMatch.Linked : ExternalMatch.NoMatch;
    }

    /// <summary>
    /// Links the identity to the person asking (signed in, or who has just proved their password). One identity per
    /// provider and per person; an identity already someone else's stays theirs.
    /// </summary>
    public async Task<Result> LinkAsync(CurrentUser who, UserLoginInfo login, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var person = await users.FindByIdAsync(
            who.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        if (person is null || person.IsDisabled)
            return Result.Forbidden(ExternalIdentityMessages.AccountUnavailable);
        var owner = await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey);
        if (owner is not null)
            return owner.Id == person.Id
                ? Result.Ok()
                : Result.Conflict(ExternalIdentityMessages.AlreadyLinkedToAnother);
        if ((await users.GetLoginsAsync(person)).Any(l => l.LoginProvider == login.LoginProvider))
            return Result.Conflict(ExternalIdentityMessages.ProviderAlreadyLinked);
        var added = await AddLoginAsync(users, person, login);
        return added.Succeeded ? Result.Ok() : Result.Invalid(added.Errors.Select(e => e.Description));
    }

    /// <summary>Removes one of the asker's own external identities; someone else's is refused.</summary>
    public async Task<Result> UnlinkAsync(
        CurrentUser who,
        string provider,
        string providerKey,
        CancellationToken ct = default
    )
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var owner = await users.FindByLoginAsync(provider, providerKey);
        if (owner is null || owner.Id != who.PersonId)
            return Result.Forbidden(ExternalIdentityMessages.NotYours);
        var removed = await users.RemoveLoginAsync(owner, provider, providerKey);
        return removed.Succeeded ? Result.Ok() : Result.Invalid(removed.Errors.Select(e => e.Description));
    }

    /// <summary>
    /// Identity refuses to update an account without a security stamp; one written outside Identity (an import) gets
    /// one first.
    /// </summary>
    private static async Task<IdentityResult> AddLoginAsync(
        UserManager<Person> users,
        Person person,
        UserLoginInfo login
    )
    {
        if (person.SecurityStamp is null)
            await users.UpdateSecurityStampAsync(person);
        return await users.AddLoginAsync(person, login);
    }

    /// <summary>The asker's external identities, by provider.</summary>
    public async Task<IReadOnlyList<LinkedIdentity>> ListAsync(CurrentUser who, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db
            .UserLogins.AsNoTracking()
            .Where(l => l.UserId == who.PersonId)
            .OrderBy(l => l.LoginProvider)
            .Select(l => new LinkedIdentity(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName))
            .ToListAsync(ct);
    }
}
