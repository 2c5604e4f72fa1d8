using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Enoe.Tests.Support;

namespace Enoe.Tests.Instances.TwoInstances;

/// <summary>
/// Debian's nginx (test.sh installs it) in front of the test's instances, configured from the very file a deployment
/// uses (<c>deploy/nginx-enoe.conf</c>): its sticky cookie, its WebSocket and forwarded headers. The test changes only
/// what a test machine needs: a loopback port instead of TLS, the instances' ports, no <c>Secure</c> on the affinity
/// cookie (plain HTTP), and a header saying which instance answered.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";
    public const string UpstreamHeader = "X-Enoe-Upstream";
    private readonly Process _server;
    private readonly string _folder;

    private NginxProxy(Process server, string folder, string address)
    {
        _server = server;
        _folder = folder;
        Address = address;
    }

    /// <summary>The proxy's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: ./test.sh installs Debian's nginx.");
        var folder = Directory.CreateTempSubdirectory("enoe-nginx-").FullName;
        // nginx's workers drop root for "nobody": they must be able to write their buffers here.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        var port = FreePort();
        var deployed = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx-enoe.conf"));
        await File.WriteAllTextAsync(Path.Combine(folder, "enoe.conf"), ForTests(deployed, port, instances));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), MainConfiguration(folder));
        var server = Process.Start(
            new ProcessStartInfo(Binary)
            {
                ArgumentList = { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" },
                RedirectStandardError = true,
                UseShellExecute = false,
            }
        )!;
        var proxy = new NginxProxy(server, folder, $"http://127.0.0.1:{port}");
        for (var i = 0; i < 100 && !server.HasExited; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        var errors = server.HasExited ? await server.StandardError.ReadToEndAsync() : "no answer";
        await proxy.DisposeAsync();
        throw new InvalidOperationException($"nginx did not start on 127.0.0.1:{port}: {errors}");
    }

    /// <summary>
    /// The deployment's configuration, with a test machine's ports; fails when the file changed shape.
    /// </summary>
    public static string ForTests(string deployed, int port, IReadOnlyList<Uri> instances)
    {
        var servers = string.Concat(
            instances.Select(i => $"    server 127.0.0.1:{i.Port} max_fails=3 fail_timeout=10s;\n")
        );
        var config = Replace(deployed, RedirectServer(), "");
        config = Replace(config, UpstreamServers(), servers);
        config = Replace(config, TlsListen(), $"    listen 127.0.0.1:{port};\n");
        config = Replace(config, Certificates(), "");
        config = Replace(config, SecureAttribute(), "");
        return Replace(config, AffinityHeader(), $"$0\n    add_header {UpstreamHeader} $upstream_addr always;");
    }

    private static string Replace(string text, Regex pattern, string replacement)
    {
        if (!pattern.IsMatch(text))
            throw new InvalidOperationException($"deploy/nginx-enoe.conf no longer has {pattern}: update the test.");
        return pattern.Replace(text, replacement);
    }

    private static string MainConfiguration(string folder) =>
        $$"""
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log info;
            worker_processes 1;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/enoe.conf;
            }
            """;

    [GeneratedRegex(@"server \{\s*listen 80;.*?\n\}\n", RegexOptions.Singleline)]
    private static partial Regex RedirectServer();

    [GeneratedRegex(@"(    server 127\.0\.0\.1:\d+ [^\n]*\n)+")]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"(    listen (\[::\]:)?443 [^\n]*\n)+")]
    private static partial Regex TlsListen();

    [GeneratedRegex(@"    ssl_certificate[^\n]*\n")]
    private static partial Regex Certificates();

    [GeneratedRegex(@"Secure; ")]
    private static partial Regex SecureAttribute();

    [GeneratedRegex(@"add_header Set-Cookie \$enoe_affinity_cookie always;")]
    private static partial Regex AffinityHeader();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        _server.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException) { }
    }
}
