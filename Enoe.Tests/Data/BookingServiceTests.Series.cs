using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Weekly series: holidays skipped, taken weeks reported before anything is saved, and decisions on a whole series.
/// </summary>
public sealed partial class BookingServiceTests
{
    [Fact]
    public async Task AWeeklySeries_SkipsTheHolidays_AndReportsTakenWeeksBeforeSavingAnything()
    {
        var other = TwoSchools.As(_f.StaffA, _f.A);
        // 7 December is taken
        Assert.True((await Bookings.BookAsync(other, M3(_room, date: Monday.AddDays(14)))).Succeeded);
        var until = new DateOnly(2027, 1, 11);

        // Its last week is beyond the horizon
        Assert.Contains(
            $"On réserve au plus {BookingService.HorizonDays} jours à l'avance.",
            (await Bookings.PlanSeriesAsync(Teacher, M3(_room), Monday.AddDays(7 * 30))).Errors
        );
        var plan = (await Bookings.PlanSeriesAsync(Teacher, M3(_room), until)).Value!;
        Assert.Equal(8, plan.Count);
        Assert.Equal(
            (OccurrenceState.Conflict, "StaffA Test"),
            plan.Where(o => o.Date == new DateOnly(2026, 12, 7)).Select(o => (o.State, o.Detail)).Single()
        );
        Assert.Equal(
            [new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 28)],
            plan.Where(o => o.State == OccurrenceState.Holiday).Select(o => o.Date)
        );
        await using (var db = _database.NewContext())
            Assert.Equal(1, await db.Set<Booking>().CountAsync()); // the plan saves nothing

        var refused = await Bookings.BookSeriesAsync(
            Teacher,
            M3(_room),
            until,
            [.. plan.Where(o => o.State != OccurrenceState.Holiday).Select(o => o.Date)]
        );
        Assert.Equal(ResultKind.Conflict, refused.Kind);
        Assert.Contains("1 semaine est déjà prise (7 déc.)", refused.Errors[0]);
        await using (var db = _database.NewContext())
            Assert.Equal(1, await db.Set<Booking>().CountAsync());

        var booked = await Bookings.BookSeriesAsync(Teacher, M3(_room), until, FreeWeeks(plan));
        Assert.Equal(5, booked.Value);
        var mine = await Bookings.CalendarAsync(Teacher, Monday, until, mine: true);
        Assert.Equal(5, mine.Count);
        Assert.Single(mine.Select(b => b.SeriesId).Distinct());

        Assert.True((await Bookings.CancelAsync(Teacher, mine[2].Id, restOfSeries: true)).Succeeded);
        Assert.Equal(2, (await Bookings.CalendarAsync(Teacher, Monday, until, mine: true)).Count);
    }

    private static DateOnly[] FreeWeeks(IEnumerable<Occurrence> plan) =>
        [.. plan.Where(o => o.State == OccurrenceState.Free).Select(o => o.Date)];

    [Fact]
    public async Task ASeries_BooksExactlyTheWeeksConfirmed_AndNothingWhenOneWasTakenAfterThePreview()
    {
        var until = Monday.AddDays(21);
        var plan = (await Bookings.PlanSeriesAsync(Teacher, M3(_room), until)).Value!;
        Assert.Equal(4, FreeWeeks(plan).Length);
        Assert.True(
            (await Bookings.BookAsync(TwoSchools.As(_f.StaffA, _f.A), M3(_room, date: Monday.AddDays(14)))).Succeeded
        ); // taken meanwhile

        var late = await Bookings.BookSeriesAsync(Teacher, M3(_room), until, FreeWeeks(plan));
        Assert.Equal(ResultKind.Conflict, late.Kind);
        Assert.Equal("1 semaine est déjà prise (7 déc.) : rien n'a été réservé.", late.Errors[0]);
        // A Tuesday is no week of a Monday series
        var stray = await Bookings.BookSeriesAsync(Teacher, M3(_room), until, [Monday, Monday.AddDays(1)]);
        Assert.Equal(
            "Rien n'a été réservé : ces dates ne sont pas des semaines libres de la série (24 nov.).",
            stray.Errors.Single()
        );
        Assert.Equal(ResultKind.Invalid, (await Bookings.BookSeriesAsync(Teacher, M3(_room), until, [])).Kind);
        await using (var db = _database.NewContext())
            Assert.Equal(1, await db.Set<Booking>().CountAsync());

        Assert.Equal(
            2,
            (await Bookings.BookSeriesAsync(Teacher, M3(_room), until, [Monday, Monday.AddDays(21)])).Value
        );
    }

    /// <summary>
    /// The teacher's pending series of a resource needing approval (its manager: StaffA) over four Mondays from 23
    /// November.
    /// </summary>
    private async Task<IReadOnlyList<BookingView>> RequestSeriesAsync(int resource)
    {
        var request = M3(resource);
        var until = Monday.AddDays(21);
        var plan = (await Bookings.PlanSeriesAsync(Teacher, request, until)).Value!;
        Assert.Equal(4, (await Bookings.BookSeriesAsync(Teacher, request, until, FreeWeeks(plan))).Value);
        var series = await Bookings.CalendarAsync(Teacher, Monday, until, mine: true);
        Assert.All(series, b => Assert.Equal(BookingStatus.Pending, b.Status));
        return series;
    }

    private async Task<BookingStatus[]> StatusesAsync(Guid series)
    {
        await using var db = _database.NewContext();
        return await db.Set<Booking>()
            .Where(b => b.SeriesId == series)
            .OrderBy(b => b.StartsAt)
            .Select(b => b.Status)
            .ToArrayAsync();
    }

    [Fact]
    public async Task APendingSeries_IsApprovedAtOnceByItsManager_LeavingDecidedAndCancelledWeeks_AndRequesterIsTold()
    {
        using var told = new Heard<BookingChanged>(_database.Get<IEventBus>());
        var weeks = await RequestSeriesAsync(_lab);
        var series = weeks[0].SeriesId!.Value;
        var manager = TwoSchools.As(_f.StaffA, _f.A);
        Assert.True((await Bookings.CancelAsync(Teacher, weeks[1].Id)).Succeeded);
        Assert.True((await Bookings.DecideAsync(manager, weeks[2].Id, approve: false)).Succeeded);

        foreach (var stranger in new[] { Teacher, TwoSchools.As(_f.StudentA, _f.A), TwoSchools.As(_f.StaffB, _f.B) })
            Assert.Equal(
                ResultKind.Forbidden,
                (await Bookings.DecideSeriesAsync(stranger, series, approve: true)).Kind
            );
        Assert.Equal(
            [BookingStatus.Pending, BookingStatus.Cancelled, BookingStatus.Refused, BookingStatus.Pending],
            await StatusesAsync(series)
        );

        await _database.DeliveredAsync();
        told.Clear();
        var approved = await Bookings.DecideSeriesAsync(manager, series, approve: true);

        Assert.Equal(2, approved.Value);
        Assert.Equal(
            [BookingStatus.Approved, BookingStatus.Cancelled, BookingStatus.Refused, BookingStatus.Approved],
            await StatusesAsync(series)
        );
        await _database.DeliveredAsync();
        Assert.Equal(_f.TeacherA.Id, Assert.Single(told.Events).PersonId);
        // Nothing pending is left
        Assert.Equal(ResultKind.NotFound, (await Bookings.DecideSeriesAsync(manager, series, approve: false)).Kind);
        Assert.Equal(BookingStatus.Approved, (await Bookings.UpcomingAsync(Teacher)).First().Status);
    }

    [Fact]
    public async Task TheDirection_RefusesAWholePendingSeries_AndItsSlotsAreFreeAgain()
    {
        await _database.GiveAsync(_f.AdminA, _f.A, StaffFunction.Direction); // the admin is also the principal
        var series = (await RequestSeriesAsync(_lab))[0].SeriesId!.Value;
        // Pending weeks hold their slots
        Assert.False((await Bookings.BookAsync(TwoSchools.As(_f.AdminA, _f.A), M3(_lab))).Succeeded);

        Assert.Equal(
            4,
            (await Bookings.DecideSeriesAsync(TwoSchools.As(_f.AdminA, _f.A), series, approve: false)).Value
        );

        Assert.All(await StatusesAsync(series), s => Assert.Equal(BookingStatus.Refused, s));
        Assert.True((await Bookings.BookAsync(TwoSchools.As(_f.AdminA, _f.A), M3(_lab))).Succeeded);
    }

    [Fact]
    public async Task Approving_NeverGivesMoreUnitsThanTheResourceHas_WhenItsManagerLoweredThemSinceTheRequests()
    {
        var manager = TwoSchools.As(_f.StaffA, _f.A);
        var cameras = new BookableResourceDraft
        {
            Name = "Caméras",
            Category = "Matériel",
            Kind = ResourceKind.Equipment,
            Units = 2,
            NeedsApproval = true,
            ManagerId = _f.StaffA.Id,
        };
        cameras.Id = (await Bookings.SaveResourceAsync(manager, cameras)).Value;
        var series = (await RequestSeriesAsync(cameras.Id))[0].SeriesId!.Value;
        var other = (
            await Bookings.BookAsync(TwoSchools.As(_f.AdminA, _f.A), M3(cameras.Id, date: Monday.AddDays(7)))
        ).Value!; // 2 of 2 on 30 November
        cameras.Units = 1;
        Assert.True((await Bookings.SaveResourceAsync(manager, cameras)).Succeeded);

        var refused = await Bookings.DecideSeriesAsync(manager, series, approve: true);
        Assert.Equal(ResultKind.Conflict, refused.Kind);
        Assert.Equal(
            "Valider dépasserait ce que « Caméras » peut offrir (30 nov.) : rien n'a été validé.",
            refused.Errors.Single()
        );
        Assert.All(await StatusesAsync(series), s => Assert.Equal(BookingStatus.Pending, s));
        Assert.Equal(ResultKind.Conflict, (await Bookings.DecideAsync(manager, other.Id, approve: true)).Kind);

        Assert.True((await Bookings.DecideAsync(manager, other.Id, approve: false)).Succeeded);
        Assert.Equal(4, (await Bookings.DecideSeriesAsync(manager, series, approve: true)).Value);
    }
}
