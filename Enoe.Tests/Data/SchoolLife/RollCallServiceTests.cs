using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.SchoolLife;

/// <summary>The roll call: the lesson's list, one tap per student saved at once, only by whom it belongs to.</summary>
public sealed class RollCallServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = TimetableFixture.Monday; // before the test clock's Friday 20 November
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private TimetableFixture _t = default!;
    private int _second;
    private RollCallService RollCalls => _database.Get<RollCallService>();
    private CurrentUser Teacher => TwoSchools.As(_f.TeacherA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        _t = await TimetableFixture.CreateAsync(_database, _f);
        await using var db = _database.NewContext();
        var second = new Person
        {
            FirstName = "Zoé",
            LastName = "Arnaud",
            UserName = "zoe.arnaud",
        };
        second.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = Profile.Student });
        db.Add(second);
        db.Add(new Enrolment { Student = second, SchoolClassId = _f.ClassA.Id });
        await db.SaveChangesAsync();
        _second = second.Id;
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task TheTeacher_MarksOneAbsentAndOneLate_SavedAtOnce_SeenByTheVieScolaire()
    {
        using var heard = new Heard<AttendanceChanged>(_database.Get<IEventBus>());

        var sheet = (await RollCalls.SheetAsync(Teacher, _t.Maths.Id, Monday)).Value!;
        Assert.Equal(["ARNAUD Zoé", "TEST StudentA"], sheet.Students.Select(s => s.Name));
        Assert.All(sheet.Students, s => Assert.Equal(Presence.Present, s.Mark));

        Assert.True(
            (await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent)).Succeeded
        );
        Assert.True((await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _second, Presence.Late, 12)).Succeeded);
        await _database.Get<IEventBus>().WhenIdleAsync();

        var marked = (await RollCalls.SheetAsync(Teacher, _t.Maths.Id, Monday)).Value!;
        Assert.Equal(
            [(Presence.Late, (int?)12), (Presence.Absent, null)],
            marked.Students.Select(s => (s.Mark, s.MinutesLate))
        );
        // Each mark is announced; the bus runs handlers side by side, so in no particular order.
        Assert.Equal(new[] { _f.StudentA.Id, _second }.Order(), heard.Events.Select(e => e.StudentId).Order());
        var day = (await _database.Get<AttendanceService>().DayAsync(TwoSchools.As(_f.StaffA, _f.A), Monday)).Value!;
        Assert.Equal(2, day.Absences.Count);
        Assert.Equal("MATHS", day.Absences[0].Subject);
        // Begun, not finished ("Appel terminé" not pressed): still listed, as begun.
        Assert.True(day.MissingRollCalls.Single(m => m.LessonId == _t.Maths.Id).Begun);

        // Marked present again (they were in the corridor): the absence goes.
        await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Present);
        Assert.Single(
            (await _database.Get<AttendanceService>().DayAsync(TwoSchools.As(_f.StaffA, _f.A), Monday)).Value!.Absences
        );
    }

    [Fact]
    public async Task ARollCallWithEveryonePresent_IsDone_AndLeavesTheMissingList()
    {
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        var tuesday = Monday.AddDays(1);
        var before = (await _database.Get<AttendanceService>().DayAsync(staff, tuesday)).Value!;
        Assert.Contains(before.MissingRollCalls, m => m.LessonId == _t.SvtA.Id); // week A: SVT, not physics

        Assert.True((await RollCalls.CompleteAsync(Teacher, _t.SvtA.Id, tuesday)).Succeeded);

        var after = (await _database.Get<AttendanceService>().DayAsync(staff, tuesday)).Value!;
        Assert.Empty(after.MissingRollCalls);
        Assert.True((await RollCalls.SheetAsync(Teacher, _t.SvtA.Id, tuesday)).Value!.Completed);
    }

    [Fact]
    public async Task OthersLessons_StudentsOutsideTheLesson_DaysToCome_AndDaysWithoutTheLesson_AreRefused()
    {
        var other = TwoSchools.As(_f.StaffB, _f.B);

        Assert.Equal(ResultKind.Forbidden, (await RollCalls.SheetAsync(other, _t.Maths.Id, Monday)).Kind);
        Assert.Equal(
            ResultKind.Forbidden,
            (await RollCalls.SheetAsync(TwoSchools.As(_f.ParentA, _f.A), _t.Maths.Id, Monday)).Kind
        );
        Assert.Equal(
            ["Cet élève n'est pas de ce cours."],
            (await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.ParentA.Id, Presence.Absent)).Errors
        );
        Assert.Equal(
            ["L'appel se fait le jour du cours, pas avant."],
            (await RollCalls.SheetAsync(Teacher, _t.Maths.Id, Monday.AddDays(7))).Errors
        );
        Assert.Equal(
            ["Ce cours n'a pas lieu ce jour-là."],
            (await RollCalls.SheetAsync(Teacher, _t.PhysicsB.Id, Monday.AddDays(1))).Errors // week A
        );
        // The vie scolaire takes any roll call of its établissement.
        Assert.True((await RollCalls.SheetAsync(TwoSchools.As(_f.StaffA, _f.A), _t.Maths.Id, Monday)).Succeeded);
    }

    [Fact]
    public async Task AJustifiedAbsence_IsNotUndoneByATap_AndATeacherWhoLeftTakesNoRollCall()
    {
        await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent);
        var attendance = _database.Get<AttendanceService>();
        var absence = (await attendance.StudentAsync(TwoSchools.As(_f.ParentA, _f.A), null, Monday)).Value!.Items[0];
        var illness = (await attendance.MotivesAsync(TwoSchools.As(_f.StaffA, _f.A))).Value![0].Id;
        await attendance.JustifyAsync(
            TwoSchools.As(_f.ParentA, _f.A),
            [new(absence.Id, absence.Version)],
            illness,
            null,
            []
        );

        var tap = await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Present);

        Assert.Equal(ResultKind.Conflict, tap.Kind);
        Assert.Single((await attendance.StudentAsync(TwoSchools.As(_f.ParentA, _f.A), null, Monday)).Value!.Items);
        await using (var db = _database.NewContext())
            await db.Memberships.Where(m => m.PersonId == _f.TeacherA.Id && m.SchoolId == _f.A.Id).ExecuteDeleteAsync();
        Assert.Equal(ResultKind.Forbidden, (await RollCalls.SheetAsync(Teacher, _t.Maths.Id, Monday)).Kind);
    }

    [Fact]
    public async Task AHalfDayTheFamilyReported_JustifiesTheLessonsAbsences_BeforeAndAfterTheRollCall()
    {
        var cpe = TwoSchools.As(_f.StaffA, _f.A);
        var attendance = _database.Get<AttendanceService>();
        var tuesday = Monday.AddDays(1);
        await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent);

        // Monday: marked first, then the mother calls. Tuesday: she called first, then the roll call.
        var motives = (await attendance.MotivesAsync(cpe)).Value!;
        await attendance.ReportAsync(cpe, new(_f.StudentA.Id, Monday, DayPart.Morning, motives[0].Id, null));
        await attendance.ReportAsync(cpe, new(_f.StudentA.Id, tuesday, DayPart.Morning, motives[1].Id, null));
        await RollCalls.MarkAsync(Teacher, _t.SvtA.Id, tuesday, _f.StudentA.Id, Presence.Absent);

        var items = (await attendance.StudentAsync(cpe, _f.StudentA.Id, Monday)).Value!;
        Assert.All(items.Items, a => Assert.Equal(JustificationStatus.Accepted, a.Justification));
        Assert.Equal(new AttendanceCounts(2, 0, 0), items.Counts);
        Assert.Contains(items.Items, a => a.Date == tuesday && a.Subject != null && a.Motive == "Rendez-vous médical");
    }
}
