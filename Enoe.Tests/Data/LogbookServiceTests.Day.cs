using Enoe.Data.Logbook;

namespace Enoe.Tests.Data;

/// <summary>
/// "Mon carnet"'s day, read at once: the same entries, rights and ticks as the two lists it replaces.
/// </summary>
public sealed partial class LogbookServiceTests
{
    [Fact]
    public async Task ADay_IsWhatTheTwoListsGive_ForAStudentAndTheirParent()
    {
        await Logbook.SaveAsync(As(_f.TeacherA), Draft("Séance du lundi"));
        var wednesday = Draft("Séance du mercredi", homework: "Rédaction");
        wednesday.SessionDate = Monday.AddDays(2);
        wednesday.HomeworkDueDate = Monday.AddDays(4);
        var later = (await Logbook.SaveAsync(As(_f.TeacherA), wednesday)).Value!;
        await Logbook.SaveAsync(As(_f.TeacherA), Draft("Sans devoirs", homework: null));
        await Logbook.SetDoneAsync(As(_f.StudentA), later.Id, true);
        var to = Monday.AddDays(7);

        foreach (var (reader, child) in new[] { (_f.StudentA, (int?)null), (_f.ParentA, _f.StudentA.Id) })
        {
            var day = await Logbook.DayAsync(As(reader), Monday, to, child);
            var sessions = await Logbook.ListAsync(As(reader), Monday, Monday, studentId: child);
            Assert.Equal(sessions.Select(Shown), day.Sessions.Select(Shown));
            var homework = await Logbook.ListAsync(As(reader), Monday, to, studentId: child, byDueDate: true);
            Assert.Equal(homework.Where(e => e.Homework is not null).Select(Shown), day.Homework.Select(Shown));
            Assert.Equal(["Exercices 4 à 7 p. 52", "Rédaction"], day.Homework.Select(e => e.Homework ?? ""));
            Assert.True(day.Homework.Single(e => e.Id == later.Id).Done); // the student's tick, for the parent too
        }
    }

    private static (int, string, bool, int) Shown(LogbookEntryView e) => (e.Id, e.Content, e.Done, e.Attachments.Count);

    [Fact]
    public async Task ADay_ShowsNothingOfAnotherFamily_AndNoHomeworkWhenNotAsked()
    {
        await Logbook.SaveAsync(As(_f.TeacherA), Draft());

        var other = await Logbook.DayAsync(As(_f.ParentA), Monday, Monday.AddDays(7), _otherStudent.Id);
        Assert.Empty(other.Sessions);
        Assert.Empty(other.Homework);
        var teacher = await Logbook.DayAsync(As(_f.TeacherA), Monday, homeworkTo: null);
        Assert.Single(teacher.Sessions);
        Assert.Empty(teacher.Homework);
    }
}
