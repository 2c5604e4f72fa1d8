using System.Linq.Expressions;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>
/// What a person has not read yet: the badge's count and the widget's list, and the event telling them.
/// </summary>
public sealed partial class MemoService
{
    public async Task<int> UnreadCountAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is not null)
            return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Unread(db, user.PersonId).CountAsync(ct);
    }

    /// <summary>
    /// The unread count and the <paramref name="take"/> newest unread mémos of the inbox (the badge and the widget),
    /// or <see cref="UnreadInbox.Closed"/> when the établissement does not run mémos for this person.
    /// </summary>
    public async Task<UnreadInbox> UnreadAsync(CurrentUser user, int take, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is not null)
            return UnreadInbox.Closed;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unread = Unread(db, user.PersonId);
        var latest =
            take <= 0
                ? []
                : await unread
                    .OrderByDescending(r => r.Memo!.SentAt)
                    .ThenByDescending(r => r.MemoId)
                    .Take(take)
                    .Select(r => r.Memo!)
                    .Select(AsUnreadItem)
                    .ToListAsync(ct);
        // A list shorter than asked for is the whole count: one query instead of two.
        var count = take > 0 && latest.Count < take ? latest.Count : await unread.CountAsync(ct);
        return new UnreadInbox(true, count, latest);
    }

    /// <summary>
    /// What each open tab of a recipient needs to show a new mémo without asking the database: its line in the
    /// widget, and every recipient's unread count with this mémo (<paramref name="unread"/>, read as the copies
    /// were written). Read in the delivery's transaction.
    /// </summary>
    private static async Task<MemoSent> SentEventAsync(
        EnoeDbContext db,
        int memoId,
        IReadOnlyDictionary<int, int> unread,
        CancellationToken ct
    )
    {
        var summary = await db.Set<Memo>().Where(m => m.Id == memoId).Select(AsUnreadItem).SingleAsync(ct);
        return new MemoSent(memoId, summary, unread);
    }

    private IQueryable<MemoRecipient> Unread(EnoeDbContext db, int me)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<MemoRecipient>()
            .Where(r => r.PersonId == me && r.Folder == MemoFolder.Inbox && r.ReadAt == null)
            .Where(r => r.HeldUntil == null || r.HeldUntil <= now);
    }

    private static readonly Expression<Func<Memo, MemoListItem>> AsUnreadItem = m => new MemoListItem(
        m.Id,
        m.ThreadId,
        m.Subject,
        m.Sender!.FirstName + " " + m.Sender.LastName,
        m.To,
        m.SentAt,
        false,
        m.Attachments.Any()
    );
}
