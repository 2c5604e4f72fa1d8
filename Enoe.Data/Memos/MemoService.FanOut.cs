using System.Text.Json;
using Enoe.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>
/// A mémo's copies, one per recipient, written in one statement however many there are; and each recipient's unread
/// count with this mémo, for their open tabs (<see cref="MemoSent"/>).
/// </summary>
public sealed partial class MemoService
{
    // EF would send one INSERT per row (SQLite: one round trip each; PostgreSQL: batched, but still 1,200 statements
    // for 1,200 parents) inside the sender's transaction. On PostgreSQL the counts come back from the same statement:
    // the sender waits for one round trip fewer, and the copies need not be found again by mémo.
    private static async Task<Dictionary<int, int>> InsertCopiesAsync(
        EnoeDbContext db,
        Memo memo,
        Resolved plan,
        CancellationToken ct
    )
    {
        var people = plan.Recipients.Select(r => r.PersonId).ToArray();
        var audiences = plan.Recipients.Select(r => memo.Audiences[r.Address].Id).ToArray();
        var inbox = (int)MemoFolder.Inbox;
        if (db.Provider == DatabaseProvider.PostgreSQL)
        {
            // The SELECT reads the snapshot taken before the INSERT: it counts each recipient's other unread
            // mémos, and the new copy (unread, in the inbox) is the 1 added.
            var counts = await db
                .Database.SqlQuery<UnreadCount>(
                    $"""
                    WITH copy AS (
                        INSERT INTO "MemoRecipient" ("MemoId", "PersonId", "AudienceId", "Folder")
                        SELECT {memo.Id}, p, a, {inbox} FROM unnest({people}, {audiences}) AS recipient(p, a)
                        RETURNING "PersonId"
                    )
                    SELECT copy."PersonId", 1 + (
                        SELECT count(*)::int FROM "MemoRecipient" AS r
                        WHERE r."PersonId" = copy."PersonId" AND r."Folder" = {inbox} AND r."ReadAt" IS NULL
                    ) AS "Count"
                    FROM copy
                    """
                )
                .ToListAsync(ct);
            return counts.ToDictionary(c => c.PersonId, c => c.Count);
        }
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "MemoRecipient" ("MemoId", "PersonId", "AudienceId", "Folder")
            SELECT {memo.Id}, json_extract(value, '$[0]'), json_extract(value, '$[1]'), {inbox}
            FROM json_each({JsonSerializer.Serialize(people.Zip(audiences, (p, a) => new[] { p, a }))})
            """,
            ct
        );
        var recipients = db.Set<MemoRecipient>().Where(r => r.MemoId == memo.Id).Select(r => r.PersonId);
        return await db.Set<MemoRecipient>()
            .Where(r => recipients.Contains(r.PersonId) && r.Folder == MemoFolder.Inbox && r.ReadAt == null)
            .GroupBy(r => r.PersonId)
            .Select(g => new { PersonId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.PersonId, c => c.Count, ct);
    }

    private sealed record UnreadCount(int PersonId, int Count);
}
