using Enoe.Data.Mail;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data.Mail;

/// <summary>
/// The outbox: a down server loses nothing and sends once; a refused address is noted and never retried.
/// </summary>
public sealed class OutboxTests : MailTest
{
    private static readonly DateTime Thursday = new(2026, 11, 26, 0, 0, 0);

    private async Task TwoParentsDigestsQueuedAsync()
    {
        await using (var db = Database.NewContext())
        {
            db.Guardianships.Add(new() { ParentId = F.TeacherA.Id, StudentId = F.StudentA.Id });
            await db.SaveChangesAsync();
        }
        // The teacher, also a parent here, chooses the digest for homework.
        await Preferences.SaveMineAsync(
            TwoSchools.As(F.TeacherA, F.A),
            NotificationCategory.Homework,
            MailFrequency.Daily
        );
        At(Thursday.AddHours(9));
        foreach (var parent in new[] { F.ParentA, F.TeacherA })
            await NotifyAsync(parent, F.A.Id, F.StudentA, NotificationKind.HomeworkSet, Thursday.AddHours(9), "Ex 1");
        At(Thursday.AddHours(17).AddMinutes(31));
    }

    [Fact]
    public async Task AnSmtpOutage_ThenRecovery_DeliversEverythingExactlyOnce()
    {
        await TwoParentsDigestsQueuedAsync();
        await Smtp.StopAsync();

        await Jobs.RunAsync();
        await using (var db = Database.NewContext())
        {
            var waiting = await db.Set<OutboxMessage>().ToListAsync();
            Assert.Equal(2, waiting.Count);
            Assert.All(waiting, m => Assert.Equal((1, null, null), (m.Attempts, m.SentAt, m.GivenUpAt)));
            Assert.All(waiting, m => Assert.True(m.NextAttemptAt > Database.Clock.GetUtcNow().UtcDateTime));
        }
        // Still down at the second attempt: the wait doubles.
        Database.Clock.Advance(TimeSpan.FromMinutes(1));
        await Jobs.RunAsync();
        await Smtp.StartAgainAsync();
        await Jobs.RunAsync(); // not due yet
        Assert.Empty(Smtp.Received);

        Database.Clock.Advance(TimeSpan.FromMinutes(2));
        await Jobs.RunAsync();
        Database.Clock.Advance(TimeSpan.FromHours(1));
        await Jobs.RunAsync();

        Assert.Single(To(F.ParentA));
        Assert.Single(To(F.TeacherA));
        Assert.Equal(2, Smtp.Received.Count);
        await using var after = Database.NewContext();
        Assert.All(await after.Set<OutboxMessage>().ToListAsync(), m => Assert.Equal(3, m.Attempts));
    }

    [Fact]
    public async Task TwoInstancesSendingAtOnce_SendEachMessageOnce()
    {
        await TwoParentsDigestsQueuedAsync();
        await Jobs.DigestAsync();
        await using var other = Database.NewInstance(SendToTestServer);
        var here = Database.Get<OutboxDelivery>();
        var there = other.GetRequiredService<OutboxDelivery>();

        var sent = await Task.WhenAll(here.SendDueAsync(), there.SendDueAsync(), here.SendDueAsync());

        Assert.Equal(2, sent.Sum());
        Assert.Equal(2, Smtp.Received.Count);
        // A month later the rows are gone: their bodies name a child and their homework.
        Database.Clock.Advance(MailJobs.KeptFor + TimeSpan.FromMinutes(1));
        await Jobs.RunAsync();
        await using var db = Database.NewContext();
        Assert.False(await db.Set<OutboxMessage>().AnyAsync());
    }

    [Fact]
    public async Task ABounce_MarksTheAddress_ShowsItToItsOwner_AndStopsRetries()
    {
        Smtp.Refused[Address(F.ParentA)] = true;
        await TwoParentsDigestsQueuedAsync();

        await Jobs.RunAsync();
        var friday = Thursday.AddDays(1);
        foreach (var parent in new[] { F.ParentA, F.TeacherA })
            await NotifyAsync(parent, F.A.Id, F.StudentA, NotificationKind.HomeworkSet, friday.AddHours(9), "Ex 2");
        for (var i = 0; i < 5; i++) // the fourth is Friday's digest, 17:31
        {
            Database.Clock.Advance(TimeSpan.FromHours(6));
            await Jobs.RunAsync();
        }

        Assert.Equal(2, To(F.TeacherA).Count); // Thursday's and Friday's
        Assert.Empty(To(F.ParentA));
        Assert.Equal(1, Smtp.RecipientsAsked.Count(a => a == Address(F.ParentA)));
        await using var db = Database.NewContext();
        var refused = await db.Set<OutboxMessage>().SingleAsync(m => m.PersonId == F.ParentA.Id);
        Assert.Equal(1, refused.Attempts);
        Assert.NotNull(refused.GivenUpAt);
        Assert.StartsWith("550", refused.LastError);
        var mine = await Preferences.MineAsync(TwoSchools.As(F.ParentA, F.A));
        Assert.Equal(Address(F.ParentA), mine.RefusedAddress);
        // The next days' digests do not queue anything for that address; a new address lifts it.
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.PersonId == F.ParentA.Id));
        var account = await db.Users.SingleAsync(p => p.Id == F.ParentA.Id);
        account.Email = "nouvelle@famille.test";
        await db.SaveChangesAsync();
        Assert.Null((await Preferences.MineAsync(TwoSchools.As(F.ParentA, F.A))).RefusedAddress);
    }

    [Fact]
    public async Task WithoutAnSmtpHost_MailIsOff_AndNothingIsQueued()
    {
        await TwoParentsDigestsQueuedAsync();
        await using var off = Database.NewInstance(); // no Enoe:Mail:Host

        await off.GetRequiredService<MailJobs>().RunAsync();

        await using var db = Database.NewContext();
        Assert.False(await db.Set<OutboxMessage>().AnyAsync());
        Assert.False(await db.Set<Notification>().AnyAsync(n => n.EmailedAt != null));
    }

    [Fact]
    public void TheBackoff_DoublesUpToSixHours()
    {
        Assert.Equal(
            [1, 2, 4, 8, 360],
            new[] { 1, 2, 3, 4, 20 }.Select(a => (int)OutboxDelivery.Backoff(a).TotalMinutes)
        );
    }
}
