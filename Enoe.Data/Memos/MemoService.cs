using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Memos;

/// <summary>
/// Mémos: asynchronous messages within an établissement. Addresses are expanded to people when
/// the mémo is sent, under the établissement's communication rules (<see cref="MemoRules"/>);
/// one recipient the sender may not reach refuses the whole mémo. Each recipient keeps their own
/// copy (folder, read time); the sender sees who has read it.
/// </summary>
public sealed partial class MemoService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    FileStore files,
    TimeProvider clock,
    IEventBus events,
    ServiceAccess access,
    NotificationService notifications,
    QuietHoursService quietHours,
    ILogger<MemoService> logger
)
{
    public const int PageSize = 20,
        AttachmentsMax = 10;
    private static readonly MemoDraftValidator Validator = new();

    /// <summary>
    /// Sends a mémo. Nothing is written when anything is wrong: the form, an attachment, an address
    /// the sender may not reach or that reaches nobody. Returns once the mémo is stored with the people it reaches;
    /// their copies and notifications are written right after, off the sender's click (<see cref="DeliverAsync"/>).
    /// </summary>
    public async Task<Result<int>> SendAsync(
        CurrentUser user,
        MemoDraft draft,
        IReadOnlyList<FileUpload> attachments,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is { } refused)
            return refused;
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        if (attachments.Count > AttachmentsMax)
            return Result.Invalid([MemoMessages.FormatSend_TooManyAttachments(AttachmentsMax)]);
        if (user.SchoolId is not int schoolId)
            return Result.Forbidden(MemoMessages.Send_NoSchool);

        Result<Resolved> resolved;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            resolved = await ResolveAsync(db, user.PersonId, schoolId, draft, ct);
        if (!resolved.Succeeded)
            return resolved.Failure;
        var plan = resolved.Value!;

        Memo? memo = null;
        var result = await files.SaveWithFilesAsync(
            user.PersonId,
            schoolId,
            attachments,
            async (db, stored) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                memo = new Memo
                {
                    SchoolId = schoolId,
                    SenderId = user.PersonId,
                    Subject = draft.Subject.Trim(),
                    Body = draft.Body.Trim(),
                    SentAt = now,
                    ReplyToId = draft.ReplyToId,
                    AboutChildId = draft.AboutChildId,
                    To = Summary(plan.To),
                    Audiences =
                    [
                        .. plan.To.Select(a => new MemoAudience
                        {
                            Kind = a.Kind,
                            TargetId = a.TargetId,
                            Label = a.Label,
                        }),
                    ],
                    Attachments =
                    [
                        .. stored.Select(f => new MemoAttachment { File = f }),
                        .. plan.ForwardedFiles.Select(id => new MemoAttachment { FileId = id }),
                    ],
                };
                db.Add(memo);
                await db.SaveChangesAsync(ct); // the ids the recipients' pairs point to
                memo.ThreadId = plan.ThreadId ?? memo.Id;
                // Who is held by the quiet window is decided now, so the sender is told at once.
                var hold = await HoldAsync(db, schoolId, [.. plan.Recipients.Select(r => r.PersonId)], now, ct);
                memo.Undelivered = WriteUndelivered(
                    plan.Recipients.Select(r => (r.PersonId, memo.Audiences[r.Address].Id)),
                    hold
                );
                return Result<int>.Ok(0);
            },
            ct
        );
        if (!result.Succeeded)
            return result;
        DeliverSoon(memo!.Id);
        return Result<int>.Ok(memo.Id);
    }

    /// <summary>A page of one folder, newest first, optionally filtered by sender, subject or text.</summary>
    public async Task<MemoPage> ListAsync(
        CurrentUser user,
        MemoFolder folder,
        string? search = null,
        int page = 1,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is not null)
            return new MemoPage([], 0, 1, PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var now = clock.GetUtcNow().UtcDateTime;
        var received = db.Set<MemoRecipient>()
            .Where(r => r.PersonId == me && r.Folder == folder && (r.HeldUntil == null || r.HeldUntil <= now))
            .Select(r => new
            {
                r.Memo!.Id,
                r.Memo.ThreadId,
                r.Memo.Subject,
                r.Memo.Body,
                From = r.Memo.Sender!.FirstName + " " + r.Memo.Sender.LastName,
                r.Memo.To,
                r.Memo.SentAt,
                Read = r.ReadAt != null,
                Attached = r.Memo.Attachments.Any(),
            });
        var sent = db.Set<Memo>()
            .Where(m => m.SenderId == me && m.SenderFolder == folder)
            .Select(m => new
            {
                m.Id,
                m.ThreadId,
                m.Subject,
                m.Body,
                From = m.Sender!.FirstName + " " + m.Sender.LastName,
                m.To,
                m.SentAt,
                Read = true,
                Attached = m.Attachments.Any(),
            });
        var rows = folder switch
        {
            MemoFolder.Inbox => received,
            MemoFolder.Sent => sent,
            _ => received.Concat(sent),
        };
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = TextSearch.Pattern(search);
            rows = rows.Where(r =>
                EF.Functions.Like(TextSearch.Folded(r.Subject), pattern, TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Folded(r.Body), pattern, TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Folded(r.From), pattern, TextSearch.Escape)
            );
        }
        var total = await rows.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await rows.OrderByDescending(r => r.SentAt)
            .ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new MemoListItem(r.Id, r.ThreadId, r.Subject, r.From, r.To, r.SentAt, r.Read, r.Attached))
            .ToListAsync(ct);
        return new MemoPage(items, total, page, PageSize);
    }

    /// <summary>
    /// The conversation a mémo belongs to, as far as this person took part in it; reading it marks their copies read.
    /// </summary>
    public async Task<Result<IReadOnlyList<MemoView>>> ConversationAsync(
        CurrentUser user,
        int memoId,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Memos, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = Visible(db, me, now);
        var thread = await visible.Where(m => m.Id == memoId).Select(m => (int?)m.ThreadId).FirstOrDefaultAsync(ct);
        if (thread is null)
            return Result.NotFound(MemoMessages.Conversation_NotFound);
        var memos = await visible
            .Where(m => m.ThreadId == thread)
            .OrderBy(m => m.SentAt)
            .ThenBy(m => m.Id)
            .Select(m => new MemoView(
                m.Id,
                m.SenderId,
                m.Sender!.FirstName + " " + m.Sender.LastName,
                m.To,
                m.AboutChild == null ? null : m.AboutChild.FirstName + " " + m.AboutChild.LastName,
                m.Subject,
                m.Body,
                m.SentAt,
                m.SenderId == me,
                m.Attachments.Select(a => new FileView(a.FileId, a.File!.Name, a.File.Length)).ToList()
            ))
            .AsNoTracking()
            .ToListAsync(ct);
        var marked = await db.Set<MemoRecipient>()
            .Where(r => r.PersonId == me && r.ReadAt == null && r.Memo!.ThreadId == thread)
            .Where(r => r.HeldUntil == null || r.HeldUntil <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReadAt, now), ct);
        if (marked > 0)
            await events.PublishAsync(new MemoRead(me));
        foreach (var memo in memos.Where(m => !m.Mine))
            await notifications.MarkSourceReadAsync(me, Source(memo.Id), ct);
        return Result<IReadOnlyList<MemoView>>.Ok(memos);
    }

    /// <summary>
    /// Mémos this person sent or received (and has not deleted for good); with <paramref name="now"/>, not those the
    /// quiet window still holds for them.
    /// </summary>
    internal static IQueryable<Memo> Visible(EnoeDbContext db, int me, DateTime? now = null) =>
        db.Set<Memo>()
            .Where(m =>
                (m.SenderId == me && m.SenderFolder != MemoFolder.Deleted)
                || db.Set<MemoRecipient>()
                    .Any(r =>
                        r.MemoId == m.Id
                        && r.PersonId == me
                        && r.Folder != MemoFolder.Deleted
                        && (now == null || r.HeldUntil == null || r.HeldUntil <= now)
                    )
            );

    private static string Summary(IReadOnlyList<MemoAddress> to)
    {
        var text = string.Join(", ", to.Select(a => a.Label));
        return text.Length <= 300 ? text : text[..297] + "…";
    }
}
