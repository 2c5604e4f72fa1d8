using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Jobs;

/// <summary>
/// Lets one instance among several run a scheduled job. Taking the lease is one conditional UPDATE on the job's row
/// (free, or its holder's lease ran out, and not already done since <c>doneBefore</c>): the database applies it to
/// one writer at a time and the others see zero rows changed, on SQLite and PostgreSQL alike.
/// </summary>
public sealed partial class JobLeases(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    ILogger<JobLeases>? logger = null
)
{
    /// <summary>This process, as a lease holder.</summary>
    public static readonly string ThisInstance =
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Whether <paramref name="holder"/> now holds <paramref name="job"/> for <paramref name="hold"/>: false when
    /// another holds it, or when it last completed at or after <paramref name="doneBefore"/> (tonight's run is done).
    /// </summary>
    public async Task<bool> TryTakeAsync(
        string job,
        string holder,
        TimeSpan hold,
        DateTime doneBefore,
        CancellationToken ct = default
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await EnsureRowAsync(job, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.Set<JobLease>()
            .Where(l => l.Name == job && l.LeasedUntil <= now)
            .Where(l => l.LastCompletedAt == null || l.LastCompletedAt < doneBefore)
            .ExecuteUpdateAsync(
                u => u.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntil, now + hold),
                ct
            );
        return taken == 1;
    }

    /// <summary>
    /// Extends the lease <paramref name="holder"/> still holds (a conditional update on the holder): false when another
    /// instance took it meanwhile, and then the run must stop.
    /// </summary>
    public async Task<bool> RenewAsync(string job, string holder, TimeSpan hold, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kept = await db.Set<JobLease>()
            .Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.LeasedUntil, now + hold), ct);
        return kept == 1;
    }

    /// <summary>
    /// Marks the run done (at <paramref name="doneAt"/>, by default now: a job that covered events up to a moment
    /// says which) and frees the lease (only the holder's).
    /// </summary>
    public Task CompleteAsync(string job, string holder, CancellationToken ct = default) =>
        CompleteAsync(job, holder, null, ct);

    public async Task CompleteAsync(string job, string holder, DateTime? doneAt, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<JobLease>()
            .Where(l => l.Name == job && l.Holder == holder)
            .ExecuteUpdateAsync(
                u => u.SetProperty(l => l.LeasedUntil, now).SetProperty(l => l.LastCompletedAt, doneAt ?? now),
                ct
            );
    }

    /// <summary>
    /// The job's row, made on first use; two instances making it at once: one insert wins, both go on.
    /// </summary>
    private async Task EnsureRowAsync(string job, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<JobLease>().AnyAsync(l => l.Name == job, ct))
            return;
        db.Add(new JobLease { Name = job, LeasedUntil = DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            if (!await again.Set<JobLease>().AnyAsync(l => l.Name == job, ct))
                throw;
        }
    }
}
