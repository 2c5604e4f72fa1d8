using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Handing in and following submissions: versions, lateness, who reads what, returns and the zip of the class's work.
/// </summary>
public sealed partial class AssignmentServiceTests
{
    [Fact]
    public async Task HandingInAgain_KeepsEveryVersion_WithTheTimeOfEach()
    {
        var id = await SetAsync();
        var first = await Assignments.HandInAsync(As(_f.StudentA), id, [TestFiles.Pdf("v1.pdf")]);
        _database.Clock.Advance(TimeSpan.FromHours(3));
        var second = await Assignments.HandInAsync(
            As(_f.StudentA),
            id,
            [TestFiles.Pdf("v2.pdf"), TestFiles.Pdf("annexe.pdf")]
        );

        Assert.True(first.Succeeded && second.Succeeded);
        var mine = (await Assignments.GetAsync(As(_f.StudentA), id)).Value!.LearnerRow!;
        Assert.Equal([1, 2], mine.Submissions.Select(s => s.Number));
        Assert.Equal(["v1.pdf"], mine.Submissions[0].Files.Select(f => f.Name));
        Assert.Equal(["annexe.pdf", "v2.pdf"], mine.Submissions[1].Files.Select(f => f.Name).Order());
        Assert.Equal(_database.Clock.GetUtcNow().UtcDateTime, mine.Submissions[1].SubmittedAt);
        Assert.Equal(SubmissionStatus.HandedIn, mine.Status);
    }

    [Fact]
    public async Task AfterTheDeadline_ASubmissionIsFlaggedLate_OrRefusedWithNothingWritten()
    {
        var accepting = await SetAsync(acceptsLate: true);
        var refusing = await SetAsync(acceptsLate: false);
        _database.Clock.Advance(TimeSpan.FromDays(3));
        await using var db = _database.NewContext();
        var filesBefore = await db.StoredFiles.CountAsync();
        var blobsBefore = TestFiles.FilesOnDisk(_database.Directory);

        var late = await Assignments.HandInAsync(As(_f.StudentA), accepting, [TestFiles.Pdf()]);
        var refused = await Assignments.HandInAsync(As(_f.StudentA), refusing, [TestFiles.Pdf()]);

        Assert.True(late.Value!.Late);
        Assert.Equal(ResultKind.Forbidden, refused.Kind);
        Assert.Contains("n'accepte pas de retard", refused.Errors[0]);
        Assert.Equal(filesBefore + 1, await db.StoredFiles.CountAsync());
        Assert.Equal(blobsBefore + 1, TestFiles.FilesOnDisk(_database.Directory));
        Assert.Equal(
            SubmissionStatus.Late,
            (await Assignments.ListForLearnerAsync(As(_f.StudentA))).Single(a => a.Id == accepting).Status
        );
    }

    [Fact]
    public async Task RightsMatrix_WhoReadsWhichSubmission()
    {
        var id = await SetAsync();
        Assert.True((await Assignments.HandInAsync(As(_f.StudentA), id, [TestFiles.Pdf("copie-lea.pdf")])).Succeeded);
        Assert.Equal(
            ResultKind.NotFound,
            (await Assignments.HandInAsync(As(_otherStudent), id, [TestFiles.Pdf()])).Kind
        ); // not their class
        // Parents follow, never hand in
        Assert.Equal(ResultKind.NotFound, (await Assignments.HandInAsync(As(_f.ParentA), id, [TestFiles.Pdf()])).Kind);
        var submittedFileId = (await Assignments.GetAsync(As(_f.StudentA), id))
            .Value!
            .LearnerRow!
            .Submissions[0]
            .Files[0]
            .Id;
        var subjectId = (await Assignments.GetAsync(As(_f.StudentA), id)).Value!.Files[0].Id;

        async Task<bool> Reads(Person p, int fileId)
        {
            var opened = await Files.OpenAsync(As(p), fileId);
            if (opened is null)
                return false;
            await opened.Value.Content.DisposeAsync();
            return true;
        }
        Assert.True(await Reads(_f.StudentA, submittedFileId));
        Assert.True(await Reads(_f.ParentA, submittedFileId));
        Assert.True(await Reads(_f.TeacherA, submittedFileId));
        Assert.False(await Reads(_classmate, submittedFileId)); // a classmate never reads another student's copy
        Assert.False(await Reads(_otherParent, submittedFileId));
        Assert.False(await Reads(_otherTeacher, submittedFileId));
        Assert.True(await Reads(_classmate, subjectId)); // the subject is for the whole class
        Assert.False(await Reads(_otherStudent, subjectId));

        Assert.Equal(ResultKind.NotFound, (await Assignments.GetAsync(As(_otherStudent), id)).Kind);
        Assert.Equal(ResultKind.NotFound, (await Assignments.GetAsync(As(_otherParent), id)).Kind);
        var parentView = (await Assignments.GetAsync(As(_f.ParentA), id)).Value!;
        Assert.False(parentView.CanManage);
        Assert.Equal(_f.StudentA.Id, parentView.LearnerRow!.StudentId);
        Assert.Equal(
            SubmissionStatus.HandedIn,
            (await Assignments.ListForLearnerAsync(As(_f.ParentA))).Single().Status
        );
        Assert.Empty(await Assignments.ListForLearnerAsync(As(_otherParent)));
        Assert.Equal(ResultKind.Forbidden, (await Assignments.SubmissionsZipAsync(As(_otherTeacher), id)).Kind);
    }

    [Fact]
    public async Task TheTeacherFollowsTheClass_ReturnsASubmission_AndTheStudentIsTold()
    {
        var id = await SetAsync();
        using var told = new Heard<AssignmentChanged>(_database.Get<IEventBus>());
        await Assignments.HandInAsync(As(_f.StudentA), id, [TestFiles.Pdf("copie.pdf")]);

        var roster = (await Assignments.GetAsync(As(_f.TeacherA), id)).Value!.Roster;
        Assert.Equal(["ABADIE Zoé", "TEST StudentA"], roster.Select(r => r.Name));
        Assert.Equal([SubmissionStatus.Missing, SubmissionStatus.HandedIn], roster.Select(r => r.Status));
        Assert.Equal(
            ResultKind.Invalid,
            (await Assignments.ReturnAsync(As(_f.TeacherA), id, _classmate.Id, "Bien", null)).Kind
        ); // nothing handed in
        Assert.Equal(
            ResultKind.Forbidden,
            (await Assignments.ReturnAsync(As(_otherTeacher), id, _f.StudentA.Id, "Bien", null)).Kind
        );

        var returned = await Assignments.ReturnAsync(
            As(_f.TeacherA),
            id,
            _f.StudentA.Id,
            "Très bon travail, attention aux accords.",
            TestFiles.Pdf("corrigé.pdf")
        );

        Assert.True(returned.Succeeded, string.Join(" ", returned.Errors));
        var own = (await Assignments.GetAsync(As(_f.StudentA), id)).Value!.LearnerRow!;
        Assert.Equal(SubmissionStatus.Returned, own.Status);
        Assert.Equal(
            ("Très bon travail, attention aux accords.", "corrigé.pdf"),
            (own.Return!.Comment, own.Return.File!.Name)
        );
        await _database.DeliveredAsync();
        Assert.Contains(told.Events, e => (e.AssignmentId, e.StudentId, e.Set) == (id, _f.StudentA.Id, null));
        var list = (await Assignments.ListSetAsync(As(_f.TeacherA))).Single();
        Assert.Equal((1, 2, 0), (list.HandedIn, list.Students, list.ToReturn));
    }

    [Fact]
    public async Task TheZip_HoldsEachStudentsLatestSubmission_NamedByStudent()
    {
        var id = await SetAsync();
        await Assignments.HandInAsync(As(_f.StudentA), id, [TestFiles.Pdf("brouillon.pdf")]);
        await Assignments.HandInAsync(As(_f.StudentA), id, [TestFiles.Pdf("copie.pdf"), TestFiles.Pdf("copie.pdf")]);
        await Assignments.HandInAsync(As(_classmate), id, [TestFiles.Pdf("zoé.pdf")]);

        var zip = await Assignments.SubmissionsZipAsync(As(_f.TeacherA), id);

        Assert.Equal("Rédaction _ mon héros - 6eA.zip", zip.Value.ZipName);
        Assert.Equal(
            ["ABADIE Zoé/zoé.pdf", "TEST StudentA/copie.pdf", "TEST StudentA/copie (2).pdf"],
            zip.Value.Entries.Select(e => e.EntryName)
        );
    }
}
