using Enoe.Data.Assignments;
using Enoe.Data.Privacy;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Copies downloaded one by one or as the class's zip go into the access log (never the student's own).
/// </summary>
public sealed partial class AssignmentServiceTests
{
    [Fact]
    public async Task ACopyDownloaded_AndTheClassZip_AreLogged_TheStudentsOwnDownloadIsNot()
    {
        var id = await SetAsync();
        await Assignments.HandInAsync(As(_f.StudentA), id, [TestFiles.Pdf("copie.pdf")]);
        await Assignments.HandInAsync(As(_classmate), id, [TestFiles.Pdf("zoé.pdf")]);
        int copy;
        await using (var db = _database.NewContext())
            copy = await db.Set<Submission>()
                .Where(s => s.StudentId == _f.StudentA.Id)
                .SelectMany(s => s.Files.Select(f => f.FileId))
                .SingleAsync();

        Assert.True((await Files.ReadAsync(As(_f.StudentA), copy)).Succeeded);
        Assert.Empty(await LoggedAsync());
        Assert.True((await Files.ReadAsync(As(_f.TeacherA), copy)).Succeeded);
        Assert.Equal([_f.StudentA.Id], await LoggedAsync());
        Assert.True((await Assignments.SubmissionsZipAsync(As(_f.TeacherA), id)).Succeeded);
        Assert.Equal([_f.StudentA.Id, _classmate.Id], await LoggedAsync());
    }

    private async Task<List<int>> LoggedAsync()
    {
        await using var db = _database.NewContext();
        return await db.Set<DataAccessEntry>()
            .Where(e => e.Kind == PersonalDataKind.Submissions)
            .OrderBy(e => e.Id)
            .Select(e => e.StudentId)
            .ToListAsync();
    }
}
