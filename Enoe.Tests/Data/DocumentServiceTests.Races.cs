using Enoe.Data.Documents;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class DocumentServiceTests
{
    [Fact]
    public async Task TwelveFirstVisitsAtOnce_MakeOneSpaceOfEachKind()
    {
        await Race.AtOnceAsync(12, _ => Documents.SpacesAsync(As(_f.TeacherA)));

        await using var db = _database.NewContext();
        Assert.Equal(1, await db.Set<DocumentSpace>().CountAsync(s => s.OwnerId == _f.TeacherA.Id));
        Assert.Equal(1, await db.Set<DocumentSpace>().CountAsync(s => s.SchoolClassId == _f.ClassA.Id));
    }

    [Fact]
    public async Task OneFolderNameGivenTwelveTimesAtOnce_MakesOneFolder_AndTellsTheOthers()
    {
        var mine = await SpaceAsync(_f.TeacherA, SpaceKind.Personal);

        var results = await Race.AtOnceAsync(
            12,
            _ => Documents.CreateFolderAsync(As(_f.TeacherA), mine.Id, null, "Cours")
        );

        Assert.Single(results, r => r.Succeeded);
        Assert.All(
            results.Where(r => !r.Succeeded),
            r => Assert.Equal(DocumentMessages.FormatFolderExists("Cours"), r.Errors.Single())
        );
    }

    [Fact]
    public async Task OneShareAskedTwelveTimesAtOnce_IsStoredOnce()
    {
        var mine = await SpaceAsync(_f.TeacherA, SpaceKind.Personal);
        await Documents.UploadAsync(As(_f.TeacherA), mine.Id, null, [TestFiles.Pdf("grille.pdf")]);
        var doc = (await Documents.BrowseAsync(As(_f.TeacherA), mine.Id, null)).Value!.Documents.Single();

        var results = await Race.AtOnceAsync(
            12,
            _ => Documents.ShareAsync(As(_f.TeacherA), doc.Id, new ShareTarget(SchoolClassId: _f.ClassA.Id))
        );

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors)));
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.Set<DocumentShare>().CountAsync(s => s.DocumentId == doc.Id));
    }
}
