using System.Text.Json;
using Enoe.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>
/// A mémo's copies, one per recipient, written in one statement however many there are (on SQLite, one per address and
/// hold when four or fewer); and each recipient's unread
/// count with this mémo, for their open tabs (<see cref="MemoSent"/>).
/// </summary>
public sealed partial class MemoService
{
    // EF would send one INSERT per row (SQLite: one round trip each; PostgreSQL: batched, but still 1,200 statements
    // for 1,200 parents) inside the delivery's transaction. On PostgreSQL the counts come back from the same
    // statement: one round trip fewer before the event, and the copies need not be found again by mémo.
    /// <returns>
    /// The unread count of each recipient reached at <paramref name="now"/> (held ones get theirs when the window
    /// ends).
    /// </returns>
    private static async Task<Dictionary<int, int>> InsertCopiesAsync(
        EnoeDbContext db,
        Memo memo,
        IReadOnlyList<(int PersonId, int AudienceId)> copies,
        Hold hold,
        DateTime now,
        CancellationToken ct
    )
    {
        var people = copies.Select(c => c.PersonId).ToArray();
        var audiences = copies.Select(c => c.AudienceId).ToArray();
        var held = people.Select(p => hold.People.Contains(p)).ToArray();
        var until = DateTime.SpecifyKind(hold.Until, DateTimeKind.Utc);
        var inbox = (int)MemoFolder.Inbox;
        if (db.Provider == DatabaseProvider.PostgreSQL)
        {
            // The SELECT reads the snapshot taken before the INSERT: it counts each recipient's other unread
            // mémos, and the new copy (unread, in the inbox) is the 1 added.
            var rows = await db
                .Database.SqlQuery<UnreadCount>(
                    $"""
                    WITH copy AS (
                        INSERT INTO "MemoRecipient" ("MemoId", "PersonId", "AudienceId", "Folder", "HeldUntil")
                        SELECT {memo.Id}, p, a, {inbox}, CASE WHEN h THEN {until} END
                        FROM unnest({people}, {audiences}, {held}) AS recipient(p, a, h)
                        RETURNING "PersonId", "HeldUntil"
                    )
                    SELECT copy."PersonId", 1 + (
                        SELECT count(*)::int FROM "MemoRecipient" AS r
                        WHERE r."PersonId" = copy."PersonId" AND r."Folder" = {inbox} AND r."ReadAt" IS NULL
                            AND (r."HeldUntil" IS NULL OR r."HeldUntil" <= {now})
                    ) AS "Count"
                    FROM copy WHERE copy."HeldUntil" IS NULL
                    """
                )
                .ToListAsync(ct);
            return rows.ToDictionary(c => c.PersonId, c => c.Count);
        }
        var groups = people
            .Select((p, i) => (Person: p, Audience: audiences[i], Held: held[i]))
            .ToLookup(r => (r.Audience, r.Held));
        if (groups.Count <= SharedGroupsMax)
            foreach (var group in groups)
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "MemoRecipient" ("MemoId", "PersonId", "AudienceId", "Folder", "HeldUntil")
                    SELECT {memo.Id}, value, {group.Key.Audience}, {inbox}, {(group.Key.Held ? until : null)}
                    FROM json_each({JsonSerializer.Serialize(group.Select(r => r.Person))})
                    """,
                    ct
                );
        else
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "MemoRecipient" ("MemoId", "PersonId", "AudienceId", "Folder", "HeldUntil")
                SELECT {memo.Id}, json_extract(value, '$[0]'), json_extract(value, '$[1]'), {inbox},
                    CASE WHEN json_extract(value, '$[2]') THEN {until} END
                FROM json_each({JsonSerializer.Serialize(
                    people.Select((p, i) => new object[] { p, audiences[i], held[i] })
                )})
                """,
                ct
            );
        var reached = db.Set<MemoRecipient>()
            .Where(r => r.MemoId == memo.Id && r.HeldUntil == null)
            .Select(r => r.PersonId);
        return await db.Set<MemoRecipient>()
            .Where(r => reached.Contains(r.PersonId) && r.Folder == MemoFolder.Inbox && r.ReadAt == null)
            .Where(r => r.HeldUntil == null || r.HeldUntil <= now)
            .GroupBy(r => r.PersonId)
            .Select(g => new { PersonId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(c => c.PersonId, c => c.Count, ct);
    }

    // SQLite parses a row's JSON array again for each value it extracts: when the recipients fall in a few (address,
    // held by the quiet window) groups, as a class's or "Tous les élèves" do, each group's ids go alone (2,000 copies:
    // 5 → 2.5 ms).
    private const int SharedGroupsMax = 4;

    private sealed record UnreadCount(int PersonId, int Count);
}
