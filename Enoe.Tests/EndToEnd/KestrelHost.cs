using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
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

    /// <summary>
    /// Starts the app on Kestrel over HTTPS with <paramref name="certificate"/> (what a client that insists on HTTPS,
    /// such as mod_auth_cas, needs); returns its address.
    /// </summary>
    public static string StartOnKestrelWithHttps(this EnoeAppFactory app, X509Certificate2 certificate)
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        app.StartServer();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>A self-signed certificate for 127.0.0.1, valid a day: its own authority.</summary>
    public static X509Certificate2 LoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var made = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddMinutes(-5),
            DateTimeOffset.UtcNow.AddDays(1)
        );
        // Through PKCS #12, so that Kestrel on Linux gets a key it can use.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }
}
