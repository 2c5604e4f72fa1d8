using Enoe.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Jobs;

/// <summary>
/// How one attempt at a scheduled job ended (the <c>outcome</c> tag of <see cref="EnoeMetrics.JobRuns"/>).
/// </summary>
public enum JobOutcome
{
    /// <summary>Ran to the end; marked done, so no instance runs it again before the next period.</summary>
    Completed,

    /// <summary>Another instance holds it, or it is already done for this period.</summary>
    Skipped,

    /// <summary>Threw: the lease is left to run out, so the job is taken up again at the next attempt.</summary>
    Failed,

    /// <summary>Lost its lease to another instance midway, or the host stopped: the work was cancelled.</summary>
    Stopped,
}

/// <summary>One run holding its job's lease, handed to the work.</summary>
public sealed class JobRun(JobLeases leases, string job, string holder, TimeSpan hold, CancellationTokenSource stop)
{
    public string Job { get; } = job;
    public string Holder { get; } = holder;

    /// <summary>Cancelled when the lease is lost (or the host stops): the work must end.</summary>
    public CancellationToken Token => stop.Token;

    /// <summary>Whether the lease went to another instance during the run.</summary>
    public bool Lost { get; private set; }

    /// <summary>
    /// Renews the lease now (between two steps of a long run): false when it is lost, and then the work must stop.
    /// </summary>
    public async Task<bool> KeepAsync()
    {
        if (Lost || stop.IsCancellationRequested)
            return false;
        if (await leases.RenewAsync(Job, Holder, hold, Token))
            return true;
        Lost = true;
        await stop.CancelAsync();
        return false;
    }
}

public sealed partial class JobLeases
{
    private static long _runs;

    /// <summary>
    /// Runs <paramref name="work"/> on this instance only if it takes <paramref name="job"/>'s lease (see
    /// <see cref="TryTakeAsync"/>); renews the lease every third of <paramref name="hold"/> while the work runs and
    /// cancels the work when another instance took it. Completed: marked done. Failed: the lease is left to run out,
    /// so a job that died is taken up at the next attempt, here or elsewhere. Every attempt is counted in
    /// <see cref="EnoeMetrics.JobRuns"/>.
    /// </summary>
    /// <param name="holder">This run's name in the lease; by default this instance's, made unique per run.</param>
    public async Task<JobOutcome> RunOnceAsync(
        string job,
        TimeSpan hold,
        DateTime doneBefore,
        Func<JobRun, Task> work,
        string? holder = null,
        CancellationToken ct = default
    )
    {
        holder ??= $"{ThisInstance}/{Interlocked.Increment(ref _runs)}";
        JobOutcome outcome;
        try
        {
            outcome = await TakeAndRunAsync(job, hold, doneBefore, work, holder, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Taking or completing the lease failed (the database did not answer): tried again next time.
            logger?.LogError(e, "Job {Job} failed; its lease runs out and the next attempt takes it up", job);
            outcome = JobOutcome.Failed;
        }
        EnoeMetrics.JobRuns.Add(
            1,
            new KeyValuePair<string, object?>("job", job),
            new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant())
        );
        // Which instance ran tonight's job and which skipped it: the logs of a deployment say it.
        logger?.LogInformation("Job {Job}: {Outcome} ({Holder})", job, outcome, holder);
        return outcome;
    }

    /// <inheritdoc cref="RunOnceAsync(string, TimeSpan, DateTime, Func{JobRun, Task}, string?, CancellationToken)"/>
    public Task<JobOutcome> RunOnceAsync(
        string job,
        TimeSpan hold,
        DateTime doneBefore,
        Func<CancellationToken, Task> work,
        CancellationToken ct = default
    ) => RunOnceAsync(job, hold, doneBefore, run => work(run.Token), holder: null, ct);

    private async Task<JobOutcome> TakeAndRunAsync(
        string job,
        TimeSpan hold,
        DateTime doneBefore,
        Func<JobRun, Task> work,
        string holder,
        CancellationToken ct
    )
    {
        if (!await TryTakeAsync(job, holder, hold, doneBefore, ct))
            return JobOutcome.Skipped;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = new JobRun(this, job, holder, hold, stop);
        using var renewing = new CancellationTokenSource();
        // Started before the work, so its first wait is set before the work's first step.
        var renewals = RenewWhileRunningAsync(run, hold / 3, renewing.Token);
        try
        {
            await work(run);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            logger?.LogWarning("Job {Job} stopped: {Holder} lost its lease, or the host stopped", job, holder);
            return JobOutcome.Stopped;
        }
        catch (Exception e)
        {
            logger?.LogError(e, "Job {Job} failed; its lease runs out and the next attempt takes it up", job);
            return JobOutcome.Failed;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewals;
        }
        if (run.Lost || ct.IsCancellationRequested)
        {
            logger?.LogWarning("Job {Job} stopped: {Holder} lost its lease, or the host stopped", job, holder);
            return JobOutcome.Stopped;
        }
        await CompleteAsync(job, holder, CancellationToken.None); // done: not to be lost to a stopping host
        return JobOutcome.Completed;
    }

    /// <summary>Renews the lease on this clock's timer until the work ends or the lease is lost.</summary>
    private async Task RenewWhileRunningAsync(JobRun run, TimeSpan every, CancellationToken ended)
    {
        try
        {
            // Each tick is set before the previous one's renewal is stored: the period does not drift by the renewal's
            // time, and a clock moved on as soon as a renewal shows (a test's fake one) finds the next tick set.
            for (var tick = Task.Delay(every, clock, ended); ; )
            {
                await tick;
                tick = Task.Delay(every, clock, ended);
                if (!await KeepOrRetryAsync(run))
                    return;
            }
        }
        catch (OperationCanceledException) { } // the work ended
    }

    /// <summary>A renewal that failed (the database did not answer) is tried at the next tick.</summary>
    private async Task<bool> KeepOrRetryAsync(JobRun run)
    {
        try
        {
            return await run.KeepAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger?.LogWarning(e, "Could not renew the lease of job {Job}; trying again", run.Job);
            return true;
        }
    }
}
