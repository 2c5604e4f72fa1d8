using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>A mémo once sent: who it went to, who has read it, and each person's copy (folders, bin).</summary>
public sealed partial class MemoService
{
    /// <summary>The addresses a mémo this person can see was sent to, for "reply to all".</summary>
    public async Task<IReadOnlyList<MemoAddress>> AudiencesOfAsync(
        CurrentUser user,
        int memoId,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = Visible(db, user.PersonId);
        return await db.Set<MemoAudience>()
            .Where(a => a.MemoId == memoId && visible.Any(m => m.Id == memoId))
            .OrderBy(a => a.Id)
            .Select(a => new MemoAddress(a.Kind, a.TargetId, a.Label))
            .ToListAsync(ct);
    }

    /// <summary>Who has read a mémo, for its sender: per audience and per person (the first readers by name).</summary>
    public async Task<Result<MemoReceipts>> ReceiptsAsync(
        CurrentUser user,
        int memoId,
        int take = 200,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sent = await db.Set<Memo>()
            .Where(m => m.Id == memoId && m.SenderId == user.PersonId)
            .Select(m => new { m.Undelivered })
            .FirstOrDefaultAsync(ct);
        if (sent is null)
            return Result.Forbidden(MemoMessages.Receipts_SenderOnly);
        // Before its delivery a mémo has no copies yet: each audience counts the people it will reach.
        var pending = sent.Undelivered is { } undelivered ? UndeliveredByAudience(undelivered) : null;
        var counted = await db.Set<MemoAudience>()
            .Where(a => a.MemoId == memoId)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Label,
                Read = db.Set<MemoRecipient>().Count(r => r.AudienceId == a.Id && r.ReadAt != null),
                Total = db.Set<MemoRecipient>().Count(r => r.AudienceId == a.Id),
            })
            .ToListAsync(ct);
        List<AudienceReceipt> audiences =
        [
            .. counted.Select(a => new AudienceReceipt(a.Label, a.Read, pending?.GetValueOrDefault(a.Id) ?? a.Total)),
        ];
        var readers = await db.Set<MemoRecipient>()
            .Where(r => r.MemoId == memoId)
            .OrderBy(r => r.ReadAt == null)
            .ThenBy(r => r.ReadAt)
            .ThenBy(r => r.Person!.LastName)
            .Take(take)
            .Select(r => new ReaderReceipt(r.Person!.FirstName + " " + r.Person.LastName, r.ReadAt))
            .ToListAsync(ct);
        return Result<MemoReceipts>.Ok(
            new MemoReceipts(
                audiences,
                readers,
                audiences.Sum(a => a.Read),
                audiences.Sum(a => a.Total),
                Delivering: pending is not null
            )
        );
    }

    /// <summary>
    /// Moves this person's copy (received or sent) to another folder; <see cref="MemoFolder.Sent"/> only for their own.
    /// </summary>
    public async Task<Result> MoveAsync(CurrentUser user, int memoId, MemoFolder to, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var copy = await db.Set<MemoRecipient>().FirstOrDefaultAsync(r => r.MemoId == memoId && r.PersonId == me, ct);
        if (copy is not null && to != MemoFolder.Sent)
        {
            copy.Folder = to;
            await db.SaveChangesAsync(ct);
            await events.PublishAsync(new MemoRead(me)); // the unread badge may change
            return Result.Ok();
        }
        var mine = await db.Set<Memo>().FirstOrDefaultAsync(m => m.Id == memoId && m.SenderId == me, ct);
        if (mine is null || to == MemoFolder.Inbox)
            return Result.NotFound(MemoMessages.Move_NotFound);
        mine.SenderFolder = to;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// Empties this person's bin: their copies go for good (the sender's receipts keep them as "deleted unread").
    /// </summary>
    public async Task<int> EmptyBinAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is not null)
            return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var received = await db.Set<MemoRecipient>()
            .Where(r => r.PersonId == me && r.Folder == MemoFolder.Bin)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Folder, MemoFolder.Deleted), ct);
        var sent = await db.Set<Memo>()
            .Where(m => m.SenderId == me && m.SenderFolder == MemoFolder.Bin)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SenderFolder, MemoFolder.Deleted), ct);
        return received + sent;
    }
}
