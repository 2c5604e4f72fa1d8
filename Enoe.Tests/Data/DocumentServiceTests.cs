using Enoe.Data.Common;
using Enoe.Data.Documents;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class DocumentServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _classmate = default!;
    private DocumentService Documents => _database.Get<DocumentService>();

    private CurrentUser As(Person p) => TwoSchools.As(p, p == _f.StaffB ? _f.B : _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        _classmate = new Person
        {
            FirstName = "Classmate",
            LastName = "Test",
            UserName = "classmate",
            NormalizedUserName = "CLASSMATE",
        };
        _classmate.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = Profile.Student });
        var subject = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "HG",
            Name = "Histoire-géographie",
        };
        db.AddRange(_classmate, subject);
        db.Enrolments.Add(new Enrolment { Student = _classmate, SchoolClassId = _f.ClassA.Id });
        db.TeachingAssignments.Add(
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = subject,
                SchoolClassId = _f.ClassA.Id,
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<SpaceView> SpaceAsync(Person p, SpaceKind kind) =>
        (await Documents.SpacesAsync(As(p))).First(s => s.Kind == kind);

    [Fact]
    public async Task MyDocuments_Folders_Rename_Trash_Restore_AndPurgeFreesTheQuota()
    {
        var me = As(_f.TeacherA);
        var mine = await SpaceAsync(_f.TeacherA, SpaceKind.Personal);
        var folder = (await Documents.CreateFolderAsync(me, mine.Id, null, "Séquence 2")).Value;
        Assert.Equal(ResultKind.Invalid, (await Documents.CreateFolderAsync(me, mine.Id, null, "Séquence 2")).Kind);
        Assert.True((await Documents.UploadAsync(me, mine.Id, folder, [TestFiles.Pdf("cours.pdf")])).Succeeded);

        var listing = (await Documents.BrowseAsync(me, mine.Id, folder)).Value!;
        Assert.Equal(["Séquence 2"], listing.Path.Select(p => p.Name));
        var doc = Assert.Single(listing.Documents);
        Assert.True((await Documents.RenameAsync(me, doc.Id, "Cours complet")).Succeeded); // the extension is kept
        Assert.Equal(ResultKind.Invalid, (await Documents.RenameAsync(me, doc.Id, "cours.exe")).Kind);
        Assert.Equal(ResultKind.Invalid, (await Documents.DeleteFolderAsync(me, folder)).Kind); // not empty
        Assert.Equal(
            "Cours complet.pdf",
            (await Documents.BrowseAsync(me, mine.Id, folder)).Value!.Documents.Single().Name
        );

        Assert.True((await Documents.SetDeletedAsync(me, doc.Id, true)).Succeeded);
        Assert.Empty((await Documents.BrowseAsync(me, mine.Id, folder)).Value!.Documents);
        Assert.Single((await Documents.BrowseAsync(me, mine.Id, null, trash: true)).Value!.Documents);
        Assert.True((await Documents.SetDeletedAsync(me, doc.Id, false)).Succeeded);
        Assert.Single((await Documents.BrowseAsync(me, mine.Id, folder)).Value!.Documents);

        await Documents.SetDeletedAsync(me, doc.Id, true);
        Assert.Equal(1, (await Documents.PurgeAsync(me, mine.Id)).Value);
        Assert.Equal(0, (await _database.Get<FileStore>().UsageAsync(_f.TeacherA.Id)).Used);
        Assert.Equal(0, TestFiles.FilesOnDisk(_database.Directory));
        Assert.True((await Documents.DeleteFolderAsync(me, folder)).Succeeded);
    }

    [Fact]
    public async Task NobodyElse_SeesOrWritesMyDocuments()
    {
        var mine = await SpaceAsync(_f.TeacherA, SpaceKind.Personal);
        await Documents.UploadAsync(As(_f.TeacherA), mine.Id, null, [TestFiles.Pdf()]);
        foreach (var other in new[] { _f.StudentA, _f.StaffA, _f.StaffB })
        {
            Assert.Equal(ResultKind.NotFound, (await Documents.BrowseAsync(As(other), mine.Id, null)).Kind);
            Assert.Equal(
                ResultKind.Forbidden,
                (await Documents.UploadAsync(As(other), mine.Id, null, [TestFiles.Pdf()])).Kind
            );
        }
    }

    [Fact]
    public async Task AClassSpace_TeachersWrite_StudentsRead_OrWriteWhenAllowed_ButOnlyChangeTheirOwn()
    {
        var teacherView = await SpaceAsync(_f.TeacherA, SpaceKind.Class);
        var studentView = await SpaceAsync(_f.StudentA, SpaceKind.Class);
        Assert.Equal(
            (teacherView.Id, "Classe 6eA", true, true),
            (studentView.Id, studentView.Name, teacherView.CanWrite, teacherView.CanManage)
        );
        Assert.False(studentView.CanWrite);
        Assert.True(
            (await Documents.UploadAsync(As(_f.TeacherA), teacherView.Id, null, [TestFiles.Pdf("carte.pdf")])).Succeeded
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Documents.UploadAsync(As(_f.StudentA), studentView.Id, null, [TestFiles.Pdf()])).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Documents.SetStudentsMayWriteAsync(As(_f.StudentA), studentView.Id, true)).Kind
        );

        Assert.True((await Documents.SetStudentsMayWriteAsync(As(_f.TeacherA), teacherView.Id, true)).Succeeded);
        Assert.True(
            (
                await Documents.UploadAsync(As(_f.StudentA), studentView.Id, null, [TestFiles.Pdf("expose.pdf")])
            ).Succeeded
        );

        var seen = (await Documents.BrowseAsync(As(_classmate), studentView.Id, null)).Value!.Documents;
        Assert.Equal(["carte.pdf", "expose.pdf"], seen.Select(d => d.Name));
        Assert.All(seen, d => Assert.False(d.CanChange));
        var teachers = seen.Single(d => d.Name == "carte.pdf");
        Assert.Equal(ResultKind.NotFound, (await Documents.SetDeletedAsync(As(_f.StudentA), teachers.Id, true)).Kind);
        Assert.True(
            (
                await Documents.SetDeletedAsync(As(_f.TeacherA), seen.Single(d => d.Name == "expose.pdf").Id, true)
            ).Succeeded
        );
        Assert.Equal(ResultKind.NotFound, (await Documents.BrowseAsync(As(_f.ParentA), studentView.Id, null)).Kind);
    }

    [Fact]
    public async Task ADocumentSharedWithAPersonOrClass_IsReadOnlyForThem_AndForNobodyElse()
    {
        var mine = await SpaceAsync(_f.TeacherA, SpaceKind.Personal);
        await Documents.UploadAsync(As(_f.TeacherA), mine.Id, null, [TestFiles.Pdf("grille.pdf")]);
        var doc = (await Documents.BrowseAsync(As(_f.TeacherA), mine.Id, null)).Value!.Documents.Single();
        var files = _database.Get<FileStore>();

        Assert.Equal(
            ResultKind.NotFound,
            (await Documents.ShareAsync(As(_f.StudentA), doc.Id, new ShareTarget(PersonId: _f.StudentA.Id))).Kind
        );
        Assert.Equal(
            ResultKind.Invalid,
            (await Documents.ShareAsync(As(_f.TeacherA), doc.Id, new ShareTarget(PersonId: _f.StaffB.Id))).Kind
        ); // another school
        Assert.True(
            (await Documents.ShareAsync(As(_f.TeacherA), doc.Id, new ShareTarget(PersonId: _f.StaffA.Id))).Succeeded
        );

        Assert.Equal("grille.pdf", (await Documents.SharedWithMeAsync(As(_f.StaffA))).Single().Name);
        Assert.NotNull(await files.OpenAsync(As(_f.StaffA), doc.FileId));
        Assert.Null(await files.OpenAsync(As(_f.StudentA), doc.FileId));
        // Read-only
        Assert.Equal(ResultKind.NotFound, (await Documents.SetDeletedAsync(As(_f.StaffA), doc.Id, true)).Kind);

        Assert.True(
            (
                await Documents.ShareAsync(As(_f.TeacherA), doc.Id, new ShareTarget(SchoolClassId: _f.ClassA.Id))
            ).Succeeded
        );
        Assert.Single(await Documents.SharedWithMeAsync(As(_classmate)));
        var shares = (await Documents.SharesAsync(As(_f.TeacherA), doc.Id)).Value!;
        Assert.Equal(["Classe 6eA", "StaffA Test"], shares.Select(s => s.With).Order());
        await Documents.UnshareAsync(As(_f.TeacherA), doc.Id, shares.Single(s => s.With == "Classe 6eA").ShareId);
        Assert.Empty(await Documents.SharedWithMeAsync(As(_classmate)));

        await Documents.SetDeletedAsync(As(_f.TeacherA), doc.Id, true); // in the trash: no longer shared
        Assert.Empty(await Documents.SharedWithMeAsync(As(_f.StaffA)));
        Assert.Null(await files.OpenAsync(As(_f.StaffA), doc.FileId));
    }

    [Fact]
    public async Task Documents_MoveBetweenFoldersOfTheirSpace_AndFoldersAreRenamed()
    {
        var me = As(_f.TeacherA);
        var mine = await SpaceAsync(_f.TeacherA, SpaceKind.Personal);
        var cours = (await Documents.CreateFolderAsync(me, mine.Id, null, "Cours")).Value;
        var cartes = (await Documents.CreateFolderAsync(me, mine.Id, cours, "Cartes")).Value;
        await Documents.UploadAsync(me, mine.Id, null, [TestFiles.Pdf("europe.pdf")]);
        var doc = (await Documents.BrowseAsync(me, mine.Id, null)).Value!.Documents.Single();
        Assert.Equal(
            ["Cours", "Cours / Cartes"],
            (await Documents.BrowseAsync(me, mine.Id, null)).Value!.AllFolders.Select(f => f.Name)
        );

        Assert.True((await Documents.MoveAsync(me, doc.Id, cartes)).Succeeded);
        Assert.Equal(
            ["europe.pdf"],
            (await Documents.BrowseAsync(me, mine.Id, cartes)).Value!.Documents.Select(d => d.Name)
        );
        var classSpace = await SpaceAsync(_f.TeacherA, SpaceKind.Class);
        var elsewhere = (await Documents.CreateFolderAsync(me, classSpace.Id, null, "Partagé")).Value;
        Assert.Equal(ResultKind.NotFound, (await Documents.MoveAsync(me, doc.Id, elsewhere)).Kind); // not across spaces
        Assert.Equal(ResultKind.NotFound, (await Documents.MoveAsync(As(_f.StudentA), doc.Id, null)).Kind);

        Assert.True((await Documents.RenameFolderAsync(me, cartes, "Cartes muettes")).Succeeded);
        Assert.Equal(
            ["Cours", "Cartes muettes"],
            (await Documents.BrowseAsync(me, mine.Id, cartes)).Value!.Path.Select(p => p.Name)
        );
        Assert.Equal(ResultKind.Invalid, (await Documents.RenameFolderAsync(me, cartes, "../x")).Kind);
        Assert.Equal(ResultKind.NotFound, (await Documents.RenameFolderAsync(As(_f.StudentA), cartes, "Volé")).Kind);
    }

    [Fact]
    public async Task SharedWithMe_ListsTheDocumentsOfTheSchoolIWorkIn()
    {
        var two = await TeacherInTwoSchools.CreateAsync(_database, _f);
        var staffB = As(_f.StaffB);
        var theirs = await SpaceAsync(_f.StaffB, SpaceKind.Personal);
        await Documents.UploadAsync(staffB, theirs.Id, null, [TestFiles.Pdf("conseil.pdf")]);
        var doc = (await Documents.BrowseAsync(staffB, theirs.Id, null)).Value!.Documents.Single();
        Assert.True((await Documents.ShareAsync(staffB, doc.Id, new ShareTarget(PersonId: _f.TeacherA.Id))).Succeeded);

        Assert.Empty(await Documents.SharedWithMeAsync(two.InA));
        Assert.Equal(["conseil.pdf"], (await Documents.SharedWithMeAsync(two.InB)).Select(d => d.Name));
    }

    [Fact]
    public async Task AnEnglishReader_GetsSpaceNamesAndMessagesInEnglish()
    {
        using (new InEnglish())
        {
            Assert.Equal(
                ["My documents", "Class 6eA"],
                (await Documents.SpacesAsync(As(_f.TeacherA))).Select(s => s.Name)
            );
            var mine = await SpaceAsync(_f.TeacherA, SpaceKind.Personal);
            Assert.Equal(
                ["Give the folder a name."],
                (await Documents.CreateFolderAsync(As(_f.TeacherA), mine.Id, null, " ")).Errors
            );
        }
    }
}
