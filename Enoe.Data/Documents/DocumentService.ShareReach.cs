using Enoe.Data.Memos;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>
/// Shares are checked against the mémo rules when they are read, not only when they are saved. Rows saved before
/// sharing followed those rules (a forged share list reached any class) must stop giving access, and a rule the
/// établissement switches off later must end the shares it allowed, as it ends new mémos. A one-off sweep would
/// cover only the first; checking at read costs two small queries per distinct possible sharer of the listed
/// documents (usually one or two teachers), on the listing and on a download through a share only.
/// </summary>
public sealed partial class DocumentService
{
    /// <summary>
    /// Of <paramref name="documentIds"/>, those someone who could have shared them may write to <paramref name="me"/>
    /// today: whoever added the document or a manager of its space (its owner, the teachers of its class or group). A
    /// share row does not say who made it; any of them could have, and could make it again.
    /// </summary>
    internal static async Task<HashSet<int>> StillSharedAsync(
        EnoeDbContext db,
        int me,
        IQueryable<int> documentIds,
        CancellationToken ct
    )
    {
        var documents = await db.Set<Document>()
            .Where(d => documentIds.Contains(d.Id))
            .Select(d => new
            {
                d.Id,
                d.Space!.SchoolId,
                d.AddedById,
                d.Space.OwnerId,
                d.Space.SchoolClassId,
                d.Space.TeachingGroupId,
            })
            .AsNoTracking()
            .ToListAsync(ct);
        var classes = documents.Select(d => d.SchoolClassId).OfType<int>().ToList();
        var groups = documents.Select(d => d.TeachingGroupId).OfType<int>().ToList();
        var teachers = await db
            .TeachingAssignments.Where(t =>
                (t.SchoolClassId != null && classes.Contains(t.SchoolClassId.Value))
                || (t.TeachingGroupId != null && groups.Contains(t.TeachingGroupId.Value))
            )
            .Select(t => new
            {
                t.TeacherId,
                t.SchoolClassId,
                t.TeachingGroupId,
            })
            .ToListAsync(ct);
        var reaches = new Dictionary<(int Sharer, int School), bool>();
        async Task<bool> ReachesMeAsync(int sharer, int school)
        {
            if (sharer == me)
                return true;
            if (!reaches.TryGetValue((sharer, school), out var yes))
                reaches[(sharer, school)] = yes =
                    await Reach.SenderAsync(db, sharer, school, ct) is { } sender
                    && await Reach.People(db, sender).AnyAsync(id => id == me, ct);
            return yes;
        }
        var kept = new HashSet<int>();
        foreach (var d in documents)
        {
            var managers = teachers
                .Where(t =>
                    (d.SchoolClassId != null && t.SchoolClassId == d.SchoolClassId)
                    || (d.TeachingGroupId != null && t.TeachingGroupId == d.TeachingGroupId)
                )
                .Select(t => t.TeacherId);
            int[] sharers = [d.AddedById, .. d.OwnerId is int owner ? [owner] : Array.Empty<int>(), .. managers];
            foreach (var sharer in sharers.Distinct())
                if (await ReachesMeAsync(sharer, d.SchoolId))
                {
                    kept.Add(d.Id);
                    break;
                }
        }
        return kept;
    }
}
