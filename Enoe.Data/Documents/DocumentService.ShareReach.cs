using Enoe.Data.Memos;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>
/// Shares are checked against the mémo rules when they are read, not only when they are saved. Rows saved before
/// sharing followed those rules (a forged share list reached any class) must stop giving access, and a rule the
/// établissement switches off later must end the shares it allowed, as it ends new mémos. A one-off sweep would
/// cover only the first. Checking at read costs four queries whatever the number of possible sharers (one more per
/// <see cref="SendersPerQuery"/> of them), on the listing and on a download through a share only.
/// </summary>
public sealed partial class DocumentService
{
    /// <summary>
    /// The reach of this many sharers is asked in one statement: well under SQLite's 500 terms of one compound
    /// SELECT, and a statement of reasonable size.
    /// </summary>
    private const int SendersPerQuery = 50;

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
        var classes = documents.Select(d => d.SchoolClassId).OfType<int>().Distinct().ToList();
        var groups = documents.Select(d => d.TeachingGroupId).OfType<int>().Distinct().ToList();
        var teachers =
            classes.Count + groups.Count == 0
                ? []
                : await db
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
        var sharersOf = documents.ToDictionary(
            d => d.Id,
            d =>
                (int[])
                    [
                        d.AddedById,
                        .. d.OwnerId is int owner ? [owner] : Array.Empty<int>(),
                        .. teachers
                            .Where(t =>
                                (d.SchoolClassId != null && t.SchoolClassId == d.SchoolClassId)
                                || (d.TeachingGroupId != null && t.TeachingGroupId == d.TeachingGroupId)
                            )
                            .Select(t => t.TeacherId),
                    ]
        );
        var reaching = await ReachingMeAsync(
            db,
            me,
            [.. documents.SelectMany(d => sharersOf[d.Id].Where(s => s != me).Select(s => (s, d.SchoolId))).Distinct()],
            ct
        );
        return
        [
            .. documents
                .Where(d => sharersOf[d.Id].Any(s => s == me || reaching.Contains((s, d.SchoolId))))
                .Select(d => d.Id),
        ];
    }

    /// <summary>
    /// Which of these (sharer, établissement) pairs may write to <paramref name="me"/> today: every sharer's
    /// membership in one query, then their reach (<see cref="Reach.People"/>, the mémo rules) in one statement.
    /// </summary>
    private static async Task<HashSet<(int Sharer, int School)>> ReachingMeAsync(
        EnoeDbContext db,
        int me,
        List<(int Sharer, int School)> pairs,
        CancellationToken ct
    )
    {
        if (pairs.Count == 0)
            return [];
        var sharerIds = pairs.Select(p => p.Sharer).Distinct().ToList();
        var schoolIds = pairs.Select(p => p.School).Distinct().ToList();
        var memberships = await db
            .Memberships.Where(m => sharerIds.Contains(m.PersonId) && schoolIds.Contains(m.SchoolId))
            .Select(m => new
            {
                m.PersonId,
                m.SchoolId,
                m.Profiles,
                m.Functions,
                m.School!.MemoRules,
            })
            .ToListAsync(ct);
        var senders = memberships
            .Where(m => pairs.Contains((m.PersonId, m.SchoolId)))
            .Select(m => new Sender(m.PersonId, m.SchoolId, m.Profiles, m.Functions, m.MemoRules))
            .ToList();
        var reaching = new HashSet<(int, int)>();
        foreach (var chunk in senders.Chunk(SendersPerQuery))
        {
            // Each sender's reach, narrowed to me, answers its place in the chunk: one UNION ALL, one round trip.
            var which = chunk
                .Select((sender, i) => Reach.People(db, sender).Where(id => id == me).Select(_ => i))
                .Aggregate((a, b) => a.Concat(b));
            foreach (var i in await which.ToListAsync(ct))
                reaching.Add((chunk[i].PersonId, chunk[i].SchoolId));
        }
        return reaching;
    }
}
