using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Enoe.App.Hosting;

/// <summary>
/// The client's real address behind the académie's reverse proxy (the SAS): <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the proxies and networks configured under
/// <c>Enoe:ForwardedHeaders</c>. With none configured, no forwarded header is believed (ASP.NET Core's default would
/// trust loopback): a header anyone can write must never make a request from home look as if it came from the school.
/// </summary>
public static class ForwardedHeadersHosting
{
    public const string Section = "Enoe:ForwardedHeaders";

    public static WebApplicationBuilder AddEnoeForwardedHeaders(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // ASP.NET Core checks who sent the headers only when a proxy or network is known: with both lists empty
            // it would believe anyone. No proxy configured: no forwarded header read at all.
            o.ForwardedHeaders =
                proxies.Length + networks.Length == 0
                    ? ForwardedHeaders.None
                    : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            // Walk back through every trusted proxy (a load balancer before the SAS): the client is the first address
            // that is not one of them, whatever a client wrote in the header before it.
            o.ForwardLimit = null;
        });
        return builder;
    }
}
