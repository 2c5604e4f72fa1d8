using Enoe.Data;
using Enoe.Data.Directory;
using Enoe.Data.Jobs;
using Enoe.Data.Privacy;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Data;

/// <summary>
/// The nightly pass renews its lease after each step: a pass longer than the lease keeps it (no second instance
/// starts beside it), and a pass whose lease another instance took stops.
/// </summary>
public sealed class RetentionLeaseTests : TwoSchoolsTest
{
    private const string Holder = "instance-a";
    private TickingClock _clock = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // 90 minutes a reading: the pass lasts hours, and two readings without a renewal outlast the 2-hour lease.
        _clock = new TickingClock(Database.Clock, TimeSpan.FromMinutes(90));
    }

    private RetentionJob Job()
    {
        var factory = Database.Get<IDbContextFactory<EnoeDbContext>>();
        return new RetentionJob(
            factory,
            _clock,
            Database.Get<DirectoryPurge>(),
            new JobLeases(factory, _clock),
            Database.Get<ExportFiles>(),
            Database.Get<IOptions<PrivacyOptions>>(),
            Database.Get<ILogger<RetentionJob>>()
        );
    }

    /// <summary>
    /// Acts only once <see cref="Holder"/> holds the lease (another instance in the middle of its run).
    /// </summary>
    private void WhileHeld(Func<EnoeDbContext, Task> act) =>
        _clock.Between = async () =>
        {
            await using var db = Database.NewContext();
            if (await db.Set<JobLease>().AnyAsync(l => l.Name == RetentionJob.JobName && l.Holder == Holder))
                await act(db);
        };

    [Fact]
    public async Task APassLongerThanTheLease_KeepsIt_NoOtherInstanceTakesItMeanwhile()
    {
        var rival = new JobLeases(Database.Get<IDbContextFactory<EnoeDbContext>>(), Database.Clock);
        var rivalTook = false;
        WhileHeld(async _ =>
        {
            var now = Database.Clock.GetUtcNow().UtcDateTime;
            rivalTook |= await rival.TryTakeAsync(
                RetentionJob.JobName,
                "instance-b",
                RetentionJob.LeaseHold,
                now.AddHours(-20)
            );
        });

        Assert.True(await Job().RunNightlyAsync(Holder));

        Assert.False(rivalTook);
        await using var db = Database.NewContext();
        Assert.NotNull((await db.Set<JobLease>().SingleAsync()).LastCompletedAt);
    }

    [Fact]
    public async Task APassThatLostItsLease_Stops()
    {
        await using (var db = Database.NewContext())
        {
            db.Add(
                new DataAccessEntry
                {
                    StudentId = F.StudentA.Id,
                    ReaderName = "Ancien",
                    ReaderFunction = "staff",
                    At = Database.Clock.GetUtcNow().UtcDateTime.AddMonths(-13),
                }
            );
            await db.SaveChangesAsync();
        }
        // Another instance took the lease over (its holder looked dead) once this pass had started.
        WhileHeld(db => db.Set<JobLease>().ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, "instance-b")));

        Assert.False(await Job().RunNightlyAsync(Holder));

        _clock.Between = null;
        await using var after = Database.NewContext();
        Assert.Equal(1, await after.Set<DataAccessEntry>().CountAsync()); // the steps after the loss did not run
        var lease = await after.Set<JobLease>().SingleAsync();
        Assert.Equal(("instance-b", null), (lease.Holder, lease.LastCompletedAt));
    }

    [Fact]
    public async Task APassThatLostItsLease_WritesWhatItDid_MarkedStopped()
    {
        var now = Database.Clock.GetUtcNow().UtcDateTime;
        await using (var db = Database.NewContext())
        {
            db.Add(
                new Enoe.Data.People.Person
                {
                    FirstName = "Partie",
                    LastName = "Test",
                    UserName = "partie",
                    DisabledAt = now.AddDays(-200),
                }
            );
            db.Add(
                new DataAccessEntry
                {
                    StudentId = F.StudentA.Id,
                    ReaderName = "Ancien",
                    ReaderFunction = "staff",
                    At = now.AddMonths(-13),
                }
            );
            await db.SaveChangesAsync();
        }
        // Taken over once this pass started: the accounts step ends, the access log is not reached.
        WhileHeld(db => db.Set<JobLease>().ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, "instance-b")));

        Assert.False(await Job().RunNightlyAsync(Holder));

        _clock.Between = null;
        var (run, counts) = Assert.Single(await Job().LastRunsAsync(10));
        Assert.False(run.DryRun);
        Assert.Equal(new RetentionCounts(1, 0, 0, 0, 0, 0, Stopped: true), counts);
        Assert.Contains("\"stopped\":true", run.Counts);
    }
}
