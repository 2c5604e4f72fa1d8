using System.Collections.Concurrent;
using System.Text.Json;
using Enoe.Data.Database;
using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Memos;

/// <summary>
/// A mémo's delivery, after it is stored: each recipient's copy and notification written in one transaction that also
/// clears the mémo's <see cref="Memo.Undelivered"/>, then one event to their open tabs. The sender's click waits for
/// none of it: with 2,000 recipients' tabs open, the copies and notifications, then those tabs rendering on the same
/// two cores, held it 114–232 ms (14–22 ms since). A delivery cut short is done again by
/// <see cref="DeliverLeftoversAsync"/>.
/// </summary>
public sealed partial class MemoService
{
    private readonly ConcurrentDictionary<int, Task> _delivering = new(); // by mémo

    // The mémos whose delivery the sweep saw fail, by id, each with its failures and when it may be tried again. Per
    // instance: another instance's sweep may try one sooner, and delivers it once all the same.
    private readonly ConcurrentDictionary<int, (int Failures, DateTime NextTry)> _failing = new();

    /// <summary>
    /// How long the sweep leaves a mémo alone after its delivery failed once; twice as long after each failure since,
    /// up to <see cref="LongestRetry"/>. A mémo that can never be delivered (a bug, a broken row) then costs an error
    /// line now and then, and never keeps the ones sent after it waiting; one that failed through an outage of the
    /// database waits at most <see cref="LongestRetry"/> once it is back.
    /// </summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Completes once every delivery this instance started has ended (tests; a host stopping). A delivery that failed
    /// has ended too: its mémo stays undelivered for <see cref="DeliverLeftoversAsync"/>.
    /// </summary>
    public async Task WhenDeliveredAsync()
    {
        while (!_delivering.IsEmpty)
            await Task.WhenAll(_delivering.Values);
    }

    /// <summary>
    /// Delivers a stored mémo left undelivered (the sweep; a test): as <see cref="DeliverSoon"/> does, to the
    /// recipients still members of its établissement (one left or erased since the send gets nothing). False when
    /// there was nothing left to deliver (done already, here or by another instance).
    /// </summary>
    public Task<bool> DeliverAsync(int memoId, CancellationToken ct = default) => DeliverAsync(memoId, true, ct);

    private async Task<bool> DeliverAsync(int memoId, bool late, CancellationToken ct)
    {
        MemoSent sent;
        List<NewNotification> notices;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Database.AutoSavepointsEnabled = false; // one statement failing ends the delivery: nothing to keep
            if (db.Provider == DatabaseProvider.PostgreSQL)
                // Committed without waiting for the disk's flush (with 2,000 recipients, before any tab heard: 0.8–36
                // ms, 7.7 on average over 46 mémos; 0.4–8.3, 1.5 on average, since). A crash of the server within the
                // flush's fraction of a second may lose the delivery, never part of it: the mémo, stored durably when
                // it was sent, is then undelivered again and the sweep delivers it within about a minute (tabs told
                // meanwhile show a mémo that opens as not found until then).
                await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
            var memo = await db.Set<Memo>()
                .Where(m => m.Id == memoId && m.Undelivered != null)
                .Select(m => new Memo
                {
                    Id = m.Id,
                    SchoolId = m.SchoolId,
                    AboutChildId = m.AboutChildId,
                    Subject = m.Subject,
                    Undelivered = m.Undelivered,
                })
                .SingleOrDefaultAsync(ct);
            if (memo is null)
                return false;
            // Taken before anything is written. SQLite's write transaction already excludes every other writer; on
            // PostgreSQL a second deliverer of the same mémo (the sweep, another instance) waits on the row here,
            // then finds it taken and writes nothing.
            var taken = await db.Set<Memo>()
                .Where(m => m.Id == memoId && m.Undelivered != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Undelivered, (string?)null), ct);
            if (taken == 0)
                return false;
            // The delivery's moment, not the send's: a late one's notices must not fall behind what the mail and
            // release jobs have already passed, and a hold that has ended since holds nobody.
            var now = clock.GetUtcNow().UtcDateTime;
            var (copies, hold) = ReadUndelivered(memo.Undelivered!, now);
            if (late) // a person erased since the send (their row gone, or kept without memberships) gets nothing
            {
                var ids = copies.Select(c => c.PersonId).ToArray();
                var members = await db
                    .Memberships.Where(m => m.SchoolId == memo.SchoolId && ids.Contains(m.PersonId))
                    .Select(m => m.PersonId)
                    .ToHashSetAsync(ct);
                copies = [.. copies.Where(c => members.Contains(c.PersonId))];
            }
            var people = copies.Select(c => c.PersonId).ToList();
            var unread = await InsertCopiesAsync(db, memo, copies, hold, now, ct);
            sent = await SentEventAsync(db, memo.Id, unread, ct);
            notices = Notices(memo, people, hold, now);
            await NotificationService.WriteAsync(db, notices, now, ct);
            await transaction.CommitAsync(ct);
        }
        // One event for the mémo and its notifications: each open tab renders once. Delivered whatever happens here:
        // a tab not told (the event bus down) shows the mémo when it next reads.
        try
        {
            if (sent.UnreadByRecipient.Count > 0)
                await notifications.PublishCarryingAsync(
                    sent,
                    notices,
                    (e, delivered) => e with { Delivered = delivered }
                );
            else
                await notifications.AnnounceAsync(notices);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Mémo {MemoId} was delivered, but its recipients' open tabs were not told", memoId);
        }
        return true;
    }

    /// <summary>
    /// Delivers the mémos left undelivered for longer than <paramref name="olderThan"/> (a crash, a database that did
    /// not answer), oldest first, at most <paramref name="max"/>, except those whose delivery failed here lately (<see
    /// cref="FirstRetry"/>). Returns how many it delivered.
    /// </summary>
    public async Task<int> DeliverLeftoversAsync(TimeSpan olderThan, int max = 100, CancellationToken ct = default)
    {
        List<int> left;
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - olderThan;
        foreach (var (id, failed) in _failing) // delivered by another instance since, or deleted: forgotten
            if (failed.NextTry < now - LongestRetry)
                _failing.TryRemove(id, out _);
        var waiting = _failing.Where(f => f.Value.NextTry > now).Select(f => f.Key).ToArray();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            left = await db.Set<Memo>()
                .Where(m => m.Undelivered != null && m.SentAt <= before && !waiting.Contains(m.Id))
                .OrderBy(m => m.SentAt)
                .Select(m => m.Id)
                .Take(max)
                .ToListAsync(ct);
        var delivered = 0;
        foreach (var id in left)
            try
            {
                if (await DeliverAsync(id, ct))
                    delivered++;
                _failing.TryRemove(id, out _);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // One mémo that fails again must not keep the ones after it undelivered, now or at the next sweeps.
                var (failures, next) = _failing.AddOrUpdate(
                    id,
                    static (_, failedAt) => (1, failedAt + Retry(1)),
                    static (_, failed, failedAt) => (failed.Failures + 1, failedAt + Retry(failed.Failures + 1)),
                    clock.GetUtcNow().UtcDateTime
                );
                logger.LogError(
                    e,
                    "Mémo {MemoId} still undelivered after {Failures} tries; the sweep tries again after {NextTry:u}",
                    id,
                    failures,
                    next
                );
            }
        return delivered;
    }

    private static TimeSpan Retry(int failures) =>
        TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks << Math.Min(failures - 1, 20), LongestRetry.Ticks));

    /// <summary>Starts the delivery of a mémo just stored, on the thread pool.</summary>
    private void DeliverSoon(int memoId)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _delivering[memoId] = ended.Task;
        // Queued without the sender's execution context (their circuit's, their request's): not the delivery's.
        ThreadPool.UnsafeQueueUserWorkItem(
            static s => _ = s.Memos.DeliverThenEndAsync(s.MemoId, s.Ended),
            (Memos: this, MemoId: memoId, Ended: ended),
            preferLocal: false
        );
    }

    private async Task DeliverThenEndAsync(int memoId, TaskCompletionSource ended)
    {
        try
        {
            await DeliverAsync(memoId, false, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Mémo {MemoId} was stored but not delivered; the sweep delivers it later", memoId);
        }
        _delivering.TryRemove(memoId, out _); // before it ends: whoever waits for it finds it gone
        ended.SetResult();
    }

    /// <summary>
    /// What a stored mémo still owes its recipients: each one's copy (person, audience, held by the quiet window: 1)
    /// and the end of the hold, decided when it was sent.
    /// </summary>
    private sealed record UndeliveredCopies(DateTime HeldUntil, int[][] Copies);

    private static string WriteUndelivered(IEnumerable<(int PersonId, int AudienceId)> copies, Hold hold) =>
        JsonSerializer.Serialize(
            new UndeliveredCopies(
                hold.Until,
                [.. copies.Select(c => new[] { c.PersonId, c.AudienceId, hold.People.Contains(c.PersonId) ? 1 : 0 })]
            )
        );

    private static (List<(int PersonId, int AudienceId)> Copies, Hold Hold) ReadUndelivered(string json, DateTime now)
    {
        var stored = JsonSerializer.Deserialize<UndeliveredCopies>(json)!;
        var until = DateTime.SpecifyKind(stored.HeldUntil, DateTimeKind.Utc);
        return (
            [.. stored.Copies.Select(c => (c[0], c[1]))],
            until > now ? new Hold([.. stored.Copies.Where(c => c[2] == 1).Select(c => c[0])], until) : new([], now)
        );
    }

    /// <summary>How many people a mémo not yet delivered will reach, by audience (its receipts).</summary>
    private static Dictionary<int, int> UndeliveredByAudience(string json) =>
        JsonSerializer.Deserialize<UndeliveredCopies>(json)!.Copies.CountBy(c => c[1]).ToDictionary();

    /// <summary>
    /// When a mémo still undelivered reaches its last held recipient; null: nobody held, or delivered.
    /// </summary>
    private static DateTime? UndeliveredHeldUntil(string? json, DateTime now) =>
        json is null ? null
        : JsonSerializer.Deserialize<UndeliveredCopies>(json)! is var stored
        && stored.Copies.Any(c => c[2] == 1)
        && stored.HeldUntil > now
            ? DateTime.SpecifyKind(stored.HeldUntil, DateTimeKind.Utc)
        : null;
}
