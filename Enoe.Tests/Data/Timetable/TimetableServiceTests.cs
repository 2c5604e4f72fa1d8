using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data.Timetable;

/// <summary>Each person's week: whose lessons, weeks A and B, holidays, and who may read which timetable.</summary>
public sealed class TimetableServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = TimetableFixture.Monday;
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private TimetableFixture _t = default!;
    private TimetableService Timetable => _database.Get<TimetableService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        _t = await TimetableFixture.CreateAsync(_database, _f);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<TimetableWeek> WeekAsync(CurrentUser user, TimetableOf of, DateOnly? day = null)
    {
        var week = await Timetable.WeekAsync(user, of, day ?? Monday);
        Assert.True(week.Succeeded, string.Join(" ", week.Errors));
        return week.Value!;
    }

    private static IEnumerable<(DayOfWeek, string)> Lessons(TimetableWeek week) =>
        week.Days.SelectMany(d => d.Lessons.Select(l => (d.Date.DayOfWeek, l.Subject)));

    [Fact]
    public async Task AStudent_SeesTheirClassAndGroup_OnWeekA_AndPhysicsOnWeekB()
    {
        var student = TwoSchools.As(_f.StudentA, _f.A);

        var weekA = await WeekAsync(student, TimetableOf.Mine);
        var weekB = await WeekAsync(student, TimetableOf.Mine, Monday.AddDays(7));

        // The 9–13 November holiday week does not count: 16 November is an A, 23 November a B.
        Assert.Equal((WeekPattern.A, WeekPattern.B), (weekA.Kind, weekB.Kind));
        Assert.Equal(
            [(DayOfWeek.Monday, "MATHS"), (DayOfWeek.Tuesday, "SVT"), (DayOfWeek.Thursday, "ESP")],
            Lessons(weekA)
        );
        Assert.Equal(
            [(DayOfWeek.Monday, "MATHS"), (DayOfWeek.Tuesday, "PC"), (DayOfWeek.Thursday, "ESP")],
            Lessons(weekB)
        );
        Assert.Equal(5, weekA.Days.Count); // no Saturday lesson
        var maths = weekA.Days[0].Lessons.Single();
        Assert.Equal(
            (new TimeOnly(8, 0), new TimeOnly(8, 55), "Salle 101", "TeacherA Test"),
            (maths.StartsAt, maths.EndsAt, maths.Room, maths.Teacher)
        );
    }

    [Fact]
    public async Task AHolidayWeek_ShowsTheHoliday_AndNoLesson()
    {
        var week = await WeekAsync(TwoSchools.As(_f.StudentA, _f.A), TimetableOf.Mine, new(2026, 11, 10));

        Assert.Null(week.Kind);
        Assert.All(week.Days, d => Assert.Equal(("Pont de novembre", 0), (d.Holiday, d.Lessons.Count)));
    }

    [Fact]
    public async Task AParent_SeesTheirChild_AndNoOtherChild()
    {
        var parent = TwoSchools.As(_f.ParentA, _f.A);

        var child = await WeekAsync(parent, TimetableOf.MineOr(_f.StudentA.Id));
        var someoneElse = await Timetable.WeekAsync(parent, new(TimetableKind.Student, _f.TeacherA.Id), Monday);
        var ownWithoutChild = await WeekAsync(parent, TimetableOf.Mine);

        Assert.Equal("StudentA Test", child.Title);
        Assert.Equal(3, Lessons(child).Count());
        Assert.Equal(ResultKind.Forbidden, someoneElse.Kind);
        Assert.Empty(Lessons(ownWithoutChild));
    }

    [Fact]
    public async Task ATeacher_SeesTheirLessonsInEveryEstablishment_WhereTheServiceRuns()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);

        var both = await WeekAsync(teacher, TimetableOf.Mine);
        await using (var db = _database.NewContext())
            await db.SwitchAsync(_f.B.Id, EntService.Timetable, on: false);
        await _database.Get<ServiceAccess>().ChangedAsync(_f.B.Id);
        var onlyA = await WeekAsync(teacher, TimetableOf.Mine);

        Assert.Contains((DayOfWeek.Wednesday, "MATHS"), Lessons(both));
        Assert.Equal(4, Lessons(both).Count()); // SVT and PC alternate: this week's one
        Assert.DoesNotContain((DayOfWeek.Wednesday, "MATHS"), Lessons(onlyA));
    }

    [Fact]
    public async Task ThePersonnel_OpenAnyClassGroupTeacherOrRoomOfTheirEstablishment_OthersAreRefused()
    {
        var staff = TwoSchools.As(_f.StaffA, _f.A);
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);

        var classA = await WeekAsync(staff, new(TimetableKind.Class, _f.ClassA.Id));
        var group = await WeekAsync(teacher, new(TimetableKind.Group, _t.Spanish.TeachingGroupId!.Value));
        var room = await WeekAsync(staff, new(TimetableKind.Room, Room: "Labo 1"));
        var ofTeacher = await WeekAsync(staff, new(TimetableKind.Teacher, _f.TeacherA.Id));
        var student = await WeekAsync(staff, new(TimetableKind.Student, _f.StudentA.Id));

        Assert.Equal(("6eA", 2), (classA.Title, Lessons(classA).Count()));
        Assert.Single(Lessons(group));
        Assert.Equal([(DayOfWeek.Tuesday, "SVT")], Lessons(room));
        Assert.Equal(3, Lessons(ofTeacher).Count()); // in the établissement asked from, not B
        Assert.Equal(3, Lessons(student).Count());

        // A student opening another class, the personnel of B opening A's class or student: refused.
        Assert.Equal(
            ResultKind.Forbidden,
            (
                await Timetable.WeekAsync(
                    TwoSchools.As(_f.StudentA, _f.A),
                    new(TimetableKind.Class, _t.ClassB.Id),
                    Monday
                )
            ).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (
                await Timetable.WeekAsync(
                    TwoSchools.As(_f.StaffB, _f.B),
                    new(TimetableKind.Class, _f.ClassA.Id),
                    Monday
                )
            ).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (
                await Timetable.WeekAsync(
                    TwoSchools.As(_f.StaffB, _f.B),
                    new(TimetableKind.Student, _f.StudentA.Id),
                    Monday
                )
            ).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (
                await Timetable.WeekAsync(
                    TwoSchools.As(_f.StudentA, _f.A),
                    new(TimetableKind.Room, Room: "Labo 1"),
                    Monday
                )
            ).Kind
        );
        Assert.Equal(TimetableChoices.None, await Timetable.ChoicesAsync(TwoSchools.As(_f.ParentA, _f.A)));
    }

    [Fact]
    public async Task TheChoices_ListTheEstablishmentsClassesGroupsTeachersAndRooms()
    {
        var choices = await Timetable.ChoicesAsync(TwoSchools.As(_f.TeacherA, _f.A));

        Assert.Equal(["6eA"], choices.Classes.Select(c => c.Name));
        Assert.Equal(["LV2 espagnol 6e"], choices.Groups.Select(g => g.Name));
        Assert.Equal([(_f.TeacherA.Id, "TEST TeacherA")], choices.Teachers);
        Assert.Equal(["Labo 1", "Salle 101", "Salle 204"], choices.Rooms);
    }

    [Fact]
    public async Task WhereTheServiceIsOff_TheWeekIsRefused()
    {
        await using (var db = _database.NewContext())
            await db.SwitchAsync(_f.A.Id, EntService.Timetable, on: false);
        await _database.Get<ServiceAccess>().ChangedAsync(_f.A.Id);

        var week = await Timetable.WeekAsync(
            TwoSchools.As(_f.StaffA, _f.A),
            new(TimetableKind.Class, _f.ClassA.Id),
            Monday
        );

        Assert.Equal(ResultKind.Forbidden, week.Kind);
    }
}
