using Enoe.Data.Bookings;
using Enoe.Data.People;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data.Timetable;

/// <summary>A room the timetable holds is not offered for booking; a cancelled lesson frees it at once.</summary>
public sealed class RoomsInUseTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = TimetableFixture.Monday;
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private TimetableFixture _t = default!;
    private CurrentUser Teacher => TwoSchools.As(_f.TeacherA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        _t = await TimetableFixture.CreateAsync(_database, _f);
        await using var db = _database.NewContext();
        var rooms = new ResourceCategory { SchoolId = _f.A.Id, Name = "Salles" };
        db.AddRange(
            new BookableResource
            {
                SchoolId = _f.A.Id,
                Category = rooms,
                Name = "Salle 101",
            },
            new BookableResource
            {
                SchoolId = _f.A.Id,
                Category = rooms,
                Name = "Labo 2",
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<IEnumerable<string>> FreeAsync(DateOnly day, int hour, int minute) =>
        (
            await _database
                .Get<BookingService>()
                .FreeAsync(Teacher, day, new(hour, minute), new TimeOnly(hour, minute).AddMinutes(55))
        ).Select(r => r.Name);

    [Fact]
    public async Task ARoomWithALesson_IsNotFree_UntilTheLessonIsCancelled()
    {
        Assert.Equal(["Labo 2"], await FreeAsync(Monday, 8, 0));
        Assert.Equal(["Labo 2", "Salle 101"], (await FreeAsync(Monday, 9, 0)).Order());

        var cancelled = await _database
            .Get<TimetableService>()
            .ChangeAsync(
                TwoSchools.As(_f.StaffA, _f.A),
                new(_t.Maths.Id, Monday, LessonChangeKind.Cancelled, "Professeur absent")
            );

        Assert.True(cancelled.Succeeded);
        Assert.Equal(["Labo 2", "Salle 101"], (await FreeAsync(Monday, 8, 0)).Order());
        Assert.Equal(["Labo 2"], await FreeAsync(Monday.AddDays(7), 8, 0)); // the next Monday's is held
    }

    [Fact]
    public async Task ALessonMovedIntoARoom_HoldsIt()
    {
        var tuesday = Monday.AddDays(1);
        Assert.Equal(["Labo 2", "Salle 101"], (await FreeAsync(tuesday, 10, 5)).Order());

        await _database
            .Get<TimetableService>()
            .ChangeAsync(
                TwoSchools.As(_f.StaffA, _f.A),
                new(_t.SvtA.Id, tuesday, LessonChangeKind.RoomChanged, "Travaux", "Labo 2")
            );

        Assert.Equal(["Salle 101"], await FreeAsync(tuesday, 10, 5));
    }

    [Fact]
    public async Task BookingARoomHeldByALesson_IsRefused_AndWritesNothing()
    {
        var bookings = _database.Get<BookingService>();
        var room = (await bookings.ResourcesAsync(Teacher)).Single(r => r.Name == "Salle 101");
        // The test clock says Friday 20 November: next Monday's maths lesson holds Salle 101 at 08:00.
        var monday = Monday.AddDays(7);

        var result = await bookings.BookAsync(Teacher, new(room.Id, monday, new(8, 0), new(8, 55), 1, "Réunion"));
        var after = await bookings.BookAsync(Teacher, new(room.Id, monday, new(9, 0), new(9, 55), 1, "Réunion"));

        Assert.Equal(["« Salle 101 » accueille un cours de l'emploi du temps sur ce créneau."], result.Errors);
        Assert.True(after.Succeeded, string.Join(" ", after.Errors));
    }
}
