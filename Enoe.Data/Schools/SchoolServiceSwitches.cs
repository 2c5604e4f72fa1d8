using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Modules;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

public sealed record SchoolServices(int SchoolId, string Name, SchoolKind Kind, ServiceSet Services);

/// <summary>The académie decides which ENT services each établissement runs; only its admins may change that.</summary>
public sealed class SchoolServiceSwitches(IDbContextFactory<EnoeDbContext> dbFactory, EntServiceCatalog catalog)
{
    public async Task<Result<IReadOnlyList<SchoolServices>>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden();
        var rows = await db
            .Schools.AsNoTracking()
            .OrderBy(s => s.Kind)
            .ThenBy(s => s.Name)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Kind,
                Closed = s.ClosedServices.Select(c => c.ServiceKey).ToList(),
            })
            .ToListAsync(ct);
        return Result<IReadOnlyList<SchoolServices>>.Ok([
            .. rows.Select(r => new SchoolServices(r.Id, r.Name, r.Kind, new ServiceSet(r.Closed))),
        ]);
    }

    public async Task<Result> SetAsync(
        CurrentUser user,
        int schoolId,
        EntService service,
        bool on,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Switches_AcademyOnly);
        if (!catalog.Exists(service))
            return Result.Invalid([SchoolMessages.Switches_UnknownService]);
        if (!await db.Schools.AnyAsync(s => s.Id == schoolId, ct))
            return Result.NotFound(SchoolMessages.Switches_UnknownSchool);
        var closed = db.Set<ClosedService>().Where(c => c.SchoolId == schoolId && c.ServiceKey == service.Key);
        if (on)
            await closed.ExecuteDeleteAsync(ct);
        else if (!await closed.AnyAsync(ct))
        {
            db.Add(new ClosedService { SchoolId = schoolId, ServiceKey = service.Key });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (Contention.IsDuplicate(e)) { } // switched off meanwhile: same outcome
        }
        return Result.Ok();
    }

    /// <summary>
    /// Whether the établissement runs the service: the server-side check behind every service page and endpoint.
    /// </summary>
    public async Task<bool> RunsAsync(int? schoolId, EntService service, CancellationToken ct = default)
    {
        if (schoolId is null)
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Schools.Where(EntServices.RunningIn(service)).AnyAsync(s => s.Id == schoolId, ct);
    }
}
