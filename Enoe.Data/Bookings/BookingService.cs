using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Bookings;

/// <summary>
/// Réservation de ressources. A slot is never given twice: every booking (and every approval) is
/// decided inside a write transaction (SQLite's BEGIN IMMEDIATE takes the database's write lock
/// before the overlap check), so concurrent requests are checked one after the other against what
/// is really stored. Equipment with N units takes overlapping bookings up to N at any instant.
/// Messages come from <see cref="BookingMessages"/>, in the reader's language.
/// </summary>
public sealed partial class BookingService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    IEventBus events,
    ServiceAccess access,
    Timetable.TimetableService timetable,
    Notifications.NotificationService notifications
)
{
    public const int NameMax = 120,
        ReasonMax = 200,
        HorizonDays = 180,
        SeriesMaxWeeks = 45;

    /// <summary>The établissement's active resources, with whether this person may book each.</summary>
    public async Task<IReadOnlyList<BookableResourceView>> ResourcesAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The reader's profiles there with each row: one round trip (none without a resource to show).
        var mine = db.Memberships.Where(m => m.PersonId == user.PersonId && m.SchoolId == user.SchoolId);
        var rows = await db.Set<BookableResource>()
            .AsNoTracking()
            .Where(r => r.SchoolId == user.SchoolId && r.Active)
            .OrderBy(r => r.Category!.Name)
            .ThenBy(r => r.Name)
            .Select(r => new
            {
                View = new BookableResourceView(
                    r.Id,
                    r.Name,
                    r.CategoryId,
                    r.Category!.Name,
                    r.Kind,
                    r.Units,
                    r.NeedsApproval,
                    r.OpensAt,
                    r.ClosesAt,
                    r.Description,
                    r.BookableBy,
                    r.ManagerId,
                    r.Manager == null ? null : r.Manager.FirstName + " " + r.Manager.LastName,
                    false
                ),
                Profiles = mine.Select(m => m.Profiles).FirstOrDefault(),
            })
            .ToListAsync(ct);
        if (rows.Count == 0 || rows[0].Profiles == Profile.None)
            return []; // not (or no longer) a member of this établissement
        return [.. rows.Select(r => r.View with { CanBook = r.Profiles.HasAny(r.View.BookableBy) })];
    }

    /// <summary>
    /// Bookings holding a slot between two days (Paris dates, inclusive), of one resource, one category, or this
    /// person's.
    /// </summary>
    public async Task<IReadOnlyList<BookingView>> CalendarAsync(
        CurrentUser user,
        DateOnly from,
        DateOnly to,
        int? resourceId = null,
        int? categoryId = null,
        bool mine = false,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profiles = await ProfilesAsync(db, user, ct);
        if (profiles == Profile.None)
            return [];
        var (start, end) = (
            SchoolTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)),
            SchoolTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue))
        );
        var query = db.Set<Booking>()
            .AsNoTracking()
            .Where(b =>
                b.SchoolId == user.SchoolId
                && Booking.Holding.Contains(b.Status)
                && b.StartsAt < end
                && b.EndsAt > start
            );
        if (resourceId is int r)
            query = query.Where(b => b.ResourceId == r);
        if (categoryId is int c)
            query = query.Where(b => b.Resource!.CategoryId == c);
        if (mine)
            query = query.Where(b => b.PersonId == user.PersonId);
        var all = await db.HoldsAsync(user.PersonId, user.SchoolId, Right.BookingsApprove, ct);
        return await Project(query.OrderBy(b => b.StartsAt), user.PersonId, all).ToListAsync(ct);
    }

    /// <summary>This person's coming bookings (pending ones included), soonest first.</summary>
    public async Task<IReadOnlyList<BookingView>> UpcomingAsync(
        CurrentUser user,
        int take = 10,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await Project(
                db.Set<Booking>()
                    .AsNoTracking()
                    .Where(b =>
                        b.PersonId == user.PersonId
                        && b.EndsAt > now
                        && (Booking.Holding.Contains(b.Status) || b.Status == BookingStatus.Refused)
                    )
                    .OrderBy(b => b.StartsAt)
                    .Take(take),
                user.PersonId,
                false
            )
            .ToListAsync(ct);
    }

    /// <summary>Resources with room left for a period, that this person may book (the "Réserver" widget).</summary>
    public async Task<IReadOnlyList<BookableResourceView>> FreeAsync(
        CurrentUser user,
        DateOnly date,
        TimeOnly startsAt,
        TimeOnly endsAt,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is not null)
            return [];
        var resources = (await ResourcesAsync(user, ct))
            .Where(r => r.CanBook && r.OpensAt <= startsAt && r.ClosesAt >= endsAt)
            .ToList();
        if (resources.Count == 0 || endsAt <= startsAt)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (start, end) = Utc(date, startsAt, endsAt);
        var ids = resources.Select(r => r.Id).ToList();
        var taken = await db.Set<Booking>()
            .Where(b =>
                ids.Contains(b.ResourceId) && Booking.Holding.Contains(b.Status) && b.StartsAt < end && b.EndsAt > start
            )
            .Select(b => new Span(b.ResourceId, b.StartsAt, b.EndsAt, b.Units, null))
            .ToListAsync(ct);
        // A room the timetable holds then is not free either, whatever its bookings.
        var inLessons = await timetable.RoomsInUseAsync(user.SchoolId!.Value, date, startsAt, endsAt, ct);
        bool Free(BookableResourceView r) =>
            PeakLoad(taken.Where(t => t.ResourceId == r.Id), start, end) < r.Units
            && !(r.Kind == ResourceKind.Room && inLessons.Contains(r.Name));
        return [.. resources.Where(Free)];
    }

    /// <summary>
    /// Books a period. Refused with a message, and nothing saved, when it is invalid, not allowed, or already taken.
    /// </summary>
    public Task<Result<BookingView>> BookAsync(
        CurrentUser user,
        BookingRequest request,
        CancellationToken ct = default
    ) =>
        UnlessBusy<BookingView>(async () =>
        {
            if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is { } refused)
                return refused;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var check = await CheckAsync(db, user, request, lastDate: null, ct);
            if (!check.Succeeded)
                return check.Failure;
            var (resource, _) = check.Value!;
            var (start, end) = Utc(request.Date, request.StartsAt, request.EndsAt);

            // The lock first, then the overlap check: two requests for one resource are decided one after the other.
            await using var transaction = await db.BeginTurnAsync<BookableResource>(resource.Id, ct);
            if (await ConflictAsync(db, resource, start, end, request.Units, ct) is { } taken)
                return Result.Conflict(taken);
            var booking = NewBooking(user, resource, request, start, end, seriesId: null);
            db.Add(booking);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await events.PublishAsync(new BookingChanged(booking.Id, resource.Id, resource.SchoolId, user.PersonId));
            var all = await db.HoldsAsync(user.PersonId, resource.SchoolId, Right.BookingsApprove, ct);
            var made = db.Set<Booking>().Where(b => b.Id == booking.Id);
            return Result<BookingView>.Ok(await Project(made, user.PersonId, all).FirstAsync(ct));
        });

    /// <summary>
    /// Cancels a booking (and, if asked, the rest of its series): its author, the resource's manager or the direction.
    /// </summary>
    public async Task<Result> CancelAsync(
        CurrentUser user,
        int bookingId,
        bool restOfSeries = false,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The resource's lock, as for booking and deciding: a cancellation is never overwritten by an approval.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (
            await db.Set<Booking>()
                .Where(b => b.Id == bookingId)
                .Select(b => (int?)b.ResourceId)
                .FirstOrDefaultAsync(ct)
            is int r
        )
            await db.LockAsync<BookableResource>(r, ct);
        var booking = await db.Set<Booking>()
            .Include(b => b.Resource)
            .FirstOrDefaultAsync(b => b.Id == bookingId && Booking.Holding.Contains(b.Status), ct);
        if (booking is null)
            return Result.NotFound(BookingMessages.Booking_Gone);
        if (await access.RefusalAsync(user, EntService.Bookings, booking.SchoolId, ct) is { } off)
            return off;
        if (booking.PersonId != user.PersonId && !await DecidesAsync(db, user, booking.Resource!, ct))
            return Result.Forbidden(BookingMessages.Cancel_Forbidden);
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled =
            restOfSeries && booking.SeriesId is Guid series
                ? await db.Set<Booking>()
                    .Where(b =>
                        b.SeriesId == series && b.StartsAt >= booking.StartsAt && Booking.Holding.Contains(b.Status)
                    )
                    .ToListAsync(ct)
                : [booking];
        foreach (var b in cancelled)
            (b.Status, b.DecidedById, b.DecidedAt) = (BookingStatus.Cancelled, user.PersonId, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await events.PublishAsync(
            new BookingChanged(booking.Id, booking.ResourceId, booking.SchoolId, booking.PersonId)
        );
        return Result.Ok();
    }

    private Booking NewBooking(
        CurrentUser user,
        BookableResource resource,
        BookingRequest request,
        DateTime start,
        DateTime end,
        Guid? seriesId
    ) =>
        new()
        {
            SchoolId = resource.SchoolId,
            ResourceId = resource.Id,
            PersonId = user.PersonId,
            StartsAt = start,
            EndsAt = end,
            Units = request.Units,
            Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            SchoolClassId = request.SchoolClassId,
            Status = resource.NeedsApproval ? BookingStatus.Pending : BookingStatus.Approved,
            SeriesId = seriesId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
}
