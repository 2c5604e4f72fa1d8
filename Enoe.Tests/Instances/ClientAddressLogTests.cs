using Enoe.App.Hosting;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Enoe.Tests.Instances;

/// <summary>
/// What is logged during a request carries the client's real address, as the trusted proxies gave it.
/// </summary>
public sealed class ClientAddressLogTests
{
    /// <summary>Logged by ASP.NET Core inside the pipeline, on every request that reaches an endpoint.</summary>
    private const string EndpointCategory = "Microsoft.AspNetCore.Routing.EndpointMiddleware";

    [Theory]
    [InlineData(SasAppFactory.Proxy, SasAppFactory.Outside, SasAppFactory.Outside)]
    [InlineData(SasAppFactory.Outside, SasAppFactory.Inside, SasAppFactory.Outside)] // written by the client: ignored
    public async Task ALogWrittenDuringARequest_CarriesTheClientAddress(string peer, string forwardedFor, string client)
    {
        var log = new ListLogger<ClientAddressLogTests>();
        await using var app = new LoggedApp(log);

        await app.NewClient().GetFromAsync("/health", peer, forwardedFor);

        Assert.NotEmpty(log.Entries);
        Assert.All(log.Entries, e => Assert.Equal(client, e.ScopeValue(MonitoringHosting.ClientAddressScope)));
    }

    /// <summary>
    /// The app with <paramref name="log"/> keeping the endpoint middleware's entries, and only those.
    /// </summary>
    private sealed class LoggedApp(ListLogger<ClientAddressLogTests> log) : SasAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l =>
                l.AddProvider(log)
                    .AddFilter<ListLogger<ClientAddressLogTests>>(null, LogLevel.None)
                    .AddFilter<ListLogger<ClientAddressLogTests>>(EndpointCategory, LogLevel.Information)
            );
        }
    }
}
