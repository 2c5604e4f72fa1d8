using System.Collections.Concurrent;
using System.Net;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

/// <summary>
/// Published when the académie changes what an établissement runs or from where (a switch, the external-access
/// policy, its networks, its archiving): open pages and widgets of that établissement re-check at once.
/// </summary>
public sealed record SchoolServicesChanged(int SchoolId);

/// <summary>
/// The server-side gate every service passes before reading or writing: does the établissement run the service, and
/// may this request reach it from where it comes (the SAS)? Each établissement's switches are cached and dropped when
/// <see cref="SchoolServicesChanged"/> says they changed (and after a short while in any case), so the check costs a
/// dictionary look-up on the hot path.
/// </summary>
public sealed class ServiceAccess : IDisposable
{
    private static readonly long MaxAgeMs = (long)TimeSpan.FromSeconds(30).TotalMilliseconds;

    private readonly IDbContextFactory<EnoeDbContext> _dbFactory;
    private readonly ConcurrentDictionary<int, Entry> _cache = new();

    /// <summary>
    /// Bumped by each change of an établissement: a read that started before the change never puts its older answer
    /// back into the cache.
    /// </summary>
    private readonly ConcurrentDictionary<int, long> _versions = new();
    private readonly IDisposable _subscription;

    public ServiceAccess(IDbContextFactory<EnoeDbContext> dbFactory, IEventBus events)
    {
        _dbFactory = dbFactory;
        _subscription = events.Subscribe<SchoolServicesChanged>(e =>
        {
            Forget(e.SchoolId);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Null when <paramref name="user"/> may use <paramref name="service"/> in <paramref name="schoolId"/> (by default
    /// the établissement of their session) from where their request comes; otherwise the refusal to return, in
    /// French. A person outside any établissement is left to the service's own rules.
    /// </summary>
    public async ValueTask<Refusal?> RefusalAsync(
        CurrentUser user,
        EntService service,
        int? schoolId = null,
        CancellationToken ct = default
    )
    {
        if ((schoolId ?? user.SchoolId) is not int id)
            return null;
        var school = await GetAsync(id, ct);
        if (school is null || school.Archived)
            return Result.Forbidden(SchoolMessages.Access_SchoolClosed);
        return school.StateOf(service) switch
        {
            ServiceState.Off => Result.Forbidden(SchoolMessages.Access_ServiceOff),
            ServiceState.InsideOnly when !school.IsInside(user.ClientAddress) => Result.Forbidden(
                SchoolMessages.Access_InsideOnly
            ),
            _ => null,
        };
    }

    /// <summary>Drops what is cached about an établissement (it just changed): the next check reads it again.</summary>
    public void Forget(int schoolId)
    {
        _versions.AddOrUpdate(schoolId, 1, (_, v) => v + 1);
        _cache.TryRemove(schoolId, out _);
    }

    /// <summary>
    /// Whether a service's refusal is this gate's (switched off, archived, inside-only): a download then answers 403
    /// with the reason, where the service's own refusals look like an unknown id.
    /// </summary>
    public static bool IsGateRefusal(Result result) =>
        result is { Kind: ResultKind.Forbidden, Errors: [var message] }
        && (
            message == SchoolMessages.Access_InsideOnly
            || message == SchoolMessages.Access_ServiceOff
            || message == SchoolMessages.Access_SchoolClosed
        );

    /// <summary>The service's state in the établissement; Off for an unknown or archived one.</summary>
    public async ValueTask<ServiceState> StateAsync(int schoolId, EntService service, CancellationToken ct = default) =>
        await GetAsync(schoolId, ct) is { Archived: false } school ? school.StateOf(service) : ServiceState.Off;

    private async ValueTask<SchoolAccess?> GetAsync(int schoolId, CancellationToken ct)
    {
        if (_cache.TryGetValue(schoolId, out var entry) && Environment.TickCount64 - entry.LoadedAt < MaxAgeMs)
            return entry.School;
        var version = _versions.GetValueOrDefault(schoolId);
        var school = await LoadAsync(schoolId, ct);
        if (_versions.GetValueOrDefault(schoolId) == version) // else it changed meanwhile: the next check reads again
            _cache[schoolId] = new Entry(school, Environment.TickCount64);
        return school;
    }

    private async Task<SchoolAccess?> LoadAsync(int schoolId, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var row = await db
            .Schools.AsNoTracking()
            .Where(s => s.Id == schoolId)
            .Select(s => new
            {
                s.ArchivedAt,
                s.ExternalAccess,
                s.InsideNetworks,
                Closed = s.ClosedServices.Select(c => c.ServiceKey).ToList(),
                InsideOnly = s.InsideOnlyServices.Select(c => c.ServiceKey).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null
            ? null
            : new SchoolAccess(
                row.ArchivedAt is not null,
                row.ExternalAccess,
                [.. row.Closed],
                [.. row.InsideOnly],
                SchoolNetworks.Parse(row.InsideNetworks).Networks
            );
    }

    public void Dispose() => _subscription.Dispose();

    private sealed record Entry(SchoolAccess? School, long LoadedAt);

    private sealed record SchoolAccess(
        bool Archived,
        bool ExternalAccess,
        HashSet<string> Closed,
        HashSet<string> InsideOnly,
        IReadOnlyList<IPNetwork> Networks
    )
    {
        public ServiceState StateOf(EntService service) =>
            ServiceStates.Of(service, archived: false, ExternalAccess, Closed.Contains, InsideOnly.Contains);

        public bool IsInside(IPAddress? address) => address is not null && SchoolNetworks.Contains(Networks, address);
    }
}
