using System.Net;
using Enoe.App.Hosting;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Instances;

/// <summary>
/// <c>/metrics</c> (Prometheus) answers the machine itself and the allowed networks, seen through the trusted proxies
/// only; anyone else gets a 404.
/// </summary>
public sealed class MetricsTests(MetricsTests.App app) : IClassFixture<MetricsTests.App>
{
    public sealed class App : SasAppFactory
    {
        public const string PrometheusNetwork = "10.9.0.0/16";

        public App() => Settings[$"{MonitoringHosting.AllowedNetworksKey}:0"] = PrometheusNetwork;
    }

    [Fact]
    public async Task FromTheMachineItself_ListsOpenCircuits_AndRequestDurations()
    {
        // An app of its own: the exporter keeps a scrape's answer for a moment, other tests' scrapes included.
        await using var fresh = new App();
        var client = fresh.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetFromAsync("/health", "127.0.0.1")).StatusCode);
        var circuits = fresh.Services.GetRequiredService<CircuitCounter>();
        await circuits.OnCircuitOpenedAsync(null!, CancellationToken.None); // what Blazor calls; the circuit unused
        await circuits.OnCircuitClosedAsync(null!, CancellationToken.None);

        var metrics = await client.GetFromAsync("/metrics", "127.0.0.1");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("enoe_circuits_open", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
    }

    [Theory]
    [InlineData(SasAppFactory.Proxy, SasAppFactory.Outside)] // through the proxy, from outside
    [InlineData(SasAppFactory.Outside, "127.0.0.1")] // a header the client wrote itself: not believed
    [InlineData(SasAppFactory.Outside, "10.9.1.2")]
    public async Task FromAnywhereElse_Is404(string peer, string forwardedFor)
    {
        var metrics = await app.NewClient().GetFromAsync("/metrics", peer, forwardedFor);

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        Assert.DoesNotContain("enoe_", await metrics.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FromAnAllowedNetwork_ThroughTheProxy_Answers()
    {
        var metrics = await app.NewClient().GetFromAsync("/metrics", SasAppFactory.Proxy, "10.9.1.2");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }
}
