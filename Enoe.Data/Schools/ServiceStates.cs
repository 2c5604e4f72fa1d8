namespace Enoe.Data.Schools;

/// <summary>
/// A service's state in an établissement from what is stored, computed as <see cref="ServiceAccess"/> does: switched
/// off, or inside-only (listed so, or the établissement has no external access), or on; everything is off in an
/// archived établissement. The académie's console compares these before and after a change to record it.
/// </summary>
public static class ServiceStates
{
    public static ServiceState Of(
        EntService service,
        bool archived,
        bool externalAccess,
        Func<string, bool> isClosed,
        Func<string, bool> isInsideOnly
    ) =>
        archived || isClosed(service.Key) ? ServiceState.Off
        : !externalAccess || isInsideOnly(service.Key) ? ServiceState.InsideOnly
        : ServiceState.On;

    /// <summary>Every service's state in <paramref name="school"/>, its switch lists loaded.</summary>
    public static Dictionary<EntService, ServiceState> Of(School school, IEnumerable<EntService> services)
    {
        var closed = school.ClosedServices.Select(c => c.ServiceKey).ToHashSet(StringComparer.Ordinal);
        var insideOnly = school.InsideOnlyServices.Select(c => c.ServiceKey).ToHashSet(StringComparer.Ordinal);
        return services.ToDictionary(
            s => s,
            s => Of(s, school.ArchivedAt is not null, school.ExternalAccess, closed.Contains, insideOnly.Contains)
        );
    }
}
