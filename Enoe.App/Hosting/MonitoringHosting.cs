using System.Net;
using Enoe.Data.Diagnostics;
using OpenTelemetry.Metrics;

namespace Enoe.App.Hosting;

/// <summary>
/// What operations watch: <c>/health</c> and <c>/health/ready</c> (<see cref="HealthHosting"/>), OpenTelemetry metrics
/// for Prometheus at <c>/metrics</c> (ENOE's own meter, ASP.NET Core's request durations, Kestrel's connections,
/// Blazor's circuits), and the client's real address as a scope on every log written during a request.
/// </summary>
public static class MonitoringHosting
{
    public const string AllowedNetworksKey = "Enoe:Metrics:AllowedNetworks";
    public const string MetricsPath = "/metrics";
    public const string ClientAddressScope = "ClientAddress";

    private static readonly string[] Meters =
    [
        EnoeMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
    ];

    public static WebApplicationBuilder AddEnoeMonitoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddEnoeHealth(builder.Configuration);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(Meters).AddPrometheusExporter());
        var networks = builder.Configuration.GetSection(AllowedNetworksKey).Get<string[]>() ?? [];
        builder.Services.AddSingleton(new MetricsAudience([.. networks.Select(n => IPNetwork.Parse(n.Trim()))]));
        return builder;
    }

    /// <summary>
    /// Right after the forwarded headers, so both see the real client: the log scope, and <c>/metrics</c> answered
    /// only to the machine itself and the configured networks (404 to anyone else, as if there were none).
    /// </summary>
    public static IApplicationBuilder UseEnoeMonitoring(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Enoe.Requests");
        var audience = app.ApplicationServices.GetRequiredService<MetricsAudience>();
        return app.Use(
            async (http, next) =>
            {
                var client = http.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped
                    ? mapped.MapToIPv4()
                    : http.Connection.RemoteIpAddress;
                using var scope = logger.BeginScope(new ClientAddressState(client?.ToString()));
                if (http.Request.Path.StartsWithSegments(MetricsPath) && !audience.Allows(client))
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                await next(http);
            }
        );
    }

    public static void MapEnoeMonitoring(this IEndpointRouteBuilder app)
    {
        app.MapEnoeHealth();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
    }

    /// <summary>Who may read <c>/metrics</c>: loopback, and the networks listed (the Prometheus server's).</summary>
    public sealed class MetricsAudience(IReadOnlyList<IPNetwork> networks)
    {
        public bool Allows(IPAddress? client) =>
            client is not null && (IPAddress.IsLoopback(client) || networks.Any(n => n.Contains(client)));
    }

    /// <summary>The scope's one property, named for structured logs, readable in plain ones.</summary>
    private sealed class ClientAddressState(string? address) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new(ClientAddressScope, address) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"{ClientAddressScope}:{address}";
    }
}
