using System.ComponentModel;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Enoe.Data.Caching;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Schools;

/// <summary>
/// Published when the académie changes what an établissement runs or from where (a switch, the external-access
/// policy, its networks, its archiving): every instance forgets its cached switches (<see cref="ServiceAccess"/>),
/// then its open pages and widgets of that établissement re-check.
/// </summary>
/// <param name="Origin">The instance whose <see cref="ServiceAccess.ChangedAsync"/> announced it, which has forgotten
/// already; null from anyone else (a test that wrote the database itself): every instance forgets.</param>
public sealed record SchoolServicesChanged(int SchoolId, string? Origin = null);

/// <summary>
/// The server-side gate every service passes before reading or writing: does the établissement run the service, and
/// may this request reach it from where it comes (the SAS)? Each établissement's switches are cached
/// (<see cref="EnoeCache"/>, shared between instances) and dropped once on every instance when they change
/// (<see cref="ChangedAsync"/>, <see cref="HeardAsync"/>), so the check costs a look-up in memory on the hot path.
/// </summary>
public sealed class ServiceAccess : IDisposable
{
    private readonly IDbContextFactory<EnoeDbContext> _dbFactory;
    private readonly EnoeCache _cache;
    private readonly IEventBus _events;
    private readonly IDisposable _subscription;

    /// <summary>Tells this instance's announcements apart: it forgot before publishing them.</summary>
    private readonly string _origin = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Per announcement heard (the one object the bus hands every subscriber), its one forgetting: this gate's own
    /// subscription and each open page's may come first, all of them await the same.
    /// </summary>
    private readonly ConditionalWeakTable<SchoolServicesChanged, Lazy<Task>> _heard = new();

    public ServiceAccess(IDbContextFactory<EnoeDbContext> dbFactory, EnoeCache cache, IEventBus events)
    {
        _dbFactory = dbFactory;
        _cache = cache;
        _events = events;
        // With no page open here, the instance still forgets what another one changed.
        _subscription = events.Subscribe<SchoolServicesChanged>(HeardAsync);
    }

    /// <summary>
    /// The tag of everything cached about one établissement's settings and switches (its public record too).
    /// </summary>
    public static string Tag(int schoolId) => $"school:{schoolId}";

    /// <summary>
    /// The tag of what is cached about the académie as a whole (its name, the list of its établissements): any
    /// établissement's change drops it, since the list shows each one's name, town, archiving and public site.
    /// </summary>
    public const string AcademyTag = "academy";

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
        if (school.Archived)
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

    /// <summary>
    /// Whether <paramref name="service"/> is switched off in <paramref name="schoolId"/> (or the établissement
    /// archived), whatever the address a request comes from: for what a resource's server asks on the person's behalf.
    /// </summary>
    public async ValueTask<bool> IsOffAsync(int schoolId, EntService service, CancellationToken ct = default)
    {
        var school = await GetAsync(schoolId, ct);
        return school.Archived || school.StateOf(service) == ServiceState.Off;
    }

    /// <summary>
    /// Once a change of an établissement's switches or settings is committed: drops what is cached about it (and the
    /// académie's list) here before returning (in force at once for the caller), then announces it
    /// (<see cref="SchoolServicesChanged"/>): every other instance forgets on hearing it, then open pages and widgets
    /// re-check. One forgetting per instance and change: each is followed by one read of the switches.
    /// </summary>
    public async Task ChangedAsync(int schoolId)
    {
        await ForgetLocallyAsync(schoolId);
        await _events.PublishAsync(new SchoolServicesChanged(schoolId, _origin));
    }

    /// <summary>
    /// Once a change of établissements' records is committed (created, renamed, their colours...), switches or not:
    /// drops what is cached about them and the académie's list, here before returning and on every instance.
    /// </summary>
    public Task ForgetAsync(IEnumerable<int> schoolIds) =>
        _cache.InvalidateAsync([AcademyTag, .. schoolIds.Select(Tag)]);

    /// <summary>
    /// Completes once this instance has forgotten what the announced change made stale: a subscriber that re-checks
    /// on <see cref="SchoolServicesChanged"/> awaits it first, since the bus may run it before this gate's own.
    /// </summary>
    public Task HeardAsync(SchoolServicesChanged change) =>
        change.Origin == _origin
            ? Task.CompletedTask // forgotten by ChangedAsync before it was published
            : _heard.GetValue(change, c => new(() => ForgetLocallyAsync(c.SchoolId).AsTask())).Value;

    private ValueTask ForgetLocallyAsync(int schoolId) => _cache.ForgetLocallyAsync([AcademyTag, Tag(schoolId)]);

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

    private ValueTask<SchoolAccess> GetAsync(int schoolId, CancellationToken ct) =>
        _cache.GetOrCreateAsync($"school-access:{schoolId}", c => LoadAsync(schoolId, c), [Tag(schoolId)], ct);

    private async ValueTask<SchoolAccess> LoadAsync(int schoolId, CancellationToken ct)
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
            ? SchoolAccess.Unknown
            : new SchoolAccess(
                row.ArchivedAt is not null,
                row.ExternalAccess,
                [.. row.Closed],
                [.. row.InsideOnly],
                row.InsideNetworks
            );
    }

    public void Dispose() => _subscription.Dispose();
}

/// <summary>
/// One établissement's switches as cached (in Redis too, as JSON): its networks as typed, parsed once per copy.
/// An unknown établissement is cached as archived: both run nothing.
/// </summary>
[ImmutableObject(true)]
internal sealed record SchoolAccess(
    bool Archived,
    bool ExternalAccess,
    HashSet<string> Closed,
    HashSet<string> InsideOnly,
    string? InsideNetworks
)
{
    public static readonly SchoolAccess Unknown = new(true, false, [], [], null);

    [JsonIgnore]
    public IReadOnlyList<IPNetwork> Networks { get; } = SchoolNetworks.Parse(InsideNetworks).Networks;

    public ServiceState StateOf(EntService service) =>
        ServiceStates.Of(service, archived: false, ExternalAccess, Closed.Contains, InsideOnly.Contains);

    public bool IsInside(IPAddress? address) => address is not null && SchoolNetworks.Contains(Networks, address);
}
