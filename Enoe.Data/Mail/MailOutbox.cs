using System.Text.Json;
using Enoe.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Mail;

/// <summary>
/// Queues e-mails in the database, many in one statement (a whole académie's digests are a few hundred statements, not
/// ten thousand), inside the caller's transaction: the notifications are marked e-mailed in the same one.
/// </summary>
public static class MailOutbox
{
    /// <summary>Rows per statement: a digest's HTML is a few KB, so a slice stays a few MB.</summary>
    private const int Slice = 500;

    public static async Task EnqueueAsync(
        EnoeDbContext db,
        IReadOnlyCollection<QueuedMail> mails,
        DateTime now,
        CancellationToken ct
    )
    {
        foreach (var rows in mails.Chunk(Slice))
        {
            if (db.Provider == DatabaseProvider.PostgreSQL)
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "MailOutbox" ("PersonId", "To", "Subject", "TextBody", "HtmlBody", "UnsubscribeUrl",
                        "DigestKey", "CreatedAt", "Attempts", "NextAttemptAt")
                    SELECT p, t, s, x, h, u, k, {now}, 0, {now}
                    FROM unnest({rows.Select(m => m.PersonId).ToArray()}, {rows.Select(m => m.To).ToArray()},
                        {rows.Select(m => m.Subject).ToArray()}, {rows.Select(m => m.TextBody).ToArray()},
                        {rows.Select(m => m.HtmlBody).ToArray()}, {rows.Select(m => m.UnsubscribeUrl).ToArray()},
                        {rows.Select(m => m.DigestKey).ToArray()}) AS m(p, t, s, x, h, u, k)
                    """,
                    ct
                );
            else
                await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "MailOutbox" ("PersonId", "To", "Subject", "TextBody", "HtmlBody", "UnsubscribeUrl",
                        "DigestKey", "CreatedAt", "Attempts", "NextAttemptAt")
                    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'),
                        json_extract(value, '$[3]'), json_extract(value, '$[4]'), json_extract(value, '$[5]'),
                        json_extract(value, '$[6]'), {now}, 0, {now}
                    FROM json_each({JsonSerializer.Serialize(rows.Select(Json))})
                    """,
                    ct
                );
        }
    }

    private static object?[] Json(QueuedMail m) =>
        [m.PersonId, m.To, m.Subject, m.TextBody, m.HtmlBody, m.UnsubscribeUrl, m.DigestKey];
}

/// <summary>An e-mail to queue.</summary>
public sealed record QueuedMail(
    int? PersonId,
    string To,
    string Subject,
    string TextBody,
    string HtmlBody,
    string? UnsubscribeUrl,
    string? DigestKey
);
