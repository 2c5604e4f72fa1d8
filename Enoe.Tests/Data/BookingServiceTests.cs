using System.Globalization;
using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class BookingServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 23); // the fake clock says Friday 20 November 2026
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private int _room,
        _tablets,
        _lab;
    private BookingService Bookings => _database.Get<BookingService>();
    private CurrentUser Teacher => TwoSchools.As(_f.TeacherA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        var rooms = new ResourceCategory { SchoolId = _f.A.Id, Name = "Salles" };
        var equipment = new ResourceCategory { SchoolId = _f.A.Id, Name = "Matériel" };
        BookableResource Room(string name) =>
            new()
            {
                SchoolId = _f.A.Id,
                Category = rooms,
                Name = name,
            };
        var room = Room("Salle informatique");
        var lab = Room("Laboratoire");
        lab.NeedsApproval = true;
        lab.ManagerId = _f.StaffA.Id;
        var tablets = new BookableResource
        {
            SchoolId = _f.A.Id,
            Category = equipment,
            Name = "Chariot de tablettes",
            Kind = ResourceKind.Equipment,
            Units = 5,
        };
        db.AddRange(room, lab, tablets);
        db.Add(
            new HolidayPeriod
            {
                Name = "Vacances de Noël",
                From = new(2026, 12, 19),
                To = new(2027, 1, 3),
            }
        );
        await db.SaveChangesAsync();
        (_room, _tablets, _lab) = (room.Id, tablets.Id, lab.Id);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private BookingRequest M3(int resource, int units = 1, DateOnly? date = null) =>
        new(resource, date ?? Monday, new(10, 5), new(11, 0), units, "Cours");

    [Fact]
    public async Task TwoHundredConcurrentRequestsForOneRoom_ExactlyOneWins_AndNoExceptionEscapes()
    {
        var results = await RaceAsync(200, () => M3(_room));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(
            results.Where(r => !r.Succeeded),
            r => Assert.Equal("« Salle informatique » est déjà réservé sur ce créneau.", r.Errors[0])
        );
        await AssertNeverOverbookedAsync(_room, 1);
    }

    [Fact]
    public async Task TwoHundredConcurrentRequestsForFiveTablets_ExactlyFiveWin()
    {
        var results = await RaceAsync(200, () => M3(_tablets));

        Assert.Equal(5, results.Count(r => r.Succeeded));
        const string Taken = "« Chariot de tablettes » est déjà réservé : 0 unité(s) libre(s) sur 5";
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.StartsWith(Taken, r.Errors[0]));
        await AssertNeverOverbookedAsync(_tablets, 5);
    }

    /// <summary>Each request through its own context, all released together.</summary>
    private Task<Result<BookingView>[]> RaceAsync(int count, Func<BookingRequest> request) =>
        Race.AtOnceAsync(count, _ => Bookings.BookAsync(Teacher, request()));

    private async Task AssertNeverOverbookedAsync(int resourceId, int units)
    {
        await using var db = _database.NewContext();
        var stored = await db.Set<Booking>().Where(b => b.ResourceId == resourceId).ToListAsync();
        Assert.Equal(units, stored.Sum(b => b.Units));
        foreach (var b in stored)
            Assert.True(stored.Where(o => o.StartsAt < b.EndsAt && o.EndsAt > b.StartsAt).Sum(o => o.Units) <= units);
    }

    [Fact]
    public async Task Equipment_CountsOnlyWhatOverlapsAtTheSameInstant()
    {
        Assert.True((await Bookings.BookAsync(Teacher, new(_tablets, Monday, new(8, 0), new(9, 0), 4))).Succeeded);
        // Back-to-back, not overlapping
        Assert.True((await Bookings.BookAsync(Teacher, new(_tablets, Monday, new(9, 0), new(10, 0), 4))).Succeeded);
        // 4 + 1 at 8:30 and at 9:00
        Assert.True((await Bookings.BookAsync(Teacher, new(_tablets, Monday, new(8, 30), new(9, 30), 1))).Succeeded);
        var tooMany = await Bookings.BookAsync(Teacher, new(_tablets, Monday, new(8, 45), new(9, 15), 1));
        Assert.Equal(
            "« Chariot de tablettes » est déjà réservé : 0 unité(s) libre(s) sur 5 sur ce créneau.",
            tooMany.Errors[0]
        );
    }

    [Theory]
    [InlineData(11, 0, 10, 5, "La fin doit être après le début.")]
    [InlineData(6, 0, 7, 0, "« Salle informatique » se réserve de 07:30 à 18:30.")]
    [InlineData(18, 0, 19, 0, "« Salle informatique » se réserve de 07:30 à 18:30.")]
    public async Task BadPeriods_GetFrenchMessages_AndNothingIsSaved(
        int fromHour,
        int fromMinute,
        int toHour,
        int toMinute,
        string message
    )
    {
        var result = await Bookings.BookAsync(
            Teacher,
            new(_room, Monday, new(fromHour, fromMinute), new(toHour, toMinute))
        );
        Assert.Equal(ResultKind.Invalid, result.Kind);
        Assert.Contains(message, result.Errors);
        await AssertNothingBookedAsync();
    }

    [Fact]
    public async Task ThePast_AndBeyondTheHorizon_AreRefused()
    {
        Assert.Contains(
            "On ne réserve pas dans le passé.",
            (await Bookings.BookAsync(Teacher, M3(_room, date: new(2026, 11, 19)))).Errors
        );
        Assert.Contains(
            $"On réserve au plus {BookingService.HorizonDays} jours à l'avance.",
            (await Bookings.BookAsync(Teacher, M3(_room, date: Monday.AddDays(200)))).Errors
        );
        Assert.Contains(
            "Une seule unité pour cette ressource.",
            (await Bookings.BookAsync(Teacher, M3(_room, units: 2))).Errors
        );
        await AssertNothingBookedAsync();
    }

    [Fact]
    public async Task WhoMayBook_IsTheResourcesChoice_AndAnotherSchoolNeverSeesIt()
    {
        Assert.Equal(
            ResultKind.Forbidden,
            (await Bookings.BookAsync(TwoSchools.As(_f.StudentA, _f.A), M3(_room))).Kind
        );
        Assert.Equal(ResultKind.NotFound, (await Bookings.BookAsync(TwoSchools.As(_f.StaffB, _f.B), M3(_room))).Kind);
        Assert.Empty(await Bookings.ResourcesAsync(TwoSchools.As(_f.StaffB, _f.B)));
        await AssertNothingBookedAsync();
    }

    [Fact]
    public async Task InEnglish_TheServiceAnswersInEnglish()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.True(
                (await Bookings.BookAsync(TwoSchools.As(_f.StaffA, _f.A), M3(_room, date: Monday.AddDays(7)))).Succeeded
            );
            Assert.Equal(
                "“Salle informatique” is already booked at this time.",
                (await Bookings.BookAsync(Teacher, M3(_room, date: Monday.AddDays(7)))).Errors.Single()
            );
            Assert.Equal(
                "You cannot book in the past.",
                (await Bookings.BookAsync(Teacher, M3(_room, date: Monday.AddDays(-7)))).Errors.Single()
            );
            var series = await Bookings.BookSeriesAsync(
                Teacher,
                M3(_room),
                Monday.AddDays(7),
                [Monday, Monday.AddDays(7)]
            );
            Assert.Equal("1 week is already taken (30 Nov): nothing has been booked.", series.Errors.Single());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task ABookingNeedingApproval_IsPending_UntilItsManagerDecides_AndTheRequesterIsTold()
    {
        using var told = new Heard<BookingChanged>(_database.Get<IEventBus>());
        var asked = (await Bookings.BookAsync(Teacher, M3(_lab))).Value!;
        Assert.Equal(BookingStatus.Pending, asked.Status);
        // A pending booking holds the slot
        Assert.False((await Bookings.BookAsync(TwoSchools.As(_f.AdminA, _f.A), M3(_lab))).Succeeded);

        Assert.Equal(ResultKind.Forbidden, (await Bookings.DecideAsync(Teacher, asked.Id, approve: true)).Kind);
        var manager = TwoSchools.As(_f.StaffA, _f.A);
        Assert.Equal([asked.Id], (await Bookings.PendingAsync(manager)).Select(b => b.Id));
        Assert.True((await Bookings.DecideAsync(manager, asked.Id, approve: true)).Succeeded);

        Assert.Equal(BookingStatus.Approved, (await Bookings.UpcomingAsync(Teacher)).Single().Status);
        await _database.DeliveredAsync();
        Assert.Equal(2, told.Events.Count(e => e.PersonId == _f.TeacherA.Id && e.BookingId == asked.Id));
        Assert.Empty(await Bookings.PendingAsync(manager));
    }

    [Fact]
    public async Task TheQuickSearch_OffersWhatIsFreeForTheSlot()
    {
        await Bookings.BookAsync(Teacher, M3(_room));
        await Bookings.BookAsync(Teacher, M3(_tablets, units: 3));
        var free = await Bookings.FreeAsync(Teacher, Monday, new(10, 5), new(11, 0));
        Assert.Equal(["Chariot de tablettes", "Laboratoire"], free.Select(r => r.Name).Order());
    }

    [Fact]
    public async Task Cancelling_IsForTheAuthorTheManagerOrTheDirection()
    {
        await _database.GiveAsync(_f.AdminA, _f.A, StaffFunction.Direction); // the admin is also the principal
        var booking = (await Bookings.BookAsync(Teacher, M3(_room))).Value!;
        Assert.Equal(
            ResultKind.Forbidden,
            (await Bookings.CancelAsync(TwoSchools.As(_f.StudentA, _f.A), booking.Id)).Kind
        );
        Assert.True((await Bookings.CancelAsync(TwoSchools.As(_f.AdminA, _f.A), booking.Id)).Succeeded);
        // The slot is free again
        Assert.True((await Bookings.BookAsync(TwoSchools.As(_f.StaffA, _f.A), M3(_room))).Succeeded);
    }

    private async Task AssertNothingBookedAsync()
    {
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Set<Booking>().CountAsync());
    }

    [Fact]
    public async Task TheAdmin_AddsAndRemovesTheSchoolsOwnHolidays_NeverTheAcademys()
    {
        var admin = TwoSchools.As(_f.AdminA, _f.A);
        Assert.Equal(
            ResultKind.Forbidden,
            (await Bookings.AddHolidayAsync(Teacher, "Pont", new(2026, 12, 7), new(2026, 12, 8))).Kind
        );
        Assert.Equal(
            ResultKind.Invalid,
            (await Bookings.AddHolidayAsync(admin, "Pont", new(2026, 12, 8), new(2026, 12, 7))).Kind
        );
        Assert.True((await Bookings.AddHolidayAsync(admin, "Pont", new(2026, 12, 7), new(2026, 12, 8))).Succeeded);
        var holidays = await Bookings.HolidaysAsync(_f.A.Id);
        Assert.Equal(["Pont", "Vacances de Noël"], holidays.Select(h => h.Name));
        Assert.Equal(
            OccurrenceState.Holiday,
            (await Bookings.PlanSeriesAsync(Teacher, M3(_room, date: new(2026, 12, 7)), new(2026, 12, 7)))
                .Value!.Single()
                .State
        );

        Assert.Equal(
            ResultKind.NotFound,
            (await Bookings.DeleteHolidayAsync(admin, holidays.Single(h => h.SchoolId is null).Id)).Kind
        );
        Assert.True((await Bookings.DeleteHolidayAsync(admin, holidays.Single(h => h.Name == "Pont").Id)).Succeeded);
        Assert.Equal(["Vacances de Noël"], (await Bookings.HolidaysAsync(_f.A.Id)).Select(h => h.Name));
    }
}
