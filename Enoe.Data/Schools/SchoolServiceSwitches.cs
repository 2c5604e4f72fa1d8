using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

public sealed record SchoolServices(int SchoolId, string Name, SchoolKind Kind, EntService Services);

/// <summary>The académie decides which ENT services each établissement runs; only its admins may change that.</summary>
public sealed class SchoolServiceSwitches(IDbContextFactory<EnoeDbContext> dbFactory)
{
    public async Task<Result<IReadOnlyList<SchoolServices>>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsAcademyAdminAsync(db, user, ct)) return Result<IReadOnlyList<SchoolServices>>.From(Result.Forbidden());
        IReadOnlyList<SchoolServices> list = await db.Schools.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Name)
            .Select(s => new SchoolServices(s.Id, s.Name, s.Kind, s.Services)).ToListAsync(ct);
        return Result<IReadOnlyList<SchoolServices>>.Ok(list);
    }

    public async Task<Result> SetAsync(CurrentUser user, int schoolId, EntService service, bool on, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await IsAcademyAdminAsync(db, user, ct)) return Result.Forbidden(SchoolMessages.Switches_AcademyOnly);
        if (service == EntService.None || (EntService.All & service) != service) return Result.Invalid([SchoolMessages.Switches_UnknownService]);
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == schoolId, ct);
        if (school is null) return Result.NotFound(SchoolMessages.Switches_UnknownSchool);
        school.Services = on ? school.Services | service : school.Services & ~service;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Whether the établissement runs the service: the server-side check behind every service page and endpoint.</summary>
    public async Task<bool> RunsAsync(int? schoolId, EntService service, CancellationToken ct = default)
    {
        if (schoolId is null) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Schools.AnyAsync(s => s.Id == schoolId && (s.Services & service) == service, ct);
    }

    private static Task<bool> IsAcademyAdminAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct) =>
        db.Users.AnyAsync(p => p.Id == user.PersonId && p.IsAcademyAdmin, ct);
}
