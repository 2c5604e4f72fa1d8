namespace Enoe.Data.Schools;

/// <summary>How a service is offered in one établissement.</summary>
public enum ServiceState
{
    Off = 0,

    /// <summary>Runs, reachable from anywhere (the SAS lets it through when the établissement allows it).</summary>
    On = 1,

    /// <summary>Runs, but only for requests from the établissement's own networks.</summary>
    InsideOnly = 2,
}

/// <summary>
/// One change of a service's state in one établissement, kept for the académie's console: who, when, what.
/// </summary>
public sealed class ServiceSwitchChange
{
    public long Id { get; set; }
    public int SchoolId { get; set; }
    public required string ServiceKey { get; set; }
    public ServiceState Before { get; set; }
    public ServiceState After { get; set; }

    /// <summary>Null once that account is deleted; the change stays.</summary>
    public int? ChangedById { get; set; }
    public DateTime ChangedAt { get; set; }
}
