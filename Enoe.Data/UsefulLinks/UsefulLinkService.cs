using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.UsefulLinks;

public sealed record UsefulLinkView(int Id, string Title, string Url, Profile Audience);

/// <summary>
/// Liens utiles: each établissement's short list of links. Everyone reads those meant for their
/// profiles there; its admins keep the list. Nothing is read or written where the service is off.
/// </summary>
public sealed partial class UsefulLinkService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    ServiceAccess access,
    Caching.EnoeCache cache
)
{
    private static readonly UsefulLinkDraftValidator Validator = new();

    /// <summary>
    /// The links this person sees in their établissement, in order: one query, or none when the caller read the
    /// person's <paramref name="profiles"/> there in this same request (the établissement's links are cached). Those
    /// only narrow the profiles the session carries: a caller never shows a link the person's own profiles miss.
    /// </summary>
    public async Task<IReadOnlyList<UsefulLinkView>> ListForAsync(
        CurrentUser user,
        Profile? profiles = null,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.UsefulLinks, ct: ct) is not null)
            return [];
        if (profiles is Profile read)
        {
            var mine = read & user.Profiles;
            return [.. (await SchoolLinksAsync(user.SchoolId, ct)).Where(l => (mine & l.Audience) != 0)];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<UsefulLink>()
            .AsNoTracking()
            .Where(l =>
                l.SchoolId == user.SchoolId
                && db.Schools.Where(EntServices.RunningIn(EntService.UsefulLinks)).Any(s => s.Id == l.SchoolId)
                && db.Memberships.Any(m =>
                    m.PersonId == user.PersonId && m.SchoolId == l.SchoolId && (m.Profiles & l.Audience) != 0
                )
            )
            .OrderBy(l => l.Position)
            .ThenBy(l => l.Id)
            .Select(l => new UsefulLinkView(l.Id, l.Title, l.Url, l.Audience))
            .ToListAsync(ct);
    }

    /// <summary>Every link of the établissement, for its admins.</summary>
    public async Task<Result<IReadOnlyList<UsefulLinkView>>> ListForAdminAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.UsefulLinks, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenyAsync(db, user, ct) is { } denied)
            return denied;
        return Result<IReadOnlyList<UsefulLinkView>>.Ok(
            await db.Set<UsefulLink>()
                .AsNoTracking()
                .Where(l => l.SchoolId == user.SchoolId)
                .OrderBy(l => l.Position)
                .ThenBy(l => l.Id)
                .Select(l => new UsefulLinkView(l.Id, l.Title, l.Url, l.Audience))
                .ToListAsync(ct)
        );
    }

    /// <summary>
    /// Adds a link at the end of the list, or changes one; checked whole first, nothing written when refused.
    /// </summary>
    public async Task<Result<int>> SaveAsync(CurrentUser user, UsefulLinkDraft draft, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.UsefulLinks, ct: ct) is { } refused)
            return refused;
        var validation = Validator.Validate(draft);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenyAsync(db, user, ct) is { } denied)
            return denied;
        UsefulLink? link;
        if (draft.Id == 0)
        {
            var last =
                await db.Set<UsefulLink>().Where(l => l.SchoolId == user.SchoolId).MaxAsync(l => (int?)l.Position, ct)
                ?? 0;
            db.Add(
                link = new UsefulLink
                {
                    SchoolId = user.SchoolId!.Value,
                    Title = "",
                    Url = "",
                    Position = last + 1,
                }
            );
        }
        // The id comes from the browser: only a link of the admin's own établissement.
        else if (
            (
                link = await db.Set<UsefulLink>()
                    .FirstOrDefaultAsync(l => l.Id == draft.Id && l.SchoolId == user.SchoolId, ct)
            )
            is null
        )
            return Result.NotFound(UsefulLinksMessages.NotFound);
        link.Title = draft.Title.Trim();
        link.Url = draft.Url.Trim();
        link.Audience = draft.Audience & Profile.Everyone & ~Profile.AcademyAdmin;
        await db.SaveChangesAsync(ct);
        await ChangedAsync(user.SchoolId);
        return Result<int>.Ok(link.Id);
    }

    public async Task<Result> DeleteAsync(CurrentUser user, int linkId, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.UsefulLinks, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenyAsync(db, user, ct) is { } denied)
            return denied;
        var deleted = await db.Set<UsefulLink>()
            .Where(l => l.Id == linkId && l.SchoolId == user.SchoolId)
            .ExecuteDeleteAsync(ct);
        await ChangedAsync(user.SchoolId);
        return deleted == 1 ? Result.Ok() : Result.NotFound(UsefulLinksMessages.NotFound);
    }

    /// <summary>Moves a link one place up the list (it swaps with the one before it).</summary>
    public async Task<Result> MoveUpAsync(CurrentUser user, int linkId, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.UsefulLinks, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await DenyAsync(db, user, ct) is { } denied)
            return denied;
        var links = await db.Set<UsefulLink>()
            .Where(l => l.SchoolId == user.SchoolId)
            .OrderBy(l => l.Position)
            .ThenBy(l => l.Id)
            .ToListAsync(ct);
        var index = links.FindIndex(l => l.Id == linkId);
        if (index < 0)
            return Result.NotFound(UsefulLinksMessages.NotFound);
        if (index == 0)
            return Result.Ok();
        (links[index - 1], links[index]) = (links[index], links[index - 1]);
        for (var i = 0; i < links.Count; i++)
            links[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
        await ChangedAsync(user.SchoolId);
        return Result.Ok();
    }

    /// <summary>Only the établissement's admins, and only where the académie lets it run the service.</summary>
    private static async Task<Refusal?> DenyAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (!await db.IsSchoolAdminAsync(user.PersonId, user.SchoolId, ct))
            return Result.Forbidden(UsefulLinksMessages.AdminsOnly);
        if (
            !await db
                .Schools.Where(EntServices.RunningIn(EntService.UsefulLinks))
                .AnyAsync(s => s.Id == user.SchoolId, ct)
        )
            return Result.Forbidden(UsefulLinksMessages.ServiceOff);
        return null;
    }
}
