using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// After sending: read receipts, the paged inbox, replies and the folders.
/// </summary>
public sealed partial class MemoServiceTests
{
    [Fact]
    public async Task ReadReceipts_CountPerAudience_AndNameTheReaders()
    {
        var sent = (
            await SendAsync(
                As(_f.TeacherA),
                Draft(new MemoAddress(AudienceKind.ClassStudents, _f.ClassA.Id, "Élèves de 6eA")),
                []
            )
        ).Value;
        _database.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await Memos.ConversationAsync(As(_f.StudentA), sent)).Succeeded);

        var receipts = (await Memos.ReceiptsAsync(As(_f.TeacherA), sent)).Value!;
        Assert.Equal(new AudienceReceipt("Élèves de 6eA", 1, 2), receipts.Audiences.Single());
        Assert.Equal(
            ("StudentA Test", _database.Clock.GetUtcNow().UtcDateTime),
            (receipts.Readers[0].Name, receipts.Readers[0].ReadAt!.Value)
        );
        Assert.Null(receipts.Readers[1].ReadAt);
        Assert.Equal(ResultKind.Forbidden, (await Memos.ReceiptsAsync(As(_f.StudentA), sent)).Kind);
        Assert.Equal(ResultKind.NotFound, (await Memos.ConversationAsync(As(_otherStudent), sent)).Kind);
    }

    [Fact]
    public async Task TheInbox_IsPagedAndSearchable_NeverLoadedWhole()
    {
        for (var i = 1; i <= 45; i++)
        {
            var draft = Draft(To(_f.StudentA));
            draft.Subject = $"Information n° {i}";
            Assert.True((await SendAsync(As(_f.StaffA), draft, [])).Succeeded);
            _database.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox);
        var last = await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox, page: 3);
        Assert.Equal((20, 45, 3), (first.Items.Count, first.Total, first.Pages));
        Assert.Equal("Information n° 45", first.Items[0].Subject);
        Assert.Equal(5, last.Items.Count);
        Assert.Equal("Information n° 1", last.Items[^1].Subject);
        Assert.Equal(
            ["Information n° 17"],
            (await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox, "n° 17")).Items.Select(m => m.Subject)
        );
        Assert.Equal(45, (await Memos.ListAsync(As(_f.StaffA), MemoFolder.Sent)).Total);
    }

    [Fact]
    public async Task TheInboxSearch_IgnoresCaseAndAccents_AndTakesWildcardsLiterally()
    {
        foreach (var subject in new[] { "Sortie au Théâtre", "Réussite à 100%", "Réussite à 1000 près" })
        {
            var draft = Draft(To(_f.StudentA));
            draft.Subject = subject;
            Assert.True((await SendAsync(As(_f.StaffA), draft, [])).Succeeded);
        }

        async Task<string[]> Found(string search) =>
            [.. (await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox, search)).Items.Select(m => m.Subject)];
        Assert.Equal(["Sortie au Théâtre"], await Found("THEATRE"));
        Assert.Equal(["Sortie au Théâtre"], await Found("théâtre"));
        Assert.Equal(["Réussite à 100%"], await Found("100%"));
        Assert.Equal(2, (await Found("REUSSITE A 10")).Length);
    }

    [Fact]
    public async Task AReply_GoesBackToTheSender_EvenWhenTheRulesWouldNotLetTheStudentStart()
    {
        await Memos.SaveRulesAsync(As(_f.AdminA), MemoRules.None);
        var question = (await SendAsync(As(_f.StaffA), Draft(To(_f.StudentA)), [])).Value;

        var reply = await SendAsync(
            As(_f.StudentA),
            new MemoDraft
            {
                To = [To(_f.StaffA)],
                Subject = "Re: Sortie au musée",
                Body = "Merci !",
                ReplyToId = question,
            },
            []
        );
        var replyAll = await SendAsync(
            As(_f.StudentA),
            new MemoDraft
            {
                To = [To(_f.StaffA), To(_classmate)],
                Subject = "Re",
                Body = "Merci",
                ReplyToId = question,
            },
            []
        );

        Assert.True(reply.Succeeded, string.Join(" ", reply.Errors));
        Assert.Equal(ResultKind.Forbidden, replyAll.Kind); // the rules still apply to anyone else
        var thread = (await Memos.ConversationAsync(As(_f.StaffA), reply.Value)).Value!;
        Assert.Equal(["Sortie au musée", "Re: Sortie au musée"], thread.Select(m => m.Subject));
    }

    [Fact]
    public async Task Folders_Archive_Bin_AndEmptyingTheBin()
    {
        var id = (await SendAsync(As(_f.TeacherA), Draft(To(_f.StudentA)), [])).Value;
        var student = As(_f.StudentA);
        Assert.True((await Memos.MoveAsync(student, id, MemoFolder.Archive)).Succeeded);
        Assert.Empty((await Memos.ListAsync(student, MemoFolder.Inbox)).Items);
        Assert.Single((await Memos.ListAsync(student, MemoFolder.Archive)).Items);
        Assert.Equal(0, await Memos.UnreadCountAsync(student)); // archived unread mémos leave the badge
        Assert.True((await Memos.MoveAsync(student, id, MemoFolder.Bin)).Succeeded);
        Assert.Equal(1, await Memos.EmptyBinAsync(student));
        Assert.Empty((await Memos.ListAsync(student, MemoFolder.Bin)).Items);
        Assert.Equal(ResultKind.NotFound, (await Memos.ConversationAsync(student, id)).Kind);
        Assert.Single((await Memos.ListAsync(As(_f.TeacherA), MemoFolder.Sent)).Items); // the sender keeps theirs
        Assert.Equal(ResultKind.NotFound, (await Memos.MoveAsync(As(_otherStudent), id, MemoFolder.Archive)).Kind);
    }
}
