using Enoe.Data.Documents;
using Enoe.Data.Memos;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Person = Enoe.Data.People.Person;

namespace Enoe.Tests.Data;

/// <summary>
/// Shares saved before sharing followed the mémo rules (rows as a forged share list left them) give access only to
/// whom someone who could have shared the document may write today: its adder, or a manager of its space.
/// </summary>
public sealed partial class DocumentSharingReachTests
{
    /// <summary>A document of <paramref name="owner"/>'s space, shared by a row written as before the rules.</summary>
    private async Task<DocumentView> SharedAsBeforeAsync(
        Person owner,
        SpaceKind kind,
        ShareTarget target,
        string name = "fiche.pdf"
    )
    {
        var user = As(owner);
        var space = (await Documents.SpacesAsync(user)).First(s => s.Kind == kind);
        if (kind != SpaceKind.Personal)
            Assert.True((await Documents.SetStudentsMayWriteAsync(As(_f.TeacherA), space.Id, true)).Succeeded);
        Assert.True((await Documents.UploadAsync(user, space.Id, null, [TestFiles.Pdf(name)])).Succeeded);
        var doc = (await Documents.BrowseAsync(user, space.Id, null)).Value!.Documents.Single(d => d.Name == name);
        await using var db = _database.NewContext();
        db.Add(
            new DocumentShare
            {
                DocumentId = doc.Id,
                PersonId = target.PersonId,
                SchoolClassId = target.SchoolClassId,
                TeachingGroupId = target.TeachingGroupId,
                SharedAt = _database.Clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync();
        return doc;
    }

    /// <summary>
    /// Whether the reader finds the document shared with them, and may download it (always both or neither).
    /// </summary>
    private async Task<bool> ReadsAsync(Person reader, DocumentView doc)
    {
        var listed = (await Documents.SharedWithMeAsync(As(reader))).Any(d => d.Id == doc.Id);
        var read = await _database.Get<FileStore>().ReadAsync(As(reader), doc.FileId);
        Assert.Equal(listed, read.Succeeded);
        return listed;
    }

    [Fact]
    public async Task AnOldShareWithAClassTheStudentCannotReach_GivesNeitherListingNorDownload()
    {
        var doc = await SharedAsBeforeAsync(_f.StudentA, SpaceKind.Personal, new(SchoolClassId: _classB.Id));
        Assert.False(await ReadsAsync(_otherStudent, doc));
    }

    [Fact]
    public async Task AnOldShareWithAClassmate_FollowsTodaysRule_BothWays()
    {
        var doc = await SharedAsBeforeAsync(_f.StudentA, SpaceKind.Personal, new(PersonId: _classmate.Id));
        Assert.False(await ReadsAsync(_classmate, doc));

        var memos = _database.Get<MemoService>();
        await memos.SaveRulesAsync(As(_f.AdminA), MemoRules.Default | MemoRules.StudentsToClassmates);
        Assert.True(await ReadsAsync(_classmate, doc));
        await memos.SaveRulesAsync(As(_f.AdminA), MemoRules.Default);
        Assert.False(await ReadsAsync(_classmate, doc));
    }

    [Fact]
    public async Task OldSharesWithinTheRules_StillWork_ForTheOwner_OrTheSpacesTeacher()
    {
        var fromTeacher = await SharedAsBeforeAsync(_f.TeacherA, SpaceKind.Personal, new(SchoolClassId: _f.ClassA.Id));
        Assert.True(await ReadsAsync(_classmate, fromTeacher));
        Assert.False(await ReadsAsync(_otherStudent, fromTeacher));

        // A student's document in the class space: its teacher could have shared it with the student's parent (the
        // row does not say who shared), nobody could have shared it with a student of another class.
        var toParent = await SharedAsBeforeAsync(_f.StudentA, SpaceKind.Class, new(PersonId: _f.ParentA.Id));
        Assert.True(await ReadsAsync(_f.ParentA, toParent));
        var elsewhere = await SharedAsBeforeAsync(_f.StudentA, SpaceKind.Class, new(_otherStudent.Id), "autre.pdf");
        Assert.False(await ReadsAsync(_otherStudent, elsewhere));
    }
}
