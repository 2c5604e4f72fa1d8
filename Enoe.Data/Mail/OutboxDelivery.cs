using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Mail;

/// <summary>
/// Sends what the outbox holds. Each batch is claimed first with one conditional update (rows due, unclaimed or whose
/// claim ran out), so instances running together never send the same row; a failure that passes is tried again with an
/// exponential backoff (1 min, 2, 4… up to 6 h) until <see cref="MailOptions.MaxAttempts"/>; a permanent refusal stops
/// at once and is noted on the person (<see cref="MailRefusal"/>).
/// </summary>
public sealed class OutboxDelivery(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<OutboxDelivery>? logger = null
)
{
    public const int Batch = 50;

    /// <summary>Longer than a batch takes: a claim left by a dead instance is taken up after it.</summary>
    private static readonly TimeSpan ClaimHold = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), MaxBackoff.TotalMinutes));

    /// <summary>Sends batches until nothing is due; answers how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (!options.Value.Enabled)
            return 0;
        var sent = 0;
        while (await ClaimAsync(ct) is { Count: > 0 } batch)
        {
            var (ok, stop) = await SendBatchAsync(batch, ct);
            sent += ok;
            if (stop)
                break; // the server is down: the rest waits for its next attempt
        }
        return sent;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken ct)
    {
        var now = Now;
        var claim = Guid.NewGuid().ToString("N");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var outbox = db.Set<OutboxMessage>();
        var due = outbox.Where(o =>
            o.SentAt == null
            && o.GivenUpAt == null
            && o.NextAttemptAt <= now
            && (o.ClaimedUntil == null || o.ClaimedUntil <= now)
        );
        var ids = due.OrderBy(o => o.Id).Take(Batch).Select(o => o.Id);
        // The outer conditions are checked again on each row as it is updated: of two instances, one gets it.
        await due.Where(o => ids.Contains(o.Id))
            .ExecuteUpdateAsync(
                u => u.SetProperty(o => o.ClaimedBy, claim).SetProperty(o => o.ClaimedUntil, now + ClaimHold),
                ct
            );
        return await outbox.AsNoTracking().Where(o => o.ClaimedBy == claim).OrderBy(o => o.Id).ToListAsync(ct);
    }

    private async Task<(int Sent, bool ServerDown)> SendBatchAsync(List<OutboxMessage> batch, CancellationToken ct)
    {
        await using var smtp = new SmtpTransport(options.Value);
        try
        {
            await smtp.ConnectAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger?.LogWarning("SMTP server {Host} did not answer: {Error}", options.Value.Host, e.Message);
            foreach (var message in batch)
                await FailedAsync(message, new(e.Message, Permanent: false, Broken: true), ct);
            return (0, true);
        }
        var sent = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var failure = await smtp.SendAsync(batch[i], ct);
            if (failure is null)
            {
                await SentAsync(batch[i], ct);
                sent++;
                continue;
            }
            await FailedAsync(batch[i], failure, ct);
            if (failure.Broken)
            {
                foreach (var rest in batch.Skip(i + 1))
                    await FailedAsync(rest, failure, ct);
                return (sent, true);
            }
        }
        return (sent, false);
    }

    private async Task SentAsync(OutboxMessage message, CancellationToken ct)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Noted even when the host is stopping: the server has it, it must not go twice.
        await db.Set<OutboxMessage>()
            .Where(o => o.Id == message.Id && o.ClaimedBy == message.ClaimedBy)
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(o => o.SentAt, now)
                        .SetProperty(o => o.Attempts, message.Attempts + 1)
                        .SetProperty(o => o.ClaimedBy, (string?)null)
                        .SetProperty(o => o.ClaimedUntil, (DateTime?)null),
                CancellationToken.None
            );
    }

    private async Task FailedAsync(OutboxMessage message, SendFailure failure, CancellationToken ct)
    {
        var now = Now;
        var attempts = message.Attempts + 1;
        var givenUp = failure.Permanent || attempts >= options.Value.MaxAttempts ? now : (DateTime?)null;
        var error = failure.Error.Length <= 500 ? failure.Error : failure.Error[..500];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<OutboxMessage>()
            .Where(o => o.Id == message.Id && o.ClaimedBy == message.ClaimedBy)
            .ExecuteUpdateAsync(
                u =>
                    u.SetProperty(o => o.Attempts, attempts)
                        .SetProperty(o => o.NextAttemptAt, now + Backoff(attempts))
                        .SetProperty(o => o.GivenUpAt, givenUp)
                        .SetProperty(o => o.LastError, error)
                        .SetProperty(o => o.ClaimedBy, (string?)null)
                        .SetProperty(o => o.ClaimedUntil, (DateTime?)null),
                CancellationToken.None
            );
        if (givenUp is not null)
            logger?.LogWarning("Mail {Id} to {To} given up: {Error}", message.Id, message.To, error);
        if (failure.Permanent && message.PersonId is int person)
            await NoteRefusalAsync(db, person, message.To, error, now);
    }

    /// <summary>The address is refused: noted on its owner (one row per person, the latest refusal).</summary>
    private static async Task NoteRefusalAsync(
        EnoeDbContext db,
        int personId,
        string address,
        string reason,
        DateTime now
    )
    {
        var updated = await db.Set<MailRefusal>()
            .Where(r => r.PersonId == personId)
            .ExecuteUpdateAsync(u =>
                u.SetProperty(r => r.Address, address)
                    .SetProperty(r => r.Reason, reason)
                    .SetProperty(r => r.RefusedAt, now)
            );
        if (updated > 0)
            return;
        db.Add(
            new MailRefusal
            {
                PersonId = personId,
                Address = address,
                Reason = reason,
                RefusedAt = now,
            }
        );
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) { } // noted at the same moment by another instance
    }
}
