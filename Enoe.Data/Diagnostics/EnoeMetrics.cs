using System.Diagnostics.Metrics;

namespace Enoe.Data.Diagnostics;

/// <summary>
/// ENOE's own measurements, exported for Prometheus at <c>/metrics</c> (OpenTelemetry) beside ASP.NET Core's request
/// durations: open circuits, people waiting their turn, live events published and delivered, scheduled job runs. One
/// static meter: every instance counts its own, Prometheus adds them up.
/// </summary>
public static class EnoeMetrics
{
    public const string MeterName = "Enoe";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Blazor circuits open on this instance.</summary>
    public static readonly UpDownCounter<long> CircuitsOpen = Meter.CreateUpDownCounter<long>(
        "enoe.circuits.open",
        description: "Blazor circuits open on this instance"
    );

    /// <summary>People waiting their turn on this instance's waiting page (a rentrée morning's rush).</summary>
    public static readonly UpDownCounter<long> WaitingInLine = Meter.CreateUpDownCounter<long>(
        "enoe.waiting_line.length",
        description: "People waiting their turn to open ENOE on this instance"
    );

    /// <summary>Live events published by this instance; tag <c>event</c> (the event type's name).</summary>
    public static readonly Counter<long> EventsPublished = Meter.CreateCounter<long>(
        "enoe.events.published",
        description: "Live events published by this instance"
    );

    /// <summary>Live events handed to a subscriber (an open tab…) of this instance; tag <c>event</c>.</summary>
    public static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>(
        "enoe.events.delivered",
        description: "Live events delivered to subscribers of this instance"
    );

    /// <summary>Scheduled job runs; tags <c>job</c> and <c>outcome</c> (completed, skipped, failed, stopped).</summary>
    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "enoe.jobs.runs",
        description: "Scheduled job runs on this instance"
    );
}
