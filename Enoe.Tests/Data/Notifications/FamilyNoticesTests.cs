using Enoe.Data.Notifications;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data.Notifications;

/// <summary>
/// Students to their families' notifications: each responsable légal names the child, the student gets theirs (at
/// their own moment when it differs), unless the condition leaves them out.
/// </summary>
public sealed class FamilyNoticesTests : TwoSchoolsTest
{
    private FamilyNotice Notice(string source = "test:1") =>
        new(F.A.Id, NotificationKind.CopyReturned, "Exposé", "/devoirs/1", source, Now.AddDays(1))
        {
            StudentSeesAt = Now,
        };

    private static (int, int?, DateTime, string) Line(NewNotification n) =>
        (n.RecipientId, n.ChildId, n.VisibleAt, n.Source);

    [Fact]
    public async Task EachStudent_ReachesTheirParentsAndThemself_OnceEach_AtTheirMoments()
    {
        await using var db = Database.NewContext();

        var items = await NotificationService.ForFamiliesAsync(db, [F.StudentA.Id, F.StudentA.Id], Notice());

        Assert.Equal(
            [(F.ParentA.Id, F.StudentA.Id, Now.AddDays(1), "test:1"), (F.StudentA.Id, F.StudentA.Id, Now, "test:1")],
            items.Select(Line)
        );
        Assert.All(items, n => Assert.Equal((NotificationKind.CopyReturned, "Exposé"), (n.Kind, n.Title)));
    }

    [Fact]
    public async Task TheCondition_LeavesStudentsOut_AndEachStudentMayHaveANoticeOfTheirOwn()
    {
        await using var db = Database.NewContext();

        var parentsOnly = await NotificationService.ForFamiliesAsync(db, [F.StudentA.Id], Notice(), _ => false);
        var two = await NotificationService.ForFamiliesAsync(
            db,
            [(F.StudentA.Id, Notice("test:1")), (F.StudentA.Id, Notice("test:2"))],
            p => p.FirstName == "StudentA"
        );
        var ownContext = await Database
            .Get<NotificationService>()
            .ForFamiliesAsync([F.StudentA.Id], Notice(), p => p.FirstName == "Nobody");

        Assert.Equal([(F.ParentA.Id, F.StudentA.Id, Now.AddDays(1), "test:1")], parentsOnly.Select(Line));
        Assert.Equal(["test:1", "test:1", "test:2", "test:2"], two.Select(n => n.Source));
        Assert.Equal([F.ParentA.Id], ownContext.Select(n => n.RecipientId));
        Assert.Empty(await NotificationService.ForFamiliesAsync(db, [], Notice()));
    }
}
