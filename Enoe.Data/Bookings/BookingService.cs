using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Bookings;

/// <summary>
/// Réservation de ressources. A slot is never given twice: every booking is decided inside a
/// write transaction (SQLite's BEGIN IMMEDIATE takes the database's write lock before the overlap
/// check), so concurrent requests are checked one after the other against what is really stored.
/// Equipment with N units takes overlapping bookings up to N at any instant.
/// </summary>
public sealed class BookingService(IDbContextFactory<EnoeDbContext> dbFactory, TimeProvider clock, IEventBus events)
{
    public const int NameMax = 120, ReasonMax = 200, HorizonDays = 180, SeriesMaxWeeks = 45;
    private const Profile Direction = Profile.Staff | Profile.SchoolAdmin;
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The établissement's active resources, with whether this person may book each.</summary>
    public async Task<IReadOnlyList<ResourceView>> ResourcesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profiles = await ProfilesAsync(db, user, ct);
        if (profiles == Profile.None) return []; // not (or no longer) a member of this établissement
        var rows = await db.Set<BookableResource>().AsNoTracking().Where(r => r.SchoolId == user.SchoolId && r.Active)
            .OrderBy(r => r.Category!.Name).ThenBy(r => r.Name)
            .Select(r => new ResourceView(r.Id, r.Name, r.CategoryId, r.Category!.Name, r.Kind, r.Units, r.NeedsApproval, r.OpensAt, r.ClosesAt,
                r.Description, r.BookableBy, r.ManagerId, r.Manager == null ? null : r.Manager.FirstName + " " + r.Manager.LastName, false))
            .ToListAsync(ct);
        return [.. rows.Select(r => r with { CanBook = profiles.HasAny(r.BookableBy) })];
    }

    /// <summary>Bookings holding a slot between two days (Paris dates, inclusive), of one resource, one category, or this person's.</summary>
    public async Task<IReadOnlyList<BookingView>> CalendarAsync(CurrentUser user, DateOnly from, DateOnly to, int? resourceId = null, int? categoryId = null,
        bool mine = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profiles = await ProfilesAsync(db, user, ct);
        if (profiles == Profile.None) return [];
        var (start, end) = (SchoolTime.ToUtc(from.ToDateTime(TimeOnly.MinValue)), SchoolTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var query = db.Set<Booking>().AsNoTracking().Where(b => b.SchoolId == user.SchoolId && Booking.Holding.Contains(b.Status) && b.StartsAt < end && b.EndsAt > start);
        if (resourceId is int r) query = query.Where(b => b.ResourceId == r);
        if (categoryId is int c) query = query.Where(b => b.Resource!.CategoryId == c);
        if (mine) query = query.Where(b => b.PersonId == user.PersonId);
        return await Project(query.OrderBy(b => b.StartsAt), user.PersonId, profiles.HasAny(Direction)).ToListAsync(ct);
    }

    /// <summary>This person's coming bookings (pending ones included), soonest first.</summary>
    public async Task<IReadOnlyList<BookingView>> UpcomingAsync(CurrentUser user, int take = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await Project(db.Set<Booking>().AsNoTracking().Where(b => b.PersonId == user.PersonId && b.EndsAt > now
                && (Booking.Holding.Contains(b.Status) || b.Status == BookingStatus.Refused)).OrderBy(b => b.StartsAt).Take(take), user.PersonId, false)
            .ToListAsync(ct);
    }

    /// <summary>Pending bookings this person decides on: of the resources they manage, or all of them for the direction.</summary>
    public async Task<IReadOnlyList<BookingView>> PendingAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var direction = (await ProfilesAsync(db, user, ct)).HasAny(Direction);
        return await Project(db.Set<Booking>().AsNoTracking().Where(b => b.SchoolId == user.SchoolId && b.Status == BookingStatus.Pending
                && (direction || b.Resource!.ManagerId == user.PersonId)).OrderBy(b => b.StartsAt), user.PersonId, true)
            .ToListAsync(ct);
    }

    /// <summary>Resources with room left for a period, that this person may book (the "Réserver" widget).</summary>
    public async Task<IReadOnlyList<ResourceView>> FreeAsync(CurrentUser user, DateOnly date, TimeOnly startsAt, TimeOnly endsAt, CancellationToken ct = default)
    {
        var resources = (await ResourcesAsync(user, ct)).Where(r => r.CanBook && r.OpensAt <= startsAt && r.ClosesAt >= endsAt).ToList();
        if (resources.Count == 0 || endsAt <= startsAt) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (start, end) = Utc(date, startsAt, endsAt);
        var ids = resources.Select(r => r.Id).ToList();
        var taken = await db.Set<Booking>().Where(b => ids.Contains(b.ResourceId) && Booking.Holding.Contains(b.Status) && b.StartsAt < end && b.EndsAt > start)
            .Select(b => new Span(b.ResourceId, b.StartsAt, b.EndsAt, b.Units)).ToListAsync(ct);
        return [.. resources.Where(r => PeakLoad(taken.Where(t => t.ResourceId == r.Id), start, end) < r.Units)];
    }

    /// <summary>Books a period. Refused with a French message, and nothing saved, when it is invalid, not allowed, or already taken.</summary>
    public async Task<Result<BookingView>> BookAsync(CurrentUser user, BookingRequest request, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var check = await CheckAsync(db, user, request, lastDate: null, ct);
            if (!check.Succeeded) return Result<BookingView>.From(check);
            var (resource, profiles) = check.Value!;
            var (start, end) = Utc(request.Date, request.StartsAt, request.EndsAt);

            // The write lock first, then the overlap check: two requests for one slot are decided one after the other.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await ConflictAsync(db, resource, start, end, request.Units, ct) is { } taken) return Result<BookingView>.From(Result.Conflict(taken));
            var booking = NewBooking(user, resource, request, start, end, seriesId: null);
            db.Add(booking);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await events.PublishAsync(new BookingChanged(booking.Id, resource.Id, resource.SchoolId, user.PersonId));
            return Result<BookingView>.Ok(await Project(db.Set<Booking>().Where(b => b.Id == booking.Id), user.PersonId, profiles.HasAny(Direction)).FirstAsync(ct));
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // busy or locked beyond the timeout: say so, never throw at the user
        {
            return Result<BookingView>.From(Result.Conflict("Le service de réservation est très sollicité en ce moment : réessayez dans un instant."));
        }
    }

    /// <summary>Every week of a series from <paramref name="request"/>'s day until <paramref name="until"/>: free, taken, or a holiday (skipped).</summary>
    public async Task<Result<IReadOnlyList<Occurrence>>> PlanSeriesAsync(CurrentUser user, BookingRequest request, DateOnly until, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var check = await CheckSeriesAsync(db, user, request, until, ct);
        if (!check.Succeeded) return Result<IReadOnlyList<Occurrence>>.From(check);
        return Result<IReadOnlyList<Occurrence>>.Ok(await OccurrencesAsync(db, check.Value!.Resource, request, until, ct));
    }

    /// <summary>
    /// Books a weekly series in one transaction. When some weeks are taken, nothing is saved unless
    /// <paramref name="skipTaken"/> says to book the free ones only; holidays are always skipped.
    /// </summary>
    public async Task<Result<int>> BookSeriesAsync(CurrentUser user, BookingRequest request, DateOnly until, bool skipTaken, CancellationToken ct = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var check = await CheckSeriesAsync(db, user, request, until, ct);
            if (!check.Succeeded) return Result<int>.From(check);
            var resource = check.Value!.Resource;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var plan = await OccurrencesAsync(db, resource, request, until, ct);
            var taken = plan.Where(o => o.State == OccurrenceState.Conflict).ToList();
            if (taken.Count > 0 && !skipTaken)
                return Result<int>.From(Result.Conflict($"{taken.Count} semaine{(taken.Count > 1 ? "s sont déjà prises" : " est déjà prise")} ({string.Join(", ", taken.Select(o => o.Date.ToString("d MMM", French)))}) : rien n'a été réservé."));
            var series = Guid.NewGuid();
            var free = plan.Where(o => o.State == OccurrenceState.Free).ToList();
            foreach (var occurrence in free)
            {
                var (start, end) = Utc(occurrence.Date, request.StartsAt, request.EndsAt);
                db.Add(NewBooking(user, resource, request, start, end, series));
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await events.PublishAsync(new BookingChanged(0, resource.Id, resource.SchoolId, user.PersonId));
            return Result<int>.Ok(free.Count);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return Result<int>.From(Result.Conflict("Le service de réservation est très sollicité en ce moment : réessayez dans un instant."));
        }
    }

    /// <summary>Cancels a booking (and, if asked, the rest of its series): its author, the resource's manager or the direction.</summary>
    public async Task<Result> CancelAsync(CurrentUser user, int bookingId, bool restOfSeries = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var booking = await db.Set<Booking>().Include(b => b.Resource).FirstOrDefaultAsync(b => b.Id == bookingId && Booking.Holding.Contains(b.Status), ct);
        if (booking is null) return Result.NotFound("Cette réservation n'existe plus.");
        if (booking.PersonId != user.PersonId && !await DecidesAsync(db, user, booking.Resource!, ct))
            return Result.Forbidden("Seuls son auteur, le gestionnaire de la ressource ou la direction annulent une réservation.");
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = restOfSeries && booking.SeriesId is Guid series
            ? await db.Set<Booking>().Where(b => b.SeriesId == series && b.StartsAt >= booking.StartsAt && Booking.Holding.Contains(b.Status)).ToListAsync(ct)
            : [booking];
        foreach (var b in cancelled) (b.Status, b.DecidedById, b.DecidedAt) = (BookingStatus.Cancelled, user.PersonId, now);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new BookingChanged(booking.Id, booking.ResourceId, booking.SchoolId, booking.PersonId));
        return Result.Ok();
    }

    /// <summary>The resource's manager or the direction approves or refuses a pending booking; its author is told live.</summary>
    public async Task<Result> DecideAsync(CurrentUser user, int bookingId, bool approve, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var booking = await db.Set<Booking>().Include(b => b.Resource).FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null || booking.Status != BookingStatus.Pending) return Result.NotFound("Cette demande a déjà été traitée ou annulée.");
        if (!await DecidesAsync(db, user, booking.Resource!, ct)) return Result.Forbidden("Seuls le gestionnaire de la ressource et la direction valident ses réservations.");
        (booking.Status, booking.DecidedById, booking.DecidedAt) = (approve ? BookingStatus.Approved : BookingStatus.Refused, user.PersonId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new BookingChanged(booking.Id, booking.ResourceId, booking.SchoolId, booking.PersonId));
        return Result.Ok();
    }

    /// <summary>Creates or changes a resource: the direction (staff and admins) of the établissement.</summary>
    public async Task<Result<int>> SaveResourceAsync(CurrentUser user, ResourceDraft draft, CancellationToken ct = default)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Name) || draft.Name.Trim().Length > NameMax) errors.Add($"Donnez un nom à la ressource ({NameMax} caractères au plus).");
        if (string.IsNullOrWhiteSpace(draft.Category) || draft.Category.Trim().Length > 100) errors.Add("Choisissez ou nommez une catégorie.");
        if (draft.Units is < 1 or > 500) errors.Add("Le nombre d'unités va de 1 à 500.");
        if (draft.Kind == ResourceKind.Room && draft.Units != 1) errors.Add("Une salle se réserve entière : une seule unité.");
        if (draft.ClosesAt <= draft.OpensAt) errors.Add("L'heure de fermeture doit suivre l'heure d'ouverture.");
        if (draft.BookableBy == Profile.None) errors.Add("Choisissez qui peut réserver.");
        if (errors.Count > 0) return Result<int>.From(Result.Invalid(errors));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProfilesAsync(db, user, ct)).HasAny(Direction)) return Result<int>.From(Result.Forbidden("Seuls le personnel de direction et les administrateurs gèrent les ressources."));
        var school = user.SchoolId!.Value;
        if (draft.ManagerId is int manager && !await db.Memberships.AnyAsync(m => m.PersonId == manager && m.SchoolId == school && (m.Profiles & Profile.Personnel) != 0, ct))
            return Result<int>.From(Result.Invalid(["Le gestionnaire doit être un membre du personnel de l'établissement."]));
        var name = draft.Name.Trim();
        if (await db.Set<BookableResource>().AnyAsync(r => r.SchoolId == school && r.Name == name && r.Id != draft.Id, ct))
            return Result<int>.From(Result.Invalid([$"Une ressource s'appelle déjà « {name} »."]));
        var categoryName = draft.Category.Trim();
        var category = await db.Set<ResourceCategory>().FirstOrDefaultAsync(c => c.SchoolId == school && c.Name == categoryName, ct)
            ?? new ResourceCategory { SchoolId = school, Name = categoryName };
        var resource = draft.Id == 0 ? new BookableResource { SchoolId = school }
            : await db.Set<BookableResource>().FirstOrDefaultAsync(r => r.Id == draft.Id && r.SchoolId == school, ct);
        if (resource is null) return Result<int>.From(Result.NotFound("Cette ressource n'existe plus."));
        (resource.Name, resource.Category, resource.Description, resource.Kind, resource.Units) = (name, category, draft.Description?.Trim(), draft.Kind, draft.Units);
        (resource.BookableBy, resource.NeedsApproval, resource.ManagerId, resource.OpensAt, resource.ClosesAt) = (draft.BookableBy, draft.NeedsApproval, draft.ManagerId, draft.OpensAt, draft.ClosesAt);
        if (draft.Id == 0) db.Add(resource);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(resource.Id);
    }

    /// <summary>The établissement's personnel, who may manage (approve the bookings of) a resource.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ManagersAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Memberships.Where(m => m.SchoolId == user.SchoolId && (m.Profiles & (Profile.Staff | Profile.SchoolAdmin)) != 0)
            .OrderBy(m => m.Person!.LastName).Select(m => new { m.PersonId, Name = m.Person!.FirstName + " " + m.Person.LastName + (m.Function != null ? " (" + m.Function + ")" : "") })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.PersonId, r.Name))];
    }

    /// <summary>Holiday periods weekly series skip: the établissement's own and the académie's.</summary>
    public async Task<IReadOnlyList<HolidayPeriod>> HolidaysAsync(int? schoolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<HolidayPeriod>().AsNoTracking().Where(h => h.SchoolId == null || h.SchoolId == schoolId).OrderBy(h => h.From).ToListAsync(ct);
    }

    public async Task<Result> AddHolidayAsync(CurrentUser user, string name, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100) return Result.Invalid(["Nommez la période (100 caractères au plus)."]);
        if (to < from) return Result.Invalid(["La période doit finir après son début."]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProfilesAsync(db, user, ct)).HasAny(Profile.SchoolAdmin)) return Result.Forbidden("Seuls les administrateurs de l'établissement règlent son calendrier.");
        db.Add(new HolidayPeriod { SchoolId = user.SchoolId, Name = name.Trim(), From = from, To = to });
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Removes one of the établissement's own holiday periods (the académie's stay).</summary>
    public async Task<Result> DeleteHolidayAsync(CurrentUser user, int holidayId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProfilesAsync(db, user, ct)).HasAny(Profile.SchoolAdmin)) return Result.Forbidden("Seuls les administrateurs de l'établissement règlent son calendrier.");
        var removed = await db.Set<HolidayPeriod>().Where(h => h.Id == holidayId && h.SchoolId == user.SchoolId).ExecuteDeleteAsync(ct);
        return removed == 1 ? Result.Ok() : Result.NotFound("Cette période n'est pas de votre établissement (celles de l'académie restent).");
    }

    private sealed record Checked(BookableResource Resource, Profile Profiles);

    /// <summary>The resource and the booker's profiles when they may book it for this period (and, for a series, until <paramref name="lastDate"/>).</summary>
    private async Task<Result<Checked>> CheckAsync(EnoeDbContext db, CurrentUser user, BookingRequest request, DateOnly? lastDate, CancellationToken ct)
    {
        var resource = await db.Set<BookableResource>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.ResourceId && r.Active, ct);
        if (resource is null || resource.SchoolId != user.SchoolId) return Result<Checked>.From(Result.NotFound("Cette ressource n'existe pas dans votre établissement."));
        var profiles = await ProfilesAsync(db, user, ct);
        if (!profiles.HasAny(resource.BookableBy))
            return Result<Checked>.From(Result.Forbidden($"Votre profil ne permet pas de réserver « {resource.Name} »."));
        var errors = new List<string>();
        if (request.EndsAt <= request.StartsAt) errors.Add("La fin doit être après le début.");
        else if (request.StartsAt < resource.OpensAt || request.EndsAt > resource.ClosesAt)
            errors.Add($"« {resource.Name} » se réserve de {resource.OpensAt:HH\\:mm} à {resource.ClosesAt:HH\\:mm}.");
        var (start, _) = Utc(request.Date, request.StartsAt, request.EndsAt);
        var now = clock.GetUtcNow().UtcDateTime;
        if (start < now) errors.Add("On ne réserve pas dans le passé.");
        if ((lastDate ?? request.Date) > DateOnly.FromDateTime(SchoolTime.ToLocal(now)).AddDays(HorizonDays)) errors.Add($"On réserve au plus {HorizonDays} jours à l'avance.");
        if (request.Units < 1 || request.Units > resource.Units) errors.Add(resource.Units == 1 ? "Une seule unité pour cette ressource." : $"Choisissez de 1 à {resource.Units} unités.");
        if (request.Reason?.Length > ReasonMax) errors.Add($"Le motif ne doit pas dépasser {ReasonMax} caractères.");
        if (request.SchoolClassId is int c && !await db.Classes.AnyAsync(x => x.Id == c && x.SchoolId == resource.SchoolId, ct)) errors.Add("Cette classe n'est pas de l'établissement.");
        return errors.Count > 0 ? Result<Checked>.From(Result.Invalid(errors)) : Result<Checked>.Ok(new Checked(resource, profiles));
    }

    /// <summary>A series is checked once: its first week as a booking, its last week against the horizon.</summary>
    private Task<Result<Checked>> CheckSeriesAsync(EnoeDbContext db, CurrentUser user, BookingRequest request, DateOnly until, CancellationToken ct)
    {
        if (until < request.Date) return Task.FromResult(Result<Checked>.From(Result.Invalid(["La série doit finir après sa première semaine."])));
        if (until > request.Date.AddDays(7 * SeriesMaxWeeks)) return Task.FromResult(Result<Checked>.From(Result.Invalid([$"Une série dure au plus {SeriesMaxWeeks} semaines."])));
        return CheckAsync(db, user, request, lastDate: request.Date.AddDays((until.DayNumber - request.Date.DayNumber) / 7 * 7), ct);
    }

    private static async Task<IReadOnlyList<Occurrence>> OccurrencesAsync(EnoeDbContext db, BookableResource resource, BookingRequest request, DateOnly until, CancellationToken ct)
    {
        var dates = Enumerable.Range(0, (until.DayNumber - request.Date.DayNumber) / 7 + 1).Select(w => request.Date.AddDays(7 * w)).ToList();
        var holidays = await db.Set<HolidayPeriod>().AsNoTracking().Where(h => (h.SchoolId == null || h.SchoolId == resource.SchoolId) && h.To >= request.Date && h.From <= until).ToListAsync(ct);
        var (start, _) = Utc(dates[0], request.StartsAt, request.EndsAt);
        var (_, end) = Utc(dates[^1], request.StartsAt, request.EndsAt);
        var taken = await db.Set<Booking>().Where(b => b.ResourceId == resource.Id && Booking.Holding.Contains(b.Status) && b.StartsAt < end && b.EndsAt > start)
            .Select(b => new Span(b.ResourceId, b.StartsAt, b.EndsAt, b.Units)).ToListAsync(ct);
        return [.. dates.Select(date =>
        {
            if (holidays.FirstOrDefault(h => h.From <= date && date <= h.To) is { } holiday) return new Occurrence(date, OccurrenceState.Holiday, holiday.Name);
            var (s, e) = Utc(date, request.StartsAt, request.EndsAt);
            return PeakLoad(taken, s, e) + request.Units > resource.Units ? new Occurrence(date, OccurrenceState.Conflict, "déjà réservé") : new Occurrence(date, OccurrenceState.Free, null);
        })];
    }

    /// <summary>Why the period cannot be had, or null when it is free for <paramref name="units"/> more.</summary>
    private static async Task<string?> ConflictAsync(EnoeDbContext db, BookableResource resource, DateTime start, DateTime end, int units, CancellationToken ct)
    {
        var taken = await db.Set<Booking>().Where(b => b.ResourceId == resource.Id && Booking.Holding.Contains(b.Status) && b.StartsAt < end && b.EndsAt > start)
            .Select(b => new Span(b.ResourceId, b.StartsAt, b.EndsAt, b.Units)).ToListAsync(ct);
        var peak = PeakLoad(taken, start, end);
        if (peak + units <= resource.Units) return null;
        return resource.Units == 1
            ? $"« {resource.Name} » est déjà réservé sur ce créneau."
            : $"« {resource.Name} » est déjà réservé : {Math.Max(0, resource.Units - peak)} unité(s) libre(s) sur {resource.Units} sur ce créneau.";
    }

    private sealed record Span(int ResourceId, DateTime StartsAt, DateTime EndsAt, int Units);

    /// <summary>The most units out at any instant of [start, end): bookings that never overlap each other do not add up.</summary>
    private static int PeakLoad(IEnumerable<Span> bookings, DateTime start, DateTime end)
    {
        var changes = bookings.Where(b => b.StartsAt < end && b.EndsAt > start)
            .SelectMany(b => new[] { (At: b.StartsAt < start ? start : b.StartsAt, Delta: b.Units), (At: b.EndsAt, Delta: -b.Units) })
            .OrderBy(c => c.At).ThenBy(c => c.Delta); // an end and a start at the same minute do not overlap
        int load = 0, peak = 0;
        foreach (var (_, delta) in changes) peak = Math.Max(peak, load += delta);
        return peak;
    }

    private Booking NewBooking(CurrentUser user, BookableResource resource, BookingRequest request, DateTime start, DateTime end, Guid? seriesId) => new()
    {
        SchoolId = resource.SchoolId, ResourceId = resource.Id, PersonId = user.PersonId, StartsAt = start, EndsAt = end, Units = request.Units,
        Reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), SchoolClassId = request.SchoolClassId,
        Status = resource.NeedsApproval ? BookingStatus.Pending : BookingStatus.Approved, SeriesId = seriesId, CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private static (DateTime Start, DateTime End) Utc(DateOnly date, TimeOnly startsAt, TimeOnly endsAt) =>
        (SchoolTime.ToUtc(date.ToDateTime(startsAt)), SchoolTime.ToUtc(date.ToDateTime(endsAt)));

    private static async Task<Profile> ProfilesAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct) =>
        await db.Memberships.Where(m => m.PersonId == user.PersonId && m.SchoolId == user.SchoolId).Select(m => m.Profiles).FirstOrDefaultAsync(ct);

    private static async Task<bool> DecidesAsync(EnoeDbContext db, CurrentUser user, BookableResource resource, CancellationToken ct) =>
        resource.ManagerId == user.PersonId
        || await db.Memberships.AnyAsync(m => m.PersonId == user.PersonId && m.SchoolId == resource.SchoolId && (m.Profiles & Direction) != 0, ct);

    private static IQueryable<BookingView> Project(IQueryable<Booking> bookings, int me, bool direction) =>
        bookings.Select(b => new BookingView(b.Id, b.ResourceId, b.Resource!.Name, b.Person!.FirstName + " " + b.Person.LastName, b.StartsAt, b.EndsAt, b.Units,
            b.Reason, b.SchoolClass == null ? null : b.SchoolClass.Name, b.Status, b.PersonId == me,
            b.PersonId == me || direction || b.Resource.ManagerId == me, direction || b.Resource.ManagerId == me, b.SeriesId));
}
