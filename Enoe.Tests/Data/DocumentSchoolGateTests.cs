using Enoe.Data.Documents;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Documents follow the switch of the établissement the space belongs to: signed into college-a, TeacherA cannot
/// open, change or share what lies in a space of college-b once college-b switched Documents off or was archived.
/// </summary>
public sealed class DocumentSchoolGateTests : DataSchoolGateTest
{
    private DocumentService Documents => Get<DocumentService>();

    /// <summary>The class space of college-b with a folder, a document in it and a share, made while it ran.</summary>
    private async Task<(int Space, int Folder, DocumentView Document, int Share)> FilledAtBAsync()
    {
        var space = (await Documents.SpacesAsync(InB)).Single(s => s.Kind == SpaceKind.Class).Id;
        var folder = (await Documents.CreateFolderAsync(InB, space, null, "Cours")).Value;
        Assert.True((await Documents.UploadAsync(InB, space, folder, [TestFiles.Pdf("fiche.pdf")])).Succeeded);
        var document = (await Documents.BrowseAsync(InB, space, folder)).Value!.Documents.Single();
        var target = new ShareTarget(PersonId: Two.StudentB);
        Assert.True((await Documents.ShareAsync(InB, document.Id, target)).Succeeded);
        var share = (await Documents.SharesAsync(InB, document.Id)).Value!.Single().ShareId;
        return (space, folder, document, share);
    }

    private async Task AllRefusedAsync(int space, int folder, DocumentView document, int share)
    {
        var target = new ShareTarget(SchoolClassId: Two.ClassB);
        Refused(await Documents.BrowseAsync(InA, space, folder));
        Refused(await Documents.BrowseAsync(InA, space, null, trash: true));
        Refused(await Documents.UploadAsync(InA, space, folder, [TestFiles.Pdf("autre.pdf")]));
        Refused(await Documents.CreateFolderAsync(InA, space, null, "Autre"));
        Refused(await Documents.RenameFolderAsync(InA, folder, "Renommé"));
        Refused(await Documents.DeleteFolderAsync(InA, folder));
        Refused(await Documents.MoveAsync(InA, document.Id, null));
        Refused(await Documents.RenameAsync(InA, document.Id, "renommé.pdf"));
        Refused(await Documents.SetDeletedAsync(InA, document.Id, deleted: true));
        Refused(await Documents.PurgeAsync(InA, space));
        Refused(await Documents.SetStudentsMayWriteAsync(InA, space, allowed: true));
        Refused(await Documents.ShareAsync(InA, document.Id, target));
        Refused(await Documents.SharesAsync(InA, document.Id));
        Refused(await Documents.UnshareAsync(InA, document.Id, share));
        Refused(await Get<FileStore>().ReadAsync(InA, document.FileId));
        await using var db = Database.NewContext();
        var stored = await db.Set<Document>().Include(d => d.File).SingleAsync();
        Assert.Equal(("fiche.pdf", folder, null), (stored.File!.Name, stored.FolderId, stored.DeletedAt));
        Assert.Equal(["Cours"], await db.Set<Folder>().Select(f => f.Name).ToListAsync());
        Assert.Equal(1, await db.Set<DocumentShare>().CountAsync());
        Assert.False(
            await db.Set<DocumentSpace>().Where(s => s.Id == space).Select(s => s.StudentsMayWrite).SingleAsync()
        );
    }

    [Fact]
    public async Task ASessionAtA_CannotReachASpaceOfB_WhereDocumentsIsOff()
    {
        var (space, folder, document, share) = await FilledAtBAsync();
        await SwitchAsync(F.B.Id, EntService.Documents, on: false);
        await AllRefusedAsync(space, folder, document, share);
    }

    [Fact]
    public async Task ASessionAtA_CannotReachASpaceOfB_OnceBIsArchived()
    {
        var (space, folder, document, share) = await FilledAtBAsync();
        await ArchiveBAsync();
        await AllRefusedAsync(space, folder, document, share);
    }

    [Fact]
    public async Task WhereDocumentsRunsAtB_ASessionAtA_WhereItIsOff_StillWorksInB()
    {
        var (space, folder, document, _) = await FilledAtBAsync();
        await SwitchAsync(F.A.Id, EntService.Documents, on: false);
        Assert.True((await Documents.BrowseAsync(InA, space, folder)).Succeeded);
        Assert.True((await Documents.RenameAsync(InA, document.Id, "cours.pdf")).Succeeded);
        Assert.True((await Documents.MoveAsync(InA, document.Id, null)).Succeeded);
        Assert.True((await Documents.RenameFolderAsync(InA, folder, "Exercices")).Succeeded);
        Assert.True((await Documents.SharesAsync(InA, document.Id)).Succeeded);
    }
}
