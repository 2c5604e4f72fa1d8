using Enoe.Data.Notifications;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Memos;

/// <summary>
/// The right to disconnect: a mémo sent in the établissement's quiet window is stored and shown in its sender's
/// "Envoyés" at once, but reaches students and families (and the personnel, unless the établissement exempts them)
/// only when the window ends; each recipient gets a notification of it, visible at the same moment.
/// </summary>
public sealed partial class MemoService
{
    /// <summary>"memo:12": what opening the mémo marks read in the feed.</summary>
    public static string Source(int memoId) => $"memo:{memoId}";

    /// <summary>The recipients the quiet window holds now, and until when.</summary>
    private async Task<Hold> HoldAsync(
        EnoeDbContext db,
        int schoolId,
        IReadOnlyList<int> people,
        DateTime now,
        CancellationToken ct
    )
    {
        var window = await quietHours.WindowAsync(schoolId, ct);
        var until = window.ReleaseAt(now);
        if (until <= now)
            return new([], now);
        if (!window.StaffExempt)
            return new([.. people], until);
        var personnel = await db
            .Memberships.Where(m => m.SchoolId == schoolId && people.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.Profiles })
            .ToListAsync(ct);
        // Someone who is personnel and a parent in this établissement is held as a parent.
        var exempt = personnel
            .Where(m => m.Profiles.HasAny(Profile.Personnel) && !m.Profiles.HasAny(Profile.Student | Profile.Parent))
            .Select(m => m.PersonId)
            .ToHashSet();
        return new([.. people.Where(p => !exempt.Contains(p))], until);
    }

    /// <summary>When the sender's mémo reaches its last held recipient; null when nobody was held.</summary>
    public async Task<DateTime?> HeldUntilAsync(CurrentUser user, int memoId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var undelivered = await db.Set<Memo>()
            .Where(m => m.Id == memoId && m.SenderId == user.PersonId)
            .Select(m => m.Undelivered)
            .FirstOrDefaultAsync(ct);
        if (undelivered is not null) // its copies are being written: the hold is in the mémo's row
            return UndeliveredHeldUntil(undelivered, now);
        return await db.Set<MemoRecipient>()
            .Where(r => r.MemoId == memoId && r.Memo!.SenderId == user.PersonId && r.HeldUntil > now)
            .MaxAsync(r => r.HeldUntil, ct);
    }

    private static List<NewNotification> Notices(Memo memo, IEnumerable<int> recipients, Hold hold, DateTime now) =>
        [
            .. recipients.Select(person => new NewNotification(
                person,
                memo.SchoolId,
                memo.AboutChildId,
                NotificationKind.MemoReceived,
                memo.Subject,
                $"/memos/{memo.Id}",
                Source(memo.Id),
                hold.People.Contains(person) ? hold.Until : now
            )),
        ];

    private sealed record Hold(HashSet<int> People, DateTime Until);
}
