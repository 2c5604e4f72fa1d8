using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.Notifications;

/// <summary>
/// Notifications are written in one statement per moment of delivery, and on SQLite per shared face when there are
/// few (a mémo's, a carnet entry's): whichever way, each recipient gets exactly the row their item describes.
/// </summary>
public sealed class NotificationWriteTests : TwoSchoolsTest
{
    private static readonly string LongTitle = new('é', NotificationService.TitleMax + 20);

    [Fact]
    public async Task NoticesSharingAFace_HeldOrNot_AreWrittenOnePerRecipient()
    {
        var later = Now.AddHours(9);
        int[] now = [F.StaffA.Id, F.TeacherA.Id, F.StudentA.Id, F.ParentA.Id];
        int[] held = [F.AdminA.Id, F.StaffB.Id];
        List<NewNotification> items =
        [
            .. now.Select(p => Memo(p, Now)),
            .. held.Select(p => Memo(p, later)),
            Memo(F.ParentA.Id, Now) with
            {
                ChildId = F.StudentA.Id,
                Title = "Au sujet de votre enfant",
            },
        ];

        await WriteAsync(items);

        Assert.Equal(Expected(items), await RowsAsync());
    }

    [Fact]
    public async Task NoticesWithManyFaces_AreWrittenOnePerRecipient_EachWithItsOwn()
    {
        List<NewNotification> items =
        [
            .. Enumerable
                .Range(1, 6)
                .Select(i => new NewNotification(
                    F.ParentA.Id,
                    F.A.Id,
                    F.StudentA.Id,
                    NotificationKind.MarksPublished,
                    $"Note {i}",
                    $"/notes/{i}",
                    $"marks:{i}",
                    Now
                )),
            Memo(F.StaffA.Id, Now),
        ];

        await WriteAsync(items);

        Assert.Equal(Expected(items), await RowsAsync());
    }

    private NewNotification Memo(int recipient, DateTime visibleAt) =>
        new(recipient, F.A.Id, null, NotificationKind.MemoReceived, LongTitle, "/memos/7", "memo:7", visibleAt);

    private async Task WriteAsync(List<NewNotification> items)
    {
        await using var db = Database.NewContext();
        await NotificationService.WriteAsync(db, items, Now, CancellationToken.None);
    }

    private List<Row> Expected(List<NewNotification> items) =>
        [
            .. items
                .Select(i => new Row(
                    i.RecipientId,
                    i.SchoolId,
                    i.ChildId,
                    i.Kind,
                    NotificationService.Cut(i.Title, NotificationService.TitleMax),
                    i.Link,
                    i.Source,
                    Micro(i.VisibleAt),
                    Micro(Now)
                ))
                .Order(),
        ];

    private async Task<List<Row>> RowsAsync()
    {
        await using var db = Database.NewContext();
        var rows = await db.Set<Notification>()
            .Select(n => new Row(
                n.RecipientId,
                n.SchoolId,
                n.ChildId,
                n.Kind,
                n.Title,
                n.Link,
                n.Source,
                n.VisibleAt,
                n.CreatedAt
            ))
            .ToListAsync();
        return [.. rows.Select(r => r with { VisibleAt = Micro(r.VisibleAt), CreatedAt = Micro(r.CreatedAt) }).Order()];
    }

    // PostgreSQL keeps microseconds.
    private static DateTime Micro(DateTime d) => new(d.Ticks - d.Ticks % 10);

    private sealed record Row(
        int RecipientId,
        int SchoolId,
        int? ChildId,
        NotificationKind Kind,
        string Title,
        string Link,
        string Source,
        DateTime VisibleAt,
        DateTime CreatedAt
    ) : IComparable<Row>
    {
        public int CompareTo(Row? other) =>
            other is null
                ? 1
                : (RecipientId, Source, Title, VisibleAt).CompareTo(
                    (other.RecipientId, other.Source, other.Title, other.VisibleAt)
                );
    }
}
