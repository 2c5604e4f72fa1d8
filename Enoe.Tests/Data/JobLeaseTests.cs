using Enoe.Data.Jobs;
using Enoe.Data.Privacy;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>A scheduled job runs once however many instances race for it (SQLite and PostgreSQL).</summary>
public sealed class JobLeaseTests
{
    [Fact]
    public async Task RunnersRacing_ExactlyOneTakesTheLease_AndTheNightIsNotRunTwice()
    {
        await using var database = await TestDatabase.CreateAsync();
        var leases = database.Get<JobLeases>();
        var now = database.Clock.GetUtcNow().UtcDateTime;

        var taken = await Race.AtOnceAsync(
            8,
            i => leases.TryTakeAsync("race", $"instance-{i}", TimeSpan.FromHours(1), now.AddHours(-20))
        );

        Assert.Single(taken, t => t);
        var holder = $"instance-{Array.IndexOf(taken, true)}";
        await leases.CompleteAsync("race", holder);
        database.Clock.Advance(TimeSpan.FromHours(2)); // same night: already done
        Assert.False(await leases.TryTakeAsync("race", "late", TimeSpan.FromHours(1), now.AddHours(-20)));
    }

    [Fact]
    public async Task NightlyRetentionRacing_RunsOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var job = database.Get<RetentionJob>();

        var ran = await Race.AtOnceAsync(4, i => job.RunNightlyAsync($"instance-{i}"));

        Assert.Single(ran, r => r);
        await using var db = database.NewContext();
        Assert.Equal(1, await db.Set<RetentionRun>().CountAsync());
        database.Clock.Advance(TimeSpan.FromDays(1)); // the next night runs again
        Assert.True(await job.RunNightlyAsync("instance-0"));
    }

    [Fact]
    public async Task ALeaseWhoseHolderDied_IsTakenOver()
    {
        await using var database = await TestDatabase.CreateAsync();
        var leases = database.Get<JobLeases>();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Assert.True(await leases.TryTakeAsync("job", "dead", TimeSpan.FromHours(1), now));
        Assert.False(await leases.TryTakeAsync("job", "other", TimeSpan.FromHours(1), now));
        database.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.True(await leases.TryTakeAsync("job", "other", TimeSpan.FromHours(1), now));
    }
}
