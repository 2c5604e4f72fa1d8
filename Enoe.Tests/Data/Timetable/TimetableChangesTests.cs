using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.Timetable;

/// <summary>One occurrence cancelled, moved or in another room, by the direction or the vie scolaire only.</summary>
public sealed partial class TimetableChangesTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = TimetableFixture.Monday;
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private TimetableFixture _t = default!;
    private TimetableService Timetable => _database.Get<TimetableService>();
    private CurrentUser Direction => TwoSchools.As(_f.StaffA, _f.A);
    private CurrentUser Student => TwoSchools.As(_f.StudentA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        _t = await TimetableFixture.CreateAsync(_database, _f);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<IReadOnlyList<LessonView>> StudentWeekAsync() =>
        [.. (await Timetable.WeekAsync(Student, TimetableOf.Mine, Monday)).Value!.Days.SelectMany(d => d.Lessons)];

    [Fact]
    public async Task ACancellation_ReachesTheStudentsWeek_WithItsReason_AndIsAnnounced()
    {
        using var heard = new Heard<LessonChanged>(_database.Get<IEventBus>());

        var result = await Timetable.ChangeAsync(
            Direction,
            new(_t.Maths.Id, Monday, LessonChangeKind.Cancelled, " Professeur absent ")
        );
        await _database.Get<IEventBus>().WhenIdleAsync();

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var maths = (await StudentWeekAsync()).Single(l => l.Subject == "MATHS");
        Assert.Equal(
            (LessonStatus.Cancelled, "Professeur absent", false),
            (maths.Status, maths.Reason, maths.TakesPlace)
        );
        var announced = Assert.Single(heard.Events);
        Assert.Equal(
            (_f.A.Id, _f.ClassA.Id, _f.TeacherA.Id, Monday),
            (announced.SchoolId, announced.ClassId, announced.TeacherId, announced.Date)
        );
        // The next week is as planned.
        var next = await Timetable.WeekAsync(Student, TimetableOf.Mine, Monday.AddDays(7));
        Assert.Equal(LessonStatus.AsPlanned, next.Value!.Days[0].Lessons.Single().Status);
    }

    [Fact]
    public async Task AMove_ShowsWhereTheLessonWas_AndWhereItGoes_ThenUndoingRestoresIt()
    {
        var wednesday = Monday.AddDays(2);
        var moved = await Timetable.ChangeAsync(
            Direction,
            new(
                _t.Maths.Id,
                Monday,
                LessonChangeKind.Moved,
                "Sortie au musée",
                "CDI",
                wednesday,
                new(14, 0),
                new(15, 0)
            )
        );
        Assert.True(moved.Succeeded, string.Join(" ", moved.Errors));

        var week = await StudentWeekAsync();
        var away = week.Single(l => l.Date == Monday && l.Subject == "MATHS");
        var here = week.Single(l => l.Date == wednesday && l.Subject == "MATHS");
        Assert.Equal((LessonStatus.MovedAway, wednesday.ToDateTime(new TimeOnly(14, 0))), (away.Status, away.MovedTo));
        Assert.Equal(
            (LessonStatus.MovedHere, Monday, "CDI", new TimeOnly(14, 0)),
            (here.Status, here.MovedFrom, here.Room, here.StartsAt)
        );
        var cdi = await Timetable.WeekAsync(Direction, new(TimetableKind.Room, Room: "CDI"), Monday);
        Assert.Equal([wednesday], cdi.Value!.Days.SelectMany(d => d.Lessons).Select(l => l.Date));

        var undone = await Timetable.UndoChangeAsync(Direction, _t.Maths.Id, Monday);

        Assert.True(undone.Succeeded);
        Assert.All(await StudentWeekAsync(), l => Assert.Equal(LessonStatus.AsPlanned, l.Status));
    }

    [Fact]
    public async Task ARoomChange_ShowsTheNewRoom_AndFreesTheOldOne()
    {
        var result = await Timetable.ChangeAsync(
            Direction,
            new(_t.SvtA.Id, Monday.AddDays(1), LessonChangeKind.RoomChanged, "Travaux", "Labo 2")
        );

        Assert.True(result.Succeeded);
        var svt = (await StudentWeekAsync()).Single(l => l.Subject == "SVT");
        Assert.Equal((LessonStatus.RoomChanged, "Labo 2", "Labo 1"), (svt.Status, svt.Room, svt.PlannedRoom));
        var labo1 = await Timetable.WeekAsync(Direction, new(TimetableKind.Room, Room: "Labo 1"), Monday);
        Assert.Empty(labo1.Value!.Days.SelectMany(d => d.Lessons));
    }

    [Fact]
    public async Task ASecondChangeOfTheSameOccurrence_ReplacesTheFirst()
    {
        await Timetable.ChangeAsync(Direction, new(_t.Maths.Id, Monday, LessonChangeKind.Cancelled, "Grève"));
        await Timetable.ChangeAsync(
            Direction,
            new(_t.Maths.Id, Monday, LessonChangeKind.RoomChanged, "Finalement assuré", "Salle 102")
        );

        await using var db = _database.NewContext();
        var change = await db.Set<LessonChange>().SingleAsync();
        Assert.Equal(
            (LessonChangeKind.RoomChanged, "Salle 102", "Finalement assuré"),
            (change.Kind, change.NewRoom, change.Reason)
        );
    }

    [Fact]
    public async Task BadChanges_AreRefusedInFrench_AndChangeNothing()
    {
        async Task<IReadOnlyList<string>> Errors(LessonChangeDraft draft) =>
            (await Timetable.ChangeAsync(Direction, draft)).Errors;

        Assert.Equal(
            ["Ce cours n'a pas lieu ce jour-là."],
            await Errors(new(_t.Maths.Id, Monday.AddDays(1), LessonChangeKind.Cancelled, "x"))
        );
        Assert.Equal(
            ["Ce cours n'a pas lieu ce jour-là."],
            await Errors(new(_t.PhysicsB.Id, Monday.AddDays(1), LessonChangeKind.Cancelled, "week B only"))
        );
        Assert.Equal(
            ["Indiquez le motif : les élèves et les familles le liront."],
            await Errors(new(_t.Maths.Id, Monday, LessonChangeKind.Cancelled, "  "))
        );
        Assert.Equal(
            ["Indiquez la nouvelle salle."],
            await Errors(new(_t.Maths.Id, Monday, LessonChangeKind.RoomChanged, "Travaux"))
        );
        Assert.Equal(
            ["Indiquez le jour et les heures où le cours a lieu à la place."],
            await Errors(new(_t.Maths.Id, Monday, LessonChangeKind.Moved, "Sortie"))
        );
        Assert.Equal(
            ["Ce jour-là est en congés (Vacances de Noël)."],
            await Errors(
                new(
                    _t.Maths.Id,
                    Monday,
                    LessonChangeKind.Moved,
                    "Sortie",
                    null,
                    new(2026, 12, 21),
                    new(8, 0),
                    new(8, 55)
                )
            )
        );
        Assert.Equal(
            ["La fin doit venir après le début."],
            await Errors(new(_t.Maths.Id, Monday, LessonChangeKind.Moved, "Sortie", null, Monday, new(9, 0), new(8, 0)))
        );
        await using var db = _database.NewContext();
        Assert.Empty(db.Set<LessonChange>());
    }

    [Fact]
    public async Task OnlyTheDirectionAndTheVieScolaire_ChangeLessons_InTheirEstablishment()
    {
        await _database.GiveAsync(_f.StaffA, _f.A, StaffFunction.Cpe);
        var cpe = Direction; // StaffA, now of the vie scolaire rather than the direction
        LessonChangeDraft Cancel() => new(_t.Maths.Id, Monday, LessonChangeKind.Cancelled, "Absent");

        Assert.Equal(
            ResultKind.Forbidden,
            (await Timetable.ChangeAsync(TwoSchools.As(_f.TeacherA, _f.A), Cancel())).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Timetable.ChangeAsync(TwoSchools.As(_f.AdminA, _f.A), Cancel())).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Timetable.ChangeAsync(TwoSchools.As(_f.StaffB, _f.B), Cancel())).Kind
        );
        Assert.Equal(ResultKind.Forbidden, (await Timetable.ChangeAsync(Student, Cancel())).Kind);
        Assert.False(await Timetable.CanChangeAsync(TwoSchools.As(_f.TeacherA, _f.A)));
        Assert.True(await Timetable.CanChangeAsync(cpe));
        Assert.True((await Timetable.ChangeAsync(cpe, Cancel())).Succeeded);
    }
}
