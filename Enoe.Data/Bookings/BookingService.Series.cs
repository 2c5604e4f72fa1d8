using System.Linq.Expressions;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Bookings;

/// <summary>Weekly series (seen week by week before anything is saved) and the decisions of managers.</summary>
public sealed partial class BookingService
{
    /// <summary>
    /// Every week of a series from <paramref name="request"/>'s day until <paramref name="until"/>: free, taken
    /// (by whom: the calendar shows the same names to every member of the établissement), or a holiday (skipped).
    /// Nothing is saved.
    /// </summary>
    public async Task<Result<IReadOnlyList<Occurrence>>> PlanSeriesAsync(
        CurrentUser user,
        BookingRequest request,
        DateOnly until,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var check = await CheckSeriesAsync(db, user, request, until, ct);
        if (!check.Succeeded)
            return check.Failure;
        return Result<IReadOnlyList<Occurrence>>.Ok(
            await OccurrencesAsync(db, check.Value!.Resource, request, until, ct)
        );
    }

    /// <summary>
    /// Books, in one transaction, exactly the <paramref name="weeks"/> of a series the person saw free in its
    /// plan and confirmed. When one of them has been taken since, or is not a free week of the series,
    /// nothing is saved. Returns how many weeks were booked.
    /// </summary>
    public Task<Result<int>> BookSeriesAsync(
        CurrentUser user,
        BookingRequest request,
        DateOnly until,
        IReadOnlyCollection<DateOnly> weeks,
        CancellationToken ct = default
    ) =>
        UnlessBusy<int>(async () =>
        {
            if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is { } refused)
                return refused;
            if (weeks.Count == 0)
                return Result.Invalid([BookingMessages.Series_NoWeek]);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var check = await CheckSeriesAsync(db, user, request, until, ct);
            if (!check.Succeeded)
                return check.Failure;
            var resource = check.Value!.Resource;
            await using var transaction = await db.BeginTurnAsync<BookableResource>(resource.Id, ct);
            var plan = (await OccurrencesAsync(db, resource, request, until, ct))
                .Where(o => weeks.Contains(o.Date))
                .ToList();
            var taken = plan.Where(o => o.State == OccurrenceState.Conflict).Select(o => o.Date).ToList();
            if (taken.Count > 0)
                return Result.Conflict(
                    taken.Count == 1
                        ? BookingMessages.FormatSeries_OneTaken(Dates(taken))
                        : BookingMessages.FormatSeries_SomeTaken(taken.Count, Dates(taken))
                );
            var free = plan.Where(o => o.State == OccurrenceState.Free).Select(o => o.Date).ToList();
            if (weeks.Except(free).ToList() is { Count: > 0 } strays)
                return Result.Invalid([BookingMessages.FormatSeries_NotInSeries(Dates(strays))]);
            var series = Guid.NewGuid();
            foreach (var date in free)
            {
                var (start, end) = Utc(date, request.StartsAt, request.EndsAt);
                db.Add(NewBooking(user, resource, request, start, end, series));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await events.PublishAsync(new BookingChanged(0, resource.Id, resource.SchoolId, user.PersonId));
            return Result<int>.Ok(free.Count);
        });

    /// <summary>
    /// Pending bookings this person decides on: of the resources they manage, or all of them for the direction.
    /// </summary>
    public async Task<IReadOnlyList<BookingView>> PendingAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var direction = await db.HoldsAsync(user.PersonId, user.SchoolId, Right.BookingsApprove, ct);
        return await Project(
                db.Set<Booking>()
                    .AsNoTracking()
                    .Where(b =>
                        b.SchoolId == user.SchoolId
                        && b.Status == BookingStatus.Pending
                        && (direction || b.Resource!.ManagerId == user.PersonId)
                    )
                    .OrderBy(b => b.StartsAt),
                user.PersonId,
                true
            )
            .ToListAsync(ct);
    }

    /// <summary>
    /// The resource's manager or the direction approves or refuses a pending booking; its author is told live.
    /// </summary>
    public async Task<Result> DecideAsync(
        CurrentUser user,
        int bookingId,
        bool approve,
        CancellationToken ct = default
    ) => await DecidePendingAsync(user, b => b.Id == bookingId, approve, BookingMessages.Decide_AlreadyDone, ct);

    /// <summary>
    /// Approves or refuses every week of a series still pending, at once, with the rights of a single decision.
    /// Weeks already decided or cancelled are left as they are. Returns how many weeks were decided.
    /// </summary>
    public Task<Result<int>> DecideSeriesAsync(
        CurrentUser user,
        Guid seriesId,
        bool approve,
        CancellationToken ct = default
    ) =>
        DecidePendingAsync(user, b => b.SeriesId == seriesId, approve, BookingMessages.Decide_SeriesNothingPending, ct);

    private Task<Result<int>> DecidePendingAsync(
        CurrentUser user,
        Expression<Func<Booking, bool>> which,
        bool approve,
        string nothingPending,
        CancellationToken ct
    ) =>
        UnlessBusy(async () =>
        {
            if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is { } refused)
                return refused;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // The resource's lock before reading what is pending and checking capacity.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Set<Booking>().Where(which).Select(b => (int?)b.ResourceId).FirstOrDefaultAsync(ct) is int id)
                await db.LockAsync<BookableResource>(id, ct);
            var pending = await db.Set<Booking>()
                .Include(b => b.Resource)
                .Where(which)
                .Where(b => b.Status == BookingStatus.Pending)
                .OrderBy(b => b.StartsAt)
                .ToListAsync(ct);
            if (pending.Count == 0)
                return Result.NotFound(nothingPending);
            var resource = pending[0].Resource!; // a series is of one resource
            if (await access.RefusalAsync(user, EntService.Bookings, resource.SchoolId, ct) is { } off)
                return off;
            if (!await DecidesAsync(db, user, resource, ct))
                return Result.Forbidden(BookingMessages.Decide_Forbidden);
            if (approve && await OverbookedAsync(db, resource, pending, ct) is { Count: > 0 } over)
                return Result.Conflict(BookingMessages.FormatDecide_OverCapacity(resource.Name, Dates(over)));
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var b in pending)
                (b.Status, b.DecidedById, b.DecidedAt) = (
                    approve ? BookingStatus.Approved : BookingStatus.Refused,
                    user.PersonId,
                    now
                );
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            var author = pending[0].PersonId;
            await events.PublishAsync(
                new BookingChanged(pending.Count == 1 ? pending[0].Id : 0, resource.Id, resource.SchoolId, author)
            );
            // The author is personnel (a teacher booking a room): told at once, whatever the hour.
            var first = DateOnly.FromDateTime(SchoolTime.ToLocal(pending[0].StartsAt));
            await notifications.NotifyAsync(
                [
                    new(
                        author,
                        resource.SchoolId,
                        null,
                        approve ? NotificationKind.BookingApproved : NotificationKind.BookingRefused,
                        pending.Count == 1 ? $"{resource.Name}, {first:dd/MM}" : $"{resource.Name} ({pending.Count})",
                        "/reservations",
                        $"booking:{pending[0].Id}",
                        now
                    ),
                ],
                ct
            );
            return Result<int>.Ok(pending.Count);
        });

    /// <summary>
    /// The days on which approving would give more than the resource has: a pending request holds its slot,
    /// but the manager may have lowered the number of units since it was made.
    /// </summary>
    private static async Task<List<DateOnly>> OverbookedAsync(
        EnoeDbContext db,
        BookableResource resource,
        List<Booking> approving,
        CancellationToken ct
    )
    {
        // The approved ones included
        var holding = await HoldingAsync(db, resource.Id, approving[0].StartsAt, approving.Max(b => b.EndsAt), ct);
        return
        [
            .. approving
                .Where(b => PeakLoad(holding, b.StartsAt, b.EndsAt) > resource.Units)
                .Select(b => DateOnly.FromDateTime(SchoolTime.ToLocal(b.StartsAt))),
        ];
    }

    /// <summary>A series is checked once: its first week as a booking, its last week against the horizon.</summary>
    private Task<Result<Checked>> CheckSeriesAsync(
        EnoeDbContext db,
        CurrentUser user,
        BookingRequest request,
        DateOnly until,
        CancellationToken ct
    )
    {
        if (until < request.Date)
            return Task.FromResult<Result<Checked>>(Result.Invalid([BookingMessages.Series_EndsBeforeStart]));
        if (until > request.Date.AddDays(7 * SeriesMaxWeeks))
            return Task.FromResult<Result<Checked>>(
                Result.Invalid([BookingMessages.FormatSeries_TooLong(SeriesMaxWeeks)])
            );
        return CheckAsync(
            db,
            user,
            request,
            lastDate: request.Date.AddDays((until.DayNumber - request.Date.DayNumber) / 7 * 7),
            ct
        );
    }

    private static async Task<IReadOnlyList<Occurrence>> OccurrencesAsync(
        EnoeDbContext db,
        BookableResource resource,
        BookingRequest request,
        DateOnly until,
        CancellationToken ct
    )
    {
        var dates = Enumerable
            .Range(0, (until.DayNumber - request.Date.DayNumber) / 7 + 1)
            .Select(w => request.Date.AddDays(7 * w))
            .ToList();
        var holidays = await db.Set<HolidayPeriod>()
            .AsNoTracking()
            .Where(h =>
                (h.SchoolId == null || h.SchoolId == resource.SchoolId) && h.To >= request.Date && h.From <= until
            )
            .ToListAsync(ct);
        var (start, _) = Utc(dates[0], request.StartsAt, request.EndsAt);
        var (_, end) = Utc(dates[^1], request.StartsAt, request.EndsAt);
        var taken = await HoldingAsync(db, resource.Id, start, end, ct);
        return
        [
            .. dates.Select(date =>
            {
                if (holidays.FirstOrDefault(h => h.From <= date && date <= h.To) is { } holiday)
                    return new Occurrence(date, OccurrenceState.Holiday, holiday.Name);
                var (s, e) = Utc(date, request.StartsAt, request.EndsAt);
                if (PeakLoad(taken, s, e) + request.Units <= resource.Units)
                    return new Occurrence(date, OccurrenceState.Free, null);
                return new Occurrence(
                    date,
                    OccurrenceState.Conflict,
                    string.Join(", ", taken.Where(t => t.StartsAt < e && t.EndsAt > s).Select(t => t.Who).Distinct())
                );
            }),
        ];
    }
}
