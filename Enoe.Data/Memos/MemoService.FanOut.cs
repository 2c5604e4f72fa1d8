using System.Text.Json;
using Enoe.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>A mémo's copies, one per recipient, written in one statement however many there are.</summary>
public sealed partial class MemoService
{
    // EF would send one INSERT per row (SQLite: one round trip each; PostgreSQL: batched, but still 1,200 statements
    // for 1,200 parents) inside the sender's transaction.
    private static Task InsertCopiesAsync(EnoeDbContext db, Memo memo, Resolved plan, CancellationToken ct)
    {
        var people = plan.Recipients.Select(r => r.PersonId).ToArray();
        var audiences = plan.Recipients.Select(r => memo.Audiences[r.Address].Id).ToArray();
        var inbox = (int)MemoFolder.Inbox;
        return db.Provider == DatabaseProvider.PostgreSQL
            ? db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "MemoRecipient" ("MemoId", "PersonId", "AudienceId", "Folder")
                SELECT {memo.Id}, p, a, {inbox} FROM unnest({people}, {audiences}) AS copy(p, a)
                """,
                ct
            )
            : db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "MemoRecipient" ("MemoId", "PersonId", "AudienceId", "Folder")
                SELECT {memo.Id}, json_extract(value, '$[0]'), json_extract(value, '$[1]'), {inbox}
                FROM json_each({JsonSerializer.Serialize(people.Zip(audiences, (p, a) => new[] { p, a }))})
                """,
                ct
            );
    }
}
