using System.Net;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.EndToEnd;

public static class KestrelHost
{
    /// <summary>Starts the app on Kestrel (127.0.0.1, a free port) for the browser; returns its address.</summary>
    public static string StartOnKestrel(this EnoeAppFactory app)
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }
}
