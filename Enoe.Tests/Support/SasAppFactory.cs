using System.Net;
using Enoe.Data;
using Enoe.Data.Events;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// The app behind the académie's SAS: one trusted proxy (<see cref="Proxy"/>) and one trusted proxy network
/// (<see cref="ProxyNetwork"/>). The test server has no socket, so a test names the address a request comes from in
/// <see cref="PeerHeader"/>, which a startup filter turns into the connection's remote address before anything else
/// runs (the forwarded headers come after it, as behind a real proxy).
/// </summary>
public class SasAppFactory : EnoeAppFactory
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "192.0.2.10";
    public const string ProxyNetwork = "198.51.100.0/24";

    /// <summary>Collège Victor Hugo's network in these tests.</summary>
    public const string SchoolNetwork = "10.25.7.0/24";
    public const string Inside = "10.25.7.20";
    public const string Outside = "203.0.113.5";

    public SasAppFactory()
        : this(withProxies: true) { }

    /// <param name="withProxies">False: the app as installed with no proxy configured.</param>
    protected SasAppFactory(bool withProxies)
    {
        if (!withProxies)
            return;
        Settings["Enoe:ForwardedHeaders:KnownProxies:0"] = Proxy;
        Settings["Enoe:ForwardedHeaders:KnownNetworks:0"] = ProxyNetwork;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    /// <summary>
    /// Sets an établissement's external-access policy as the académie's pages will, and tells the gate.
    /// </summary>
    public async Task SetPolicyAsync(string slug, bool externalAccess, string? networks, params EntService[] insideOnly)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var school = await db.Schools.Include(s => s.InsideOnlyServices).SingleAsync(s => s.Slug == slug);
        school.ExternalAccess = externalAccess;
        school.InsideNetworks = networks;
        school.InsideOnlyServices.Clear();
        school.InsideOnlyServices.AddRange(insideOnly.Select(s => new InsideOnlyService { ServiceKey = s.Key }));
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IEventBus>().PublishAsync(new SchoolServicesChanged(school.Id));
        await Services.DeliveredAsync();
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (http, then) =>
                    {
                        if (http.Request.Headers.TryGetValue(PeerHeader, out var peer))
                            http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                        return then(http);
                    }
                );
                next(app);
            };
    }
}

/// <summary>Requests from a given address, directly or through a proxy that adds X-Forwarded-For.</summary>
public static class RequestsFrom
{
    public static Task<HttpResponseMessage> GetFromAsync(
        this HttpClient client,
        string path,
        string peer,
        string? forwardedFor = null
    )
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(SasAppFactory.PeerHeader, peer);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }
}
