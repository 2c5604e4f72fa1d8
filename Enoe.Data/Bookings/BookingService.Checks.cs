using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Bookings;

/// <summary>The checks behind every booking: the request, who may book or decide, overlaps per unit.</summary>
public sealed partial class BookingService
{
    private sealed record Checked(BookableResource Resource, Profile Profiles);

    /// <summary>
    /// The resource and the booker's profiles when they may book it for this period (and, for a series, until
    /// <paramref name="lastDate"/>).
    /// </summary>
    private async Task<Result<Checked>> CheckAsync(
        EnoeDbContext db,
        CurrentUser user,
        BookingRequest request,
        DateOnly? lastDate,
        CancellationToken ct
    )
    {
        var resource = await db.Set<BookableResource>()
            .AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == request.ResourceId && r.Active, ct);
        if (resource is null || resource.SchoolId != user.SchoolId)
            return Result.NotFound(BookingMessages.Book_NoSuchResource);
        var profiles = await ProfilesAsync(db, user, ct);
        if (!profiles.HasAny(resource.BookableBy))
            return Result.Forbidden(BookingMessages.FormatBook_ProfileCannot(resource.Name));
        var errors = new List<string>();
        if (request.EndsAt <= request.StartsAt)
            errors.Add(BookingMessages.Book_EndAfterStart);
        else if (request.StartsAt < resource.OpensAt || request.EndsAt > resource.ClosesAt)
            errors.Add(
                BookingMessages.FormatBook_OpeningHours(
                    resource.Name,
                    resource.OpensAt.ToString("HH:mm"),
                    resource.ClosesAt.ToString("HH:mm")
                )
            );
        var (start, _) = Utc(request.Date, request.StartsAt, request.EndsAt);
        var now = clock.GetUtcNow().UtcDateTime;
        if (start < now)
            errors.Add(BookingMessages.Book_Past);
        if ((lastDate ?? request.Date) > DateOnly.FromDateTime(SchoolTime.ToLocal(now)).AddDays(HorizonDays))
            errors.Add(BookingMessages.FormatBook_Horizon(HorizonDays));
        if (request.Units < 1 || request.Units > resource.Units)
            errors.Add(
                resource.Units == 1
                    ? BookingMessages.Book_OneUnit
                    : BookingMessages.FormatBook_UnitsRange(resource.Units)
            );
        if (request.Reason?.Length > ReasonMax)
            errors.Add(BookingMessages.FormatBook_ReasonTooLong(ReasonMax));
        if (
            resource.Kind == ResourceKind.Room
            && request.EndsAt > request.StartsAt
            && (
                await timetable.RoomsInUseAsync(resource.SchoolId, request.Date, request.StartsAt, request.EndsAt, ct)
            ).Contains(resource.Name)
        )
            errors.Add(BookingMessages.FormatBook_HeldByLesson(resource.Name));
        if (
            request.SchoolClassId is int c
            && !await db.Classes.AnyAsync(x => x.Id == c && x.SchoolId == resource.SchoolId, ct)
        )
            errors.Add(BookingMessages.Book_ClassNotOurs);
        return errors.Count > 0 ? Result.Invalid(errors) : Result<Checked>.Ok(new Checked(resource, profiles));
    }

    /// <summary>Why the period cannot be had, or null when it is free for <paramref name="units"/> more.</summary>
    private static async Task<string?> ConflictAsync(
        EnoeDbContext db,
        BookableResource resource,
        DateTime start,
        DateTime end,
        int units,
        CancellationToken ct
    )
    {
        var peak = PeakLoad(await HoldingAsync(db, resource.Id, start, end, ct), start, end);
        if (peak + units <= resource.Units)
            return null;
        return resource.Units == 1
            ? BookingMessages.FormatBook_Taken(resource.Name)
            : BookingMessages.FormatBook_UnitsLeft(resource.Name, Math.Max(0, resource.Units - peak), resource.Units);
    }

    /// <summary>A resource's bookings holding a slot that overlaps [start, end), with who made them.</summary>
    private static Task<List<Span>> HoldingAsync(
        EnoeDbContext db,
        int resourceId,
        DateTime start,
        DateTime end,
        CancellationToken ct
    ) =>
        db.Set<Booking>()
            .Where(b =>
                b.ResourceId == resourceId && Booking.Holding.Contains(b.Status) && b.StartsAt < end && b.EndsAt > start
            )
            .Select(b => new Span(
                b.ResourceId,
                b.StartsAt,
                b.EndsAt,
                b.Units,
                b.Person!.FirstName
                    + " "
                    + b.Person.LastName
                    + (b.SchoolClass == null ? "" : " (" + b.SchoolClass.Name + ")")
            ))
            .ToListAsync(ct);

    private sealed record Span(int ResourceId, DateTime StartsAt, DateTime EndsAt, int Units, string? Who);

    /// <summary>
    /// The most units out at any instant of [start, end): bookings that never overlap each other do not add up.
    /// </summary>
    private static int PeakLoad(IEnumerable<Span> bookings, DateTime start, DateTime end)
    {
        var changes = bookings
            .Where(b => b.StartsAt < end && b.EndsAt > start)
            .SelectMany(b =>
                new[] { (At: b.StartsAt < start ? start : b.StartsAt, Delta: b.Units), (At: b.EndsAt, Delta: -b.Units) }
            )
            .OrderBy(c => c.At)
            .ThenBy(c => c.Delta); // an end and a start at the same minute do not overlap
        int load = 0,
            peak = 0;
        foreach (var (_, delta) in changes)
            peak = Math.Max(peak, load += delta);
        return peak;
    }

    /// <summary>Busy or locked beyond the timeout: say so, never throw at the user.</summary>
    private static async Task<Result<T>> UnlessBusy<T>(Func<Task<Result<T>>> write)
    {
        try
        {
            return await write();
        }
        catch (Exception e) when (Contention.IsBusy(e))
        {
            return Result.Conflict(BookingMessages.Busy);
        }
    }

    private static async Task<Profile> ProfilesAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct) =>
        await db
            .Memberships.Where(m => m.PersonId == user.PersonId && m.SchoolId == user.SchoolId)
            .Select(m => m.Profiles)
            .FirstOrDefaultAsync(ct);

    private static async Task<bool> DecidesAsync(
        EnoeDbContext db,
        CurrentUser user,
        BookableResource resource,
        CancellationToken ct
    ) =>
        resource.ManagerId == user.PersonId
        || await db.HoldsAsync(user.PersonId, resource.SchoolId, Right.BookingsApprove, ct);

    private static (DateTime Start, DateTime End) Utc(DateOnly date, TimeOnly startsAt, TimeOnly endsAt) =>
        (SchoolTime.ToUtc(date.ToDateTime(startsAt)), SchoolTime.ToUtc(date.ToDateTime(endsAt)));

    /// <summary>Days in a message, in the reader's language: "7 déc., 14 déc." or "7 Dec, 14 Dec".</summary>
    private static string Dates(IEnumerable<DateOnly> dates) =>
        string.Join(", ", dates.Order().Select(d => d.ToString("d MMM", CultureInfo.CurrentCulture)));

    private static IQueryable<BookingView> Project(IQueryable<Booking> bookings, int me, bool approvesAll) =>
        bookings.Select(b => new BookingView(
            b.Id,
            b.ResourceId,
            b.Resource!.Name,
            b.Person!.FirstName + " " + b.Person.LastName,
            b.StartsAt,
            b.EndsAt,
            b.Units,
            b.Reason,
            b.SchoolClass == null ? null : b.SchoolClass.Name,
            b.Status,
            b.PersonId == me,
            b.PersonId == me || approvesAll || b.Resource.ManagerId == me,
            approvesAll || b.Resource.ManagerId == me,
            b.SeriesId
        ));
}
