using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// The right to disconnect: a mémo sent in the quiet window waits for its end, then appears by itself.
/// </summary>
public sealed partial class MemoServiceTests
{
    private static DateTimeOffset Paris(int day, int hour) =>
        new(SchoolTime.ToUtc(new DateTime(2026, 12, day, hour, 0, 0)), TimeSpan.Zero);

    [Fact]
    public async Task AMemoSentFridayNight_ReachesTheStudentMondayAt7_ByItself()
    {
        _database.Clock.SetUtcNow(Paris(4, 21)); // Friday 21:00
        var delivered = new List<NotificationsDelivered>();
        using var listening = _database
            .Get<IEventBus>()
            .Subscribe<NotificationsDelivered>(e =>
            {
                lock (delivered)
                    delivered.Add(e);
                return Task.CompletedTask;
            });
        var student = As(_f.StudentA);
        var feed = _database.Get<NotificationService>();

        var sent = await SendAsync(As(_f.TeacherA), Draft(To(_f.StudentA), To(_f.StaffA)), []);

        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        Assert.Equal(Paris(7, 7).UtcDateTime, await Memos.HeldUntilAsync(As(_f.TeacherA), sent.Value));
        Assert.Equal(0, await Memos.UnreadCountAsync(student));
        Assert.Empty((await Memos.ListAsync(student, MemoFolder.Inbox)).Items);
        Assert.False((await Memos.ConversationAsync(student, sent.Value)).Succeeded);
        Assert.Equal(0, await feed.UnreadCountAsync(_f.StudentA.Id));
        Assert.Single((await Memos.ListAsync(As(_f.TeacherA), MemoFolder.Sent)).Items); // the sender's work is done

        _database.Clock.SetUtcNow(Paris(7, 6));
        Assert.True(await _database.Get<HeldReleases>().ReleaseDueAsync());
        await _database.DeliveredAsync();
        Assert.Equal(0, await Memos.UnreadCountAsync(student));
        lock (delivered)
            Assert.DoesNotContain(delivered, e => e.Reaches(_f.StudentA.Id));

        _database.Clock.SetUtcNow(Paris(7, 7));
        Assert.True(await _database.Get<HeldReleases>().ReleaseDueAsync());
        await _database.DeliveredAsync();
        NotificationsDelivered released;
        lock (delivered)
            released = Assert.Single(delivered, e => e.Reaches(_f.StudentA.Id, NotificationCategory.Memos));
        // The release carries what the tabs show, as a delivery at once does: no read per open tab.
        Assert.True(released.Held);
        Assert.Equal(1, released.UnreadOf(_f.StudentA.Id));
        Assert.Equal($"/memos/{sent.Value}", Assert.Single(released.LinesFor(_f.StudentA.Id)!).Link);
        Assert.Equal(1, await Memos.UnreadCountAsync(student));
        Assert.Equal(1, await feed.UnreadCountAsync(_f.StudentA.Id));
        var line = Assert.Single((await feed.FeedAsync(student, new())).Items);
        Assert.Equal((NotificationKind.MemoReceived, $"/memos/{sent.Value}"), (line.Kind, line.Link));

        // Opening the mémo reads its notification; someone else's id opens nothing.
        Assert.Null(await feed.OpenAsync(As(_f.ParentA), line));
        Assert.True((await Memos.ConversationAsync(student, sent.Value)).Succeeded);
        Assert.Equal(0, await feed.UnreadCountAsync(_f.StudentA.Id));
    }

    [Fact]
    public async Task ALateRelease_CarriesTheUnreadLinesOnly_NewestFirst()
    {
        _database.Clock.SetUtcNow(Paris(4, 21)); // Friday 21:00: three mémos held until Monday 7:00
        int[] sent = new int[3];
        for (var i = 0; i < sent.Length; i++)
            sent[i] = (await SendAsync(As(_f.TeacherA), Draft(To(_f.StudentA)), [])).Value;
        _database.Clock.SetUtcNow(Paris(7, 9)); // the release job missed 7:00; the student read the first at 8:00
        Assert.True((await Memos.ConversationAsync(As(_f.StudentA), sent[0])).Succeeded);
        using var heard = new Heard<NotificationsDelivered>(_database.Get<IEventBus>());

        Assert.True(await _database.Get<HeldReleases>().ReleaseDueAsync());
        await _database.DeliveredAsync();

        var released = Assert.Single(heard.Events, e => e.Reaches(_f.StudentA.Id));
        Assert.Equal(2, released.UnreadOf(_f.StudentA.Id));
        Assert.Equal(
            [$"/memos/{sent[2]}", $"/memos/{sent[1]}"], // the read one is not brought back as unread
            released.LinesFor(_f.StudentA.Id)!.Select(l => l.Link)
        );
    }

    [Fact]
    public async Task TheEstablishment_MayExemptStaff_FamiliesStayHeld()
    {
        var quiet = _database.Get<QuietHoursService>();
        var saved = await quiet.SaveAsync(As(_f.StaffA), _f.A.Id, new(new(20, 0), new(7, 0), true, true, 24));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        Assert.Equal(
            ResultKind.Forbidden,
            (await quiet.SaveAsync(As(_f.TeacherA), _f.A.Id, new(new(20, 0), new(7, 0), true, true, 0))).Kind
        );
        Assert.Equal(
            ResultKind.Invalid,
            (await quiet.SaveAsync(As(_f.StaffA), _f.A.Id, new(new(6, 0), new(7, 0), true, true, 99))).Kind
        );
        _database.Clock.SetUtcNow(Paris(1, 22)); // Tuesday 22:00

        var sent = await SendAsync(As(_f.TeacherA), Draft(To(_f.StudentA), To(_f.StaffA)), []);

        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        Assert.Equal(1, await Memos.UnreadCountAsync(As(_f.StaffA)));
        Assert.Equal(0, await Memos.UnreadCountAsync(As(_f.StudentA)));
        _database.Clock.SetUtcNow(Paris(2, 7));
        Assert.Equal(1, await Memos.UnreadCountAsync(As(_f.StudentA)));
    }
}
