using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Homework and attachments: the student's tick, the homework load warning and who reads or writes attachments.
/// </summary>
public sealed partial class LogbookServiceTests
{
    [Fact]
    public async Task Student_TicksHomeworkDone_ParentSeesTheTick_OthersCannotTick()
    {
        var created = (await Logbook.SaveAsync(As(_f.TeacherA), Draft())).Value!;
        Assert.True((await Logbook.SetDoneAsync(As(_f.StudentA), created.Id, true)).Succeeded);
        Assert.Equal(ResultKind.NotFound, (await Logbook.SetDoneAsync(As(_otherStudent), created.Id, true)).Kind);
        var byDue = await Logbook.ListAsync(
            As(_f.ParentA),
            Monday,
            Monday.AddDays(6),
            studentId: _f.StudentA.Id,
            byDueDate: true
        );
        Assert.True(Assert.Single(byDue).Done);
        // A parent naming someone else's child sees nothing of theirs.
        Assert.Empty(await Logbook.ListAsync(As(_f.ParentA), Monday, Monday.AddDays(6), studentId: _otherStudent.Id));
    }

    [Fact]
    public async Task HomeworkLoad_WarnsFromTheSchoolsThreshold()
    {
        for (var i = 0; i < 3; i++)
            await Logbook.SaveAsync(As(_f.TeacherA), Draft($"Séance {i}"));
        var load = (await Logbook.HomeworkLoadAsync(As(_f.TeacherA), _f.ClassA.Id, null, Monday.AddDays(2))).Value!;
        Assert.Equal((3, 3, true), (load.Due, load.Threshold, load.Warn));
        Assert.False(
            (await Logbook.HomeworkLoadAsync(As(_f.TeacherA), _f.ClassA.Id, null, Monday.AddDays(3))).Value!.Warn
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Logbook.HomeworkLoadAsync(As(_otherTeacher), _f.ClassA.Id, null, Monday)).Kind
        );
    }

    [Fact]
    public async Task Attachments_AreReadByTheEntrysReaders_AndWrittenOnlyByItsTeachers()
    {
        var entry = (await Logbook.SaveAsync(As(_f.TeacherA), Draft())).Value!;
        Assert.Equal(
            ResultKind.Forbidden,
            (await Logbook.AttachAsync(As(_otherTeacher), entry.Id, [TestFiles.Pdf("fiche.pdf")])).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Logbook.AttachAsync(As(_f.StudentA), entry.Id, [TestFiles.Pdf("fiche.pdf")])).Kind
        );
        Assert.Equal(0, TestFiles.FilesOnDisk(_database.Directory));
        Assert.True((await Logbook.AttachAsync(As(_f.TeacherA), entry.Id, [TestFiles.Pdf("fiche.pdf")])).Succeeded);

        var seen = (await Logbook.ListAsync(As(_f.StudentA), Monday, Monday)).Single().Attachments.Single();
        Assert.Equal("fiche.pdf", seen.Name);
        var files = _database.Get<Enoe.Data.Storage.FileStore>();
        async Task<bool> Reads(Person p)
        {
            var opened = await files.OpenAsync(As(p), seen.Id);
            if (opened is null)
                return false;
            await opened.Value.Content.DisposeAsync();
            return true;
        }
        Assert.True(await Reads(_f.StudentA));
        Assert.True(await Reads(_f.ParentA));
        Assert.True(await Reads(_f.StaffA)); // the direction reads every class
        Assert.False(await Reads(_otherStudent));
        Assert.False(await Reads(_otherParent));

        Assert.Equal(ResultKind.Forbidden, (await Logbook.DetachAsync(As(_otherTeacher), entry.Id, seen.Id)).Kind);
        Assert.True((await Logbook.DetachAsync(As(_f.TeacherA), entry.Id, seen.Id)).Succeeded);
        Assert.Empty((await Logbook.ListAsync(As(_f.StudentA), Monday, Monday)).Single().Attachments);
        Assert.Equal(0, TestFiles.FilesOnDisk(_database.Directory));
    }
}
