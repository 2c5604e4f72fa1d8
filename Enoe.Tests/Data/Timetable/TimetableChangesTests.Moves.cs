using Enoe.Data.Common;
using Enoe.Data.Structure;
using Enoe.Data.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.Timetable;

/// <summary>
/// Where a lesson may be moved: never onto a Sunday or a holiday; onto other lessons of its class, teacher or room only
/// once the direction confirms.
/// </summary>
public sealed partial class TimetableChangesTests
{
    private LessonChangeDraft MoveMaths(DateOnly to, TimeOnly at, string? room = null, bool confirmed = false) =>
        new(_t.Maths.Id, Monday, LessonChangeKind.Moved, "Sortie", room, to, at, at.AddMinutes(55), confirmed);

    private async Task<int> ChangesAsync()
    {
        await using var db = _database.NewContext();
        return await db.Set<LessonChange>().CountAsync();
    }

    [Fact]
    public async Task AMoveOntoASunday_IsRefusedInFrench_AndChangesNothing()
    {
        var result = await Timetable.ChangeAsync(Direction, MoveMaths(Monday.AddDays(6), new(10, 0)));

        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Equal(["Le dimanche, l'établissement est fermé : choisissez un autre jour."], result.Errors);
        Assert.Equal(0, await ChangesAsync());
    }

    [Fact]
    public async Task AMoveOntoAnotherLessonOfTheClass_IsReported_AndWrittenOnlyOnceConfirmed()
    {
        var tuesday = Monday.AddDays(1); // SVT of 6eA with TeacherA, 10:05–11:00 (a week A)

        var warned = await Timetable.ChangeAsync(Direction, MoveMaths(tuesday, new(10, 30)));

        Assert.Equal(ResultKind.Conflict, warned.Kind);
        Assert.Contains("confirmez le déplacement", Assert.Single(warned.Errors));
        var collisions = Assert.IsType<Result<IReadOnlyList<string>>>(warned).Value!;
        Assert.Equal(["SVT, 10:05–11:00 : 6eA · TeacherA Test · Labo 1"], collisions);
        Assert.Equal(0, await ChangesAsync());

        var confirmed = await Timetable.ChangeAsync(Direction, MoveMaths(tuesday, new(10, 30), confirmed: true));

        Assert.True(confirmed.Succeeded, string.Join(" ", confirmed.Errors));
        Assert.Equal(1, await ChangesAsync());
    }

    [Fact]
    public async Task AMoveIntoARoomTakenByAnotherClass_IsReported_AFreeSlotIsNot()
    {
        var wednesday = Monday.AddDays(2);
        await using (var db = _database.NewContext())
        {
            db.Add(
                new Lesson
                {
                    SchoolId = _f.A.Id,
                    Day = DayOfWeek.Wednesday,
                    StartsAt = new(14, 0),
                    EndsAt = new(14, 55),
                    SchoolClass = new SchoolClass
                    {
                        SchoolId = _f.A.Id,
                        LevelId = 1,
                        Name = "5eA",
                    },
                    SubjectId = _t.SvtA.SubjectId,
                    TeacherId = _f.AdminA.Id,
                    Room = "Labo 2",
                }
            );
            await db.SaveChangesAsync();
        }

        var inTheLab = await Timetable.ChangeAsync(Direction, MoveMaths(wednesday, new(14, 30), room: "labo 2"));
        var elsewhere = await Timetable.ChangeAsync(Direction, MoveMaths(wednesday, new(14, 30), room: "CDI"));

        Assert.Equal(ResultKind.Conflict, inTheLab.Kind);
        Assert.Contains("5eA", Assert.Single(Assert.IsType<Result<IReadOnlyList<string>>>(inTheLab).Value!));
        Assert.True(elsewhere.Succeeded, string.Join(" ", elsewhere.Errors));
    }
}
