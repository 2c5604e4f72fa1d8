using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Modules;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

/// <summary>One établissement's services as the académie's console shows them.</summary>
public sealed record SchoolServices(
    int SchoolId,
    string Name,
    SchoolKind Kind,
    bool ExternalAccess,
    IReadOnlySet<string> Closed,
    IReadOnlySet<string> InsideOnly
)
{
    public ServiceSet Services => new(Closed);

    public ServiceState StateOf(EntService service) =>
        ServiceStates.Of(service, archived: false, ExternalAccess, Closed.Contains, InsideOnly.Contains);
}

/// <summary>What switching a service would change, said before it is done.</summary>
/// <param name="Changing">The établissements whose state would change, by name.</param>
/// <param name="Unchanged">How many of those chosen are already in that state.</param>
/// <param name="People">Accounts of the établissements that change: those who gain or lose the service.</param>
public sealed record SwitchPlan(
    EntService Service,
    ServiceState To,
    IReadOnlyList<string> Changing,
    int Unchanged,
    int People
);

/// <summary>
/// The académie decides which ENT services each établissement runs, and from where: only its admins may change
/// that. Every change is recorded (who, when, before and after) and announced, so that open pages and widgets of
/// the établissement re-check at once (<see cref="SchoolServicesChanged"/>).
/// </summary>
public sealed partial class SchoolServiceSwitches(
    IDbContextFactory<EnoeDbContext> dbFactory,
    EntServiceCatalog catalog,
    ServiceAccess access,
    TimeProvider clock
)
{
    /// <summary>Every établissement still open (not archived) with its services.</summary>
    public async Task<Result<IReadOnlyList<SchoolServices>>> ListAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden();
        var rows = await db
            .Schools.AsNoTracking()
            .Where(s => s.ArchivedAt == null)
            .OrderBy(s => s.Kind)
            .ThenBy(s => s.Name)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.Kind,
                s.ExternalAccess,
                Closed = s.ClosedServices.Select(c => c.ServiceKey).ToList(),
                InsideOnly = s.InsideOnlyServices.Select(c => c.ServiceKey).ToList(),
            })
            .ToListAsync(ct);
        return Result<IReadOnlyList<SchoolServices>>.Ok([
            .. rows.Select(r => new SchoolServices(
                r.Id,
                r.Name,
                r.Kind,
                r.ExternalAccess,
                r.Closed.ToHashSet(StringComparer.Ordinal),
                r.InsideOnly.ToHashSet(StringComparer.Ordinal)
            )),
        ]);
    }

    /// <summary>Switches one service on (from anywhere) or off in one établissement.</summary>
    public async Task<Result> SetAsync(
        CurrentUser user,
        int schoolId,
        EntService service,
        bool on,
        CancellationToken ct = default
    ) => await ApplyAsync(user, [schoolId], service, on ? ServiceState.On : ServiceState.Off, ct);

    /// <summary>What <see cref="ApplyAsync"/> would change, without changing it.</summary>
    public async Task<Result<SwitchPlan>> PlanAsync(
        CurrentUser user,
        IReadOnlyCollection<int> schoolIds,
        EntService service,
        ServiceState to,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await RefuseAsync(db, user, schoolIds, service, to, ct) is { } refused)
            return refused;
        var changing = await ChangingAsync(db, schoolIds, service, to, ct);
        var ids = changing.Select(s => s.Id).ToList();
        var people = await db
            .Memberships.Where(m => ids.Contains(m.SchoolId))
            .Select(m => m.PersonId)
            .Distinct()
            .CountAsync(ct);
        return Result<SwitchPlan>.Ok(
            new SwitchPlan(service, to, [.. changing.Select(s => s.Name)], schoolIds.Count - changing.Count, people)
        );
    }

    /// <summary>
    /// Puts <paramref name="service"/> in state <paramref name="to"/> in each établissement chosen, in one
    /// transaction; records each change and announces it once committed.
    /// </summary>
    public async Task<Result<int>> ApplyAsync(
        CurrentUser user,
        IReadOnlyCollection<int> schoolIds,
        EntService service,
        ServiceState to,
        CancellationToken ct = default
    )
    {
        List<int> changed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await RefuseAsync(db, user, schoolIds, service, to, ct) is { } refused)
                return refused;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Two admins switching overlapping établissements take turns: the second reads what the first changed
            // (without it, on PostgreSQL, both read the same states, and the second failed on the first's rows, or
            // the two deadlocked, each waiting on a row the other had written).
            await db.LockAllAsync<School>(schoolIds, ct);
            var changing = await ChangingAsync(db, schoolIds, service, to, ct);
            changed = [.. changing.Select(s => s.Id)];
            var key = service.Key;
            try
            {
                await db.Set<ClosedService>()
                    .Where(c => changed.Contains(c.SchoolId) && c.ServiceKey == key)
                    .ExecuteDeleteAsync(ct);
                await db.Set<InsideOnlyService>()
                    .Where(c => changed.Contains(c.SchoolId) && c.ServiceKey == key)
                    .ExecuteDeleteAsync(ct);
                Record(db, user, changing, key, to);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (Contention.IsDuplicate(e) || Contention.IsBusy(e))
            {
                // Another admin switched it meanwhile; or an import of établissements was writing them, and
                // PostgreSQL ended one of the two.
                return Result.Conflict(SchoolMessages.Switches_Concurrent);
            }
            await transaction.CommitAsync(ct);
        }
        foreach (var id in changed)
            await access.ChangedAsync(id); // here at once, on the other instances within the bus's delay
        return Result<int>.Ok(changed.Count);
    }

    /// <summary>
    /// Whether the établissement runs the service (from anywhere or inside only). Kept for callers that do not
    /// care where the request comes from; <see cref="ServiceAccess"/> is the gate requests go through.
    /// </summary>
    public async Task<bool> RunsAsync(int? schoolId, EntService service, CancellationToken ct = default) =>
        schoolId is int id && await access.StateAsync(id, service, ct) != ServiceState.Off;

    private async Task<Refusal?> RefuseAsync(
        EnoeDbContext db,
        CurrentUser user,
        IReadOnlyCollection<int> schoolIds,
        EntService service,
        ServiceState to,
        CancellationToken ct
    )
    {
        if (!await db.IsAcademyAdminAsync(user.PersonId, ct))
            return Result.Forbidden(SchoolMessages.Switches_AcademyOnly);
        if (!catalog.Exists(service) || !Enum.IsDefined(to)) // values from the browser's select, checked here
            return Result.Invalid([SchoolMessages.Switches_UnknownService]);
        if (schoolIds.Count == 0)
            return Result.Invalid([SchoolMessages.Switches_NoSchool]);
        var found = await db.Schools.CountAsync(s => schoolIds.Contains(s.Id) && s.ArchivedAt == null, ct);
        return found == schoolIds.Distinct().Count() ? null : Result.NotFound(SchoolMessages.Switches_UnknownSchool);
    }

    private sealed record Changing(int Id, string Name, ServiceState State, ServiceState After);

    /// <summary>Each établissement's new state, and the change in its history.</summary>
    private void Record(EnoeDbContext db, CurrentUser user, List<Changing> changing, string key, ServiceState to)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var school in changing)
        {
            if (to == ServiceState.Off)
                db.Add(new ClosedService { SchoolId = school.Id, ServiceKey = key });
            else if (to == ServiceState.InsideOnly)
                db.Add(new InsideOnlyService { SchoolId = school.Id, ServiceKey = key });
            db.Add(
                new ServiceSwitchChange
                {
                    SchoolId = school.Id,
                    ServiceKey = key,
                    Before = school.State,
                    After = school.After,
                    ChangedById = user.PersonId,
                    ChangedAt = now,
                }
            );
        }
    }

    /// <summary>
    /// The établissements chosen whose state of the service would really change: "open from anywhere" stays inside
    /// the school where the établissement has no external access, and is no change there.
    /// </summary>
    private static async Task<List<Changing>> ChangingAsync(
        EnoeDbContext db,
        IReadOnlyCollection<int> schoolIds,
        EntService service,
        ServiceState to,
        CancellationToken ct
    )
    {
        var key = service.Key;
        var rows = await db
            .Schools.Where(s => schoolIds.Contains(s.Id))
            .OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.ExternalAccess,
                Closed = s.ClosedServices.Any(c => c.ServiceKey == key),
                InsideOnly = s.InsideOnlyServices.Any(c => c.ServiceKey == key),
            })
            .ToListAsync(ct);
        return
        [
            .. rows.Select(r => new Changing(
                    r.Id,
                    r.Name,
                    ServiceStates.Of(service, archived: false, r.ExternalAccess, _ => r.Closed, _ => r.InsideOnly),
                    ServiceStates.Of(
                        service,
                        archived: false,
                        r.ExternalAccess,
                        _ => to == ServiceState.Off,
                        _ => to == ServiceState.InsideOnly
                    )
                ))
                .Where(s => s.State != s.After),
        ];
    }
}
