using System.ComponentModel;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.UsefulLinks;

/// <summary>An établissement's links, every audience, in order, as cached.</summary>
[ImmutableObject(true)]
internal sealed record SchoolLinks(IReadOnlyList<UsefulLinkView> Links);

/// <summary>
/// An établissement's links are read on every dashboard opened and changed by its admins: cached per établissement
/// (<see cref="Caching.EnoeCache"/>, shared between instances), dropped when one is added, changed, moved or deleted.
/// Who sees which is decided per reader, from their profiles there.
/// </summary>
public sealed partial class UsefulLinkService
{
    private static string Tag(int? schoolId) => $"links:school:{schoolId}";

    private async Task<IReadOnlyList<UsefulLinkView>> SchoolLinksAsync(int? schoolId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync($"links:{schoolId}", c => ReadAsync(schoolId, c), [Tag(schoolId)], ct)).Links;

    private async ValueTask<SchoolLinks> ReadAsync(int? schoolId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new SchoolLinks(
            await db.Set<UsefulLink>()
                .AsNoTracking()
                .Where(l => l.SchoolId == schoolId)
                .OrderBy(l => l.Position)
                .ThenBy(l => l.Id)
                .Select(l => new UsefulLinkView(l.Id, l.Title, l.Url, l.Audience))
                .ToListAsync(ct)
        );
    }

    /// <summary>Once the change is committed: the établissement's links are read again.</summary>
    private Task ChangedAsync(int? schoolId) => cache.InvalidateAsync(Tag(schoolId));
}
