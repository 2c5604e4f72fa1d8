using Enoe.Data.Assignments;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>
/// The day before a devoir is due, who has not handed it in is reminded, once; a copy returned is told.
/// </summary>
public sealed partial class AssignmentServiceTests
{
    [Fact]
    public async Task TheDayBefore_OnlyWhoHasNotHandedIn_IsReminded_Once_ThenTheReturnedCopyIsTold()
    {
        var id = await SetAsync(); // due in two days
        Assert.True((await Assignments.HandInAsync(As(_classmate), id, [TestFiles.Pdf("copie.pdf")])).Succeeded);
        var reminders = _database.Get<AssignmentReminders>();
        var feed = _database.Get<NotificationService>();
        var due = DateOnly.FromDateTime(InParis(2));

        Assert.Equal(0, await reminders.RunDueAsync()); // before 17:00: not yet
        await reminders.RemindAsync(due);
        await reminders.RemindAsync(due);

        var line = Assert.Single((await feed.FeedAsync(As(_f.StudentA), new())).Items);
        Assert.Equal((NotificationKind.AssignmentDueTomorrow, $"/devoirs/{id}"), (line.Kind, line.Link));
        Assert.Equal(1, await feed.UnreadCountAsync(_f.ParentA.Id));
        Assert.Equal(0, await feed.UnreadCountAsync(_classmate.Id));

        Assert.True((await Assignments.ReturnAsync(As(_f.TeacherA), id, _classmate.Id, "Très bien", null)).Succeeded);
        Assert.Equal(
            NotificationKind.CopyReturned,
            Assert.Single((await feed.FeedAsync(As(_classmate), new())).Items).Kind
        );
    }
}
