using System.Text.Json;
using Enoe.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// Notifications written in one statement per moment of delivery (on SQLite, per shared face when few), however
/// many recipients (a class's 30 families or 1,200 parents), like a mémo's copies.
/// </summary>
public sealed partial class NotificationService
{
    /// <summary>Writes and announces, in a context of its own: for a service whose work is already committed.</summary>
    public async Task NotifyAsync(IReadOnlyCollection<NewNotification> items, CancellationToken ct = default)
    {
        if (items.Count == 0)
            return;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await WriteAsync(db, items, Now, ct);
        await AnnounceAsync(items);
    }

    /// <summary>
    /// Writes inside the caller's context and transaction (nothing is notified of work that failed); the caller
    /// calls <see cref="AnnounceAsync"/> once committed.
    /// </summary>
    public static async Task WriteAsync(
        EnoeDbContext db,
        IReadOnlyCollection<NewNotification> items,
        DateTime now,
        CancellationToken ct
    )
    {
        foreach (var batch in items.GroupBy(i => i.VisibleAt))
        {
            var rows = batch.ToArray();
            var visibleAt = DateTime.SpecifyKind(batch.Key, DateTimeKind.Utc);
            if (db.Provider == DatabaseProvider.PostgreSQL)
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "Notifications"
                        ("RecipientId", "SchoolId", "ChildId", "Kind", "Title", "Link", "Source",
                        "CreatedAt", "VisibleAt")
                    SELECT r, s, c, k, t, l, o, {now}, {visibleAt}
                    FROM unnest({rows.Select(i => i.RecipientId).ToArray()}, {rows.Select(i => i.SchoolId).ToArray()},
                        {rows.Select(i => i.ChildId).ToArray()}, {rows.Select(i => (int)i.Kind).ToArray()},
                        {rows.Select(i => Cut(i.Title, TitleMax)).ToArray()}, {rows.Select(i => i.Link).ToArray()},
                        {rows.Select(i => i.Source).ToArray()}) AS n(r, s, c, k, t, l, o)
                    """,
                    ct
                );
            else if (rows.GroupBy(Face).ToList() is { Count: <= SharedFacesMax } faces)
                foreach (var face in faces)
                    await InsertSharingAsync(db, face.Key, face.Select(i => i.RecipientId), now, visibleAt, ct);
            else
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "Notifications"
                        ("RecipientId", "SchoolId", "ChildId", "Kind", "Title", "Link", "Source",
                        "CreatedAt", "VisibleAt")
                    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                        json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'),
                        json_extract(value, '$[6]'), {now}, {visibleAt}
                    FROM json_each({JsonSerializer.Serialize(rows.Select(Json))})
                    """,
                    ct
                );
        }
    }

    // SQLite takes a list as JSON and parses a row's array again for each column it extracts. A mémo's notices
    // differ only by recipient: their shared values go once and the recipients as a list of ids, which halves the
    // statement's time for 2,000 (a carnet entry's and marks' name each family's child: one row each, as before).
    // Rows are written face by face, so their ids follow the faces, not the items' order.
    private const int SharedFacesMax = 4;

    private static NewNotification Face(NewNotification item) => item with { RecipientId = 0 };

    private static Task InsertSharingAsync(
        EnoeDbContext db,
        NewNotification face,
        IEnumerable<int> recipients,
        DateTime now,
        DateTime visibleAt,
        CancellationToken ct
    ) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Notifications"
                ("RecipientId", "SchoolId", "ChildId", "Kind", "Title", "Link", "Source", "CreatedAt", "VisibleAt")
            SELECT value, {face.SchoolId}, {face.ChildId}, {(int)face.Kind}, {Cut(face.Title, TitleMax)},
                {face.Link}, {face.Source}, {now}, {visibleAt}
            FROM json_each({JsonSerializer.Serialize(recipients)})
            """,
            ct
        );

    private static object?[] Json(NewNotification i) =>
        [i.RecipientId, i.SchoolId, i.ChildId, (int)i.Kind, Cut(i.Title, TitleMax), i.Link, i.Source];

    internal static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
