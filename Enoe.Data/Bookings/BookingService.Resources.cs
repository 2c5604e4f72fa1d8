using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Bookings;

/// <summary>What the direction keeps: the bookable resources and the holidays weekly series skip.</summary>
public sealed partial class BookingService
{
    public const int CategoryMax = 100,
        UnitsMax = 500,
        HolidayNameMax = 100;

    private static readonly BookableResourceDraftValidator ResourceValidator = new();

    /// <summary>Creates or changes a resource: the direction (staff and admins) of the établissement.</summary>
    public async Task<Result<int>> SaveResourceAsync(
        CurrentUser user,
        BookableResourceDraft draft,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is { } refused)
            return refused;
        var validation = await ResourceValidator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.HoldsAsync(user.PersonId, user.SchoolId, Right.BookableResourcesManage, ct))
            return Result.Forbidden(BookingMessages.Resource_Forbidden);
        var school = user.SchoolId!.Value;
        if (
            draft.ManagerId is int manager
            && !await db.Memberships.AnyAsync(
                m => m.PersonId == manager && m.SchoolId == school && (m.Profiles & Profile.Personnel) != 0,
                ct
            )
        )
            return Result.Invalid([BookingMessages.Resource_ManagerNotStaff]);
        var name = draft.Name.Trim();
        // Under the school's lock: two resources given one name (or one new category) at once, the second is told.
        await using var transaction = await db.BeginTurnAsync<Schools.School>(school, ct);
        if (
            await db.Set<BookableResource>()
                .AnyAsync(r => r.SchoolId == school && r.Name == name && r.Id != draft.Id, ct)
        )
            return Result.Invalid([BookingMessages.FormatResource_NameTaken(name)]);
        var categoryName = draft.Category.Trim();
        var category =
            await db.Set<ResourceCategory>()
                .FirstOrDefaultAsync(c => c.SchoolId == school && c.Name == categoryName, ct)
            ?? new ResourceCategory { SchoolId = school, Name = categoryName };
        var resource =
            draft.Id == 0
                ? new BookableResource { SchoolId = school }
                : await db.Set<BookableResource>()
                    .FirstOrDefaultAsync(r => r.Id == draft.Id && r.SchoolId == school, ct);
        if (resource is null)
            return Result.NotFound(BookingMessages.Resource_Gone);
        (resource.Name, resource.Category, resource.Description, resource.Kind, resource.Units) = (
            name,
            category,
            draft.Description?.Trim(),
            draft.Kind,
            draft.Units
        );
        (resource.BookableBy, resource.NeedsApproval, resource.ManagerId, resource.OpensAt, resource.ClosesAt) = (
            draft.BookableBy,
            draft.NeedsApproval,
            draft.ManagerId,
            draft.OpensAt,
            draft.ClosesAt
        );
        if (draft.Id == 0)
            db.Add(resource);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<int>.Ok(resource.Id);
    }

    /// <summary>Whether this person sets up the établissement's bookable resources (the page's link).</summary>
    public async Task<bool> ManagesResourcesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.HoldsAsync(user.PersonId, user.SchoolId, Right.BookableResourcesManage, ct);
    }

    /// <summary>The établissement's personnel, who may manage (approve the bookings of) a resource.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> ManagersAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db
            .Memberships.Where(m =>
                m.SchoolId == user.SchoolId && (m.Profiles & (Profile.Staff | Profile.SchoolAdmin)) != 0
            )
            .OrderBy(m => m.Person!.LastName)
            .Select(m => new
            {
                m.PersonId,
                Name = m.Person!.FirstName
                    + " "
                    + m.Person.LastName
                    + (m.Function != null ? " (" + m.Function + ")" : ""),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.PersonId, r.Name))];
    }

    /// <summary>Holiday periods weekly series skip: the établissement's own and the académie's.</summary>
    public async Task<IReadOnlyList<HolidayPeriod>> HolidaysAsync(int? schoolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<HolidayPeriod>()
            .AsNoTracking()
            .Where(h => h.SchoolId == null || h.SchoolId == schoolId)
            .OrderBy(h => h.From)
            .ToListAsync(ct);
    }

    public async Task<Result> AddHolidayAsync(
        CurrentUser user,
        string name,
        DateOnly from,
        DateOnly to,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is { } refused)
            return refused;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > HolidayNameMax)
            return Result.Invalid([BookingMessages.FormatHoliday_NameRequired(HolidayNameMax)]);
        if (to < from)
            return Result.Invalid([BookingMessages.Holiday_EndsBeforeStart]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProfilesAsync(db, user, ct)).HasAny(Profile.SchoolAdmin))
            return Result.Forbidden(BookingMessages.Holiday_Forbidden);
        db.Add(
            new HolidayPeriod
            {
                SchoolId = user.SchoolId,
                Name = name.Trim(),
                From = from,
                To = to,
            }
        );
        await db.SaveChangesAsync(ct);
        await HolidaysChangedAsync(user.SchoolId);
        return Result.Ok();
    }

    /// <summary>Removes one of the établissement's own holiday periods (the académie's stay).</summary>
    public async Task<Result> DeleteHolidayAsync(CurrentUser user, int holidayId, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Bookings, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!(await ProfilesAsync(db, user, ct)).HasAny(Profile.SchoolAdmin))
            return Result.Forbidden(BookingMessages.Holiday_Forbidden);
        var removed = await db.Set<HolidayPeriod>()
            .Where(h => h.Id == holidayId && h.SchoolId == user.SchoolId)
            .ExecuteDeleteAsync(ct);
        await HolidaysChangedAsync(user.SchoolId);
        return removed == 1 ? Result.Ok() : Result.NotFound(BookingMessages.Holiday_NotOurs);
    }

    /// <summary>The timetables read the holidays again: dropped from the cache, and open pages told.</summary>
    private async Task HolidaysChangedAsync(int? schoolId)
    {
        await timetable.CalendarChangedAsync(schoolId);
        if (schoolId is int id)
            await events.PublishAsync(new Timetable.TimetableImported(id));
    }
}
