using Bunit;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Enoe.Widgets.Logbook;

namespace Enoe.Tests.Components;

/// <summary>The carnet's new session, filled from the teacher's lesson of the day in the timetable.</summary>
public sealed class LogbookPageTimetableTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        await using var db = Database.NewContext();
        var maths = new Subject
        {
            SchoolId = F.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        db.Add(
            new TeachingAssignment
            {
                TeacherId = F.TeacherA.Id,
                Subject = maths,
                SchoolClassId = F.ClassA.Id,
            }
        );
        // The test clock says Friday 20 November 2026, 10:00 in Paris.
        db.Add(
            new Lesson
            {
                SchoolId = F.A.Id,
                Day = DayOfWeek.Friday,
                StartsAt = new(10, 5),
                EndsAt = new(11, 0),
                SchoolClassId = F.ClassA.Id,
                Subject = maths,
                TeacherId = F.TeacherA.Id,
                Room = "Salle 101",
            }
        );
        await db.SaveChangesAsync();
        JSInterop.SetupConfirmDialog();
    }

    [Fact]
    public void TodaysLesson_FillsTheNewSession()
    {
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
        var page = Render<LogbookPage>();

        page.WaitForAssertion(() =>
            page.Find("button[aria-label='Remplir pour le cours de 10:05–11:00, 6eA – Mathématiques']").Click()
        );

        page.WaitForAssertion(() =>
            Assert.Equal("10:05:00", page.FindAll("input[type=time]")[0].GetAttribute("value"))
        );
        Assert.Equal("11:00:00", page.FindAll("input[type=time]")[1].GetAttribute("value"));
        Assert.Equal("2026-11-20", page.Find("#lb-date").GetAttribute("value"));
    }
}
