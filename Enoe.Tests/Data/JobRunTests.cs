using System.Diagnostics.Metrics;
using Enoe.Data.Diagnostics;
using Enoe.Data.Jobs;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// <see cref="JobLeases.RunOnceAsync(string, TimeSpan, DateTime, Func{CancellationToken, Task}, CancellationToken)"/>:
/// a scheduled job runs on one instance, keeps its lease while it runs, stops when it loses it, and is taken up
/// again after a failure.
/// </summary>
public sealed class JobRunTests : IAsyncLifetime
{
    private static readonly TimeSpan Hold = TimeSpan.FromHours(1);
    private readonly string _job = "test-" + Guid.NewGuid().ToString("N")[..8];
    private TestDatabase _database = default!;
    private JobLeases Leases => _database.Get<JobLeases>();
    private DateTime Now => _database.Clock.GetUtcNow().UtcDateTime;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private Task<JobOutcome> RunAsync(Func<CancellationToken, Task> work) =>
        Leases.RunOnceAsync(_job, Hold, Now.AddHours(-20), work);

    [Fact]
    public async Task TwoRunnersAtOnce_TheWorkRunsOnce()
    {
        var ran = 0;

        var outcomes = await Race.AtOnceAsync(
            2,
            _ =>
                RunAsync(_ =>
                {
                    Interlocked.Increment(ref ran);
                    return Task.CompletedTask;
                })
        );

        Assert.Equal(1, ran);
        Assert.Equal([JobOutcome.Completed, JobOutcome.Skipped], outcomes.Order());
    }

    [Fact]
    public async Task AWorkThatFailed_IsRunAgainOnceItsLeaseRanOut()
    {
        Assert.Equal(JobOutcome.Failed, await RunAsync(_ => throw new InvalidOperationException("crash")));
        var ran = false;
        Func<CancellationToken, Task> work = _ =>
        {
            ran = true;
            return Task.CompletedTask;
        };

        Assert.Equal(JobOutcome.Skipped, await RunAsync(work)); // the dead run's lease still holds
        _database.Clock.Advance(Hold + TimeSpan.FromMinutes(1));
        Assert.Equal(JobOutcome.Completed, await RunAsync(work));
        Assert.True(ran);
        Assert.Equal(JobOutcome.Skipped, await RunAsync(work)); // done for today
    }

    [Fact]
    public async Task ALongWork_KeepsItsLease_NoOtherRunnerStartsMeanwhile()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunAsync(async _ =>
        {
            started.SetResult();
            await finish.Task;
        });
        await started.Task;

        for (var i = 0; i < 3; i++) // two hours in all, twice the hold
        {
            _database.Clock.Advance(Hold / 3);
            await LeaseRenewedAsync();
        }
        Assert.Equal(JobOutcome.Skipped, await RunAsync(_ => Task.CompletedTask));

        finish.SetResult();
        Assert.Equal(JobOutcome.Completed, await run);
    }

    [Fact]
    public async Task AWorkWhoseLeaseWasTakenOver_IsCancelled_AndStops()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunAsync(async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        await started.Task;
        await using (var db = _database.NewContext()) // another instance took it (this one looked dead)
            await db.Set<JobLease>()
                .Where(l => l.Name == _job)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, "instance-b"));

        _database.Clock.Advance(Hold / 3); // the next renewal finds the lease gone

        Assert.Equal(JobOutcome.Stopped, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        await using var after = _database.NewContext();
        var lease = await after.Set<JobLease>().SingleAsync(l => l.Name == _job);
        Assert.Equal(("instance-b", null), (lease.Holder, lease.LastCompletedAt));
    }

    [Fact]
    public async Task EachRun_IsCounted_WithItsJobAndOutcome()
    {
        var counted = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EnoeMetrics.MeterName && instrument.Name == "enoe.jobs.runs")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>(
            (_, value, tags, _) =>
            {
                var t = tags.ToArray().ToDictionary(p => p.Key, p => p.Value as string);
                if (t["job"] == _job)
                    lock (counted)
                        counted.Add($"{t["outcome"]}×{value}");
            }
        );
        listener.Start();

        await RunAsync(_ => throw new InvalidOperationException("crash"));
        await RunAsync(_ => Task.CompletedTask);
        _database.Clock.Advance(Hold + TimeSpan.FromMinutes(1));
        await RunAsync(_ => Task.CompletedTask);

        Assert.Equal(["failed×1", "skipped×1", "completed×1"], counted);
    }

    /// <summary>
    /// The renewal runs on the clock's timer, off the test's thread: wait until the lease reaches a full hold from
    /// now.
    /// </summary>
    private async Task LeaseRenewedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var db = _database.NewContext();
            var lease = await db.Set<JobLease>().AsNoTracking().SingleAsync(l => l.Name == _job, timeout.Token);
            if (lease.LeasedUntil >= Now + Hold)
                return;
            await Task.Delay(10, timeout.Token);
        }
    }
}
