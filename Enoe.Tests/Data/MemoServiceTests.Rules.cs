using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Who may write to whom: the rules matrix and its admin, unreachable recipients, parents, the address picker and the
/// addresses the server names itself.
/// </summary>
public sealed partial class MemoServiceTests
{
    [Fact]
    public async Task RulesMatrix_WithTheDefaultRules()
    {
        Assert.True(await CanWriteAsync(_f.TeacherA, _f.StudentA));
        Assert.True(await CanWriteAsync(_f.TeacherA, _f.ParentA));
        Assert.True(await CanWriteAsync(_f.TeacherA, _otherTeacher)); // colleagues
        Assert.False(await CanWriteAsync(_f.TeacherA, _otherStudent)); // not their student
        Assert.True(await CanWriteAsync(_f.StudentA, _f.TeacherA));
        Assert.True(await CanWriteAsync(_f.StudentA, _f.StaffA));
        Assert.False(await CanWriteAsync(_f.StudentA, _classmate)); // classmates: off by default
        Assert.False(await CanWriteAsync(_f.StudentA, _otherTeacher));
        Assert.True(await CanWriteAsync(_f.ParentA, _f.TeacherA));
        Assert.True(await CanWriteAsync(_f.ParentA, _f.StaffA));
        Assert.False(await CanWriteAsync(_f.ParentA, _otherTeacher));
        Assert.False(await CanWriteAsync(_f.ParentA, _otherParent));
        Assert.True(await CanWriteAsync(_f.StaffA, _otherStudent)); // the staff reach everyone
        Assert.False(await CanWriteAsync(_f.TeacherA, _f.StaffB)); // another établissement
    }

    [Fact]
    public async Task TheAdmin_ChangesTheRules_AndTheServerFollowsThem()
    {
        Assert.Equal(
            ResultKind.Forbidden,
            (await Memos.SaveRulesAsync(As(_f.TeacherA), MemoRules.Default | MemoRules.StudentsToClassmates)).Kind
        );
        Assert.True(
            (await Memos.SaveRulesAsync(As(_f.AdminA), MemoRules.Default | MemoRules.StudentsToClassmates)).Succeeded
        );
        Assert.True(await CanWriteAsync(_f.StudentA, _classmate));
        Assert.False(await CanWriteAsync(_f.StudentA, _otherStudent));

        Assert.True((await Memos.SaveRulesAsync(As(_f.AdminA), MemoRules.None)).Succeeded);
        Assert.False(await CanWriteAsync(_f.StudentA, _f.TeacherA));
        Assert.False(await CanWriteAsync(_f.TeacherA, _f.StudentA));
        Assert.True(await CanWriteAsync(_f.StaffA, _f.StudentA));
    }

    [Fact]
    public async Task OneUnreachableRecipient_RefusesTheWholeMemo_WithAClearMessage()
    {
        var result = await SendAsync(
            As(_f.StudentA),
            Draft(To(_f.TeacherA), new MemoAddress(AudienceKind.ClassStudents, _f.ClassA.Id, "Élèves de 6eA")),
            []
        );

        Assert.Equal(ResultKind.Forbidden, result.Kind);
        Assert.Equal(
            "Vous ne pouvez pas écrire à « Élèves de 6eA » : la règle « élèves → élèves de leurs classes » "
                + "est désactivée par l'établissement. Rien n'a été envoyé.",
            result.Errors[0]
        );
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Memos.CountAsync());
    }

    [Fact]
    public async Task AParent_WritesAboutTheirOwnChildOnly()
    {
        var draft = Draft(To(_f.TeacherA));
        draft.AboutChildId = _otherStudent.Id;
        Assert.Equal(ResultKind.Forbidden, (await SendAsync(As(_f.ParentA), draft, [])).Kind);
        draft.AboutChildId = _f.StudentA.Id;
        var sent = await SendAsync(As(_f.ParentA), draft, []);
        Assert.Equal(
            "StudentA Test",
            (await Memos.ConversationAsync(As(_f.TeacherA), sent.Value)).Value!.Single().AboutChild
        );
    }

    [Fact]
    public async Task TheAddressPicker_OffersOnlyWhatTheSenderMayReach()
    {
        var teacher = (await Memos.AddressOptionsAsync(As(_f.TeacherA), "6e")).Select(o => o.Address.Label).ToList();
        Assert.Contains("Élèves de 6eA", teacher);
        Assert.Contains("Parents de 6eA", teacher);
        Assert.DoesNotContain("Élèves de 6eB", teacher);
        var people = (await Memos.AddressOptionsAsync(As(_f.StudentA), "test"))
            .Where(o => o.Address.Kind == AudienceKind.Person)
            .Select(o => o.Address.Label)
            .ToList();
        Assert.Contains("TeacherA Test", people);
        Assert.DoesNotContain("Classmate Test", people);
        Assert.DoesNotContain("OtherTeacher Test", people);
    }

    [Fact]
    public async Task TheServerNamesEachAddress_ALabelComingBackFromTheBrowserIsNotKept()
    {
        // A draft restored from the browser carries labels the browser could have changed.
        var forged = Draft(
            new MemoAddress(AudienceKind.ClassStudents, _f.ClassA.Id, "Tous les parents"),
            new MemoAddress(AudienceKind.Person, _f.StudentA.Id, "Le principal")
        );
        var sent = await SendAsync(As(_f.TeacherA), forged, []);
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));

        await using var db = _database.NewContext();
        var memo = await db.Memos.Include(m => m.Audiences).SingleAsync();
        Assert.Equal("Élèves de 6eA, StudentA Test", memo.To);
        Assert.Equal(["Élèves de 6eA", "StudentA Test"], memo.Audiences.OrderBy(a => a.Id).Select(a => a.Label));
    }

    [Fact]
    public async Task AnAudienceThePickerNeverOffers_IsRefused_AndNothingIsSent()
    {
        var everyone = new MemoAddress(
            AudienceKind.Profile,
            (int)(Profile.Student | Profile.Parent | Profile.Teacher),
            "Tout le monde"
        );
        var result = await SendAsync(As(_f.StaffA), Draft(everyone), []);
        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal("Ce destinataire n'existe pas dans l'établissement : rien n'a été envoyé.", result.Errors[0]);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Memos.CountAsync());
    }
}
