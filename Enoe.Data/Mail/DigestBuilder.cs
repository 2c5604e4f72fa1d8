using System.Globalization;
using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Mail;

/// <summary>
/// Turns pending notifications (visible, unread, not e-mailed yet, from établissements outside their quiet window now)
/// into one e-mail per person, for the people whose preference asks for this kind of e-mail, then queues them and marks
/// the notifications e-mailed in one transaction. A constant number of queries whatever the number of people.
/// </summary>
public sealed class DigestBuilder(
    IDbContextFactory<EnoeDbContext> dbFactory,
    QuietHoursService quietHours,
    DigestComposer composer,
    TimeProvider clock
)
{
    public async Task<DigestOutcome> BuildAsync(DigestScope scope, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = db.Set<Notification>()
            .Where(n => n.EmailedAt == null && n.ReadAt == null && n.VisibleAt > scope.From && n.VisibleAt <= scope.To);
        if (scope.DigestKey is string key)
            all = all.Where(n => !db.Set<OutboxMessage>().Any(o => o.PersonId == n.RecipientId && o.DigestKey == key));
        var (open, quiet) = await SchoolsNowAsync(db, now, ct);
        // Whether people of a quiet établissement wait for its window's end (the job then runs again).
        var held = quiet.Count > 0 && await all.AnyAsync(n => quiet.Contains(n.SchoolId), ct);
        if (open.Count == 0)
            return new(0, 0, held);
        var pending = all.Where(n => open.Contains(n.SchoolId));
        var people = pending.Select(n => n.RecipientId).Distinct();
        var recipients = await db
            .Users.Where(p => people.Contains(p.Id) && p.DisabledAt == null && p.Email != null && p.Email != "")
            .Where(p => !db.Set<MailRefusal>().Any(r => r.PersonId == p.Id && r.Address == p.Email))
            .Select(p => new DigestRecipient(p.Id, p.FirstName, p.Email!))
            .ToDictionaryAsync(p => p.Id, ct);
        var choices = await MailChoices.LoadAsync(db, people, ct);
        var items = await pending
            .Select(n => new PendingNotification(
                n.Id,
                n.RecipientId,
                n.SchoolId,
                n.ChildId,
                n.Kind,
                n.Title,
                n.Link,
                n.VisibleAt
            ))
            .ToListAsync(ct);
        var wanted = items
            .Where(i =>
                recipients.ContainsKey(i.RecipientId)
                && scope.Wants(choices.For(i.RecipientId, i.SchoolId, NotificationKinds.CategoryOf(i.Kind)))
            )
            .ToList();
        if (wanted.Count == 0)
            return new(0, 0, held);
        var labels = await ChildLabelsAsync(db, wanted, ct);
        var mails = ComposeAll(scope, wanted, recipients, labels);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await MailOutbox.EnqueueAsync(db, mails, now, ct);
            var ids = wanted.Select(i => i.Id).ToList();
            await db.Set<Notification>()
                .Where(n => ids.Contains(n.Id) && n.EmailedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailedAt, now), ct);
            await transaction.CommitAsync(ct);
        }
        return new(mails.Count, wanted.Count, held);
    }

    /// <summary>The établissements whose window is open now, and those quiet now.</summary>
    private async Task<(List<int> Open, List<int> Quiet)> SchoolsNowAsync(
        EnoeDbContext db,
        DateTime now,
        CancellationToken ct
    )
    {
        var (open, quiet) = (new List<int>(), new List<int>());
        foreach (var school in await db.Schools.Select(s => s.Id).ToListAsync(ct))
            ((await quietHours.WindowAsync(school, ct)).IsQuiet(now) ? quiet : open).Add(school);
        return (open, quiet);
    }

    /// <summary>
    /// "Emma (2nde A)": each child's first name and class, in one query (the ids as one parameter, as every list is:
    /// <see cref="Database.SqliteEnoeDbContext.Configure"/>).
    /// </summary>
    private static async Task<Dictionary<int, string>> ChildLabelsAsync(
        EnoeDbContext db,
        List<PendingNotification> items,
        CancellationToken ct
    )
    {
        var children = items.Select(i => i.ChildId).OfType<int>().Distinct().ToList();
        var rows = await db
            .Users.Where(p => children.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                p.FirstName,
                Class = db
                    .Enrolments.Where(e => e.StudentId == p.Id)
                    .OrderByDescending(e => e.SchoolClassId)
                    .Select(e => e.SchoolClass!.Name)
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Class is null ? r.FirstName : $"{r.FirstName} ({r.Class})");
    }

    private List<QueuedMail> ComposeAll(
        DigestScope scope,
        List<PendingNotification> wanted,
        Dictionary<int, DigestRecipient> recipients,
        Dictionary<int, string> labels
    )
    {
        // E-mails are written in French, the académie's language, whatever culture the job runs in.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            return
            [
                .. wanted
                    .GroupBy(i => i.RecipientId)
                    .Select(g =>
                        composer.Compose(recipients[g.Key], [.. g], labels, scope.Subject([.. g]), scope.DigestKey)
                    ),
            ];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}

/// <summary>
/// What a run covers: notifications visible in (<see cref="From"/>, <see cref="To"/>] whose frequency it wants.
/// </summary>
public sealed record DigestScope(
    DateTime From,
    DateTime To,
    Func<MailFrequency, bool> Wants,
    Func<IReadOnlyList<PendingNotification>, string> Subject,
    string? DigestKey
);

/// <summary>
/// E-mails queued, notifications they carry, and whether a quiet établissement held some people back.
/// </summary>
public sealed record DigestOutcome(int Mails, int Notifications, bool Held);
