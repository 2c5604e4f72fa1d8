using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Enoe.Tests.Support;

/// <summary>
/// A real OpenID Connect provider on loopback: npm's oidc-provider (Enoe.Tests/EndToEnd/oidc/provider.mjs) on Node,
/// standing in for Entra ID (through Microsoft.Identity.Web) and for an ÉduConnect-like provider. Any account id typed
/// on its sign-in page exists: its <c>email</c> is <c>{id}@ac-enoe.test</c> and its <c>directory_key</c>
/// <c>J-{id}</c>. Killed on dispose.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string EmailDomain = "ac-enoe.test";
    private readonly Process _node;

    public string Issuer { get; }

    /// <summary>How long the provider took from start to accepting connections.</summary>
    public TimeSpan StartTime { get; }

    private OidcProvider(Process node, string issuer, TimeSpan startTime) =>
        (_node, Issuer, StartTime) = (node, issuer, startTime);

    public static async Task<OidcProvider> StartAsync()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "Enoe.Tests", "EndToEnd", "oidc");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "oidc-provider")))
            throw new InvalidOperationException("oidc-provider is missing: ./test.sh installs it (npm install).");
        var port = FreePort();
        var clock = Stopwatch.StartNew();
        var node = Process.Start(
            new ProcessStartInfo("node", ["provider.mjs", port.ToString()])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
        )!;
        node.ErrorDataReceived += (_, _) => { }; // its warnings (Node version, development keys) are expected
        node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("listening ", StringComparison.Ordinal))
                return new OidcProvider(node, line["listening ".Length..], clock.Elapsed);
        throw new InvalidOperationException($"The OpenID Connect provider stopped (exit code {node.ExitCode}).");
    }

    /// <summary>
    /// The app's configuration for both schemes: Microsoft.Identity.Web's standard AzureAd section pointed at this
    /// provider (its metadata, its exact issuer, HTTP metadata), mapping by e-mail; the generic scheme mapping by the
    /// directory key.
    /// </summary>
    public Dictionary<string, string> AppSettings() =>
        new()
        {
            ["AzureAd:Instance"] = Issuer + "/",
            ["AzureAd:TenantId"] = "enoe-test",
            ["AzureAd:ClientId"] = "enoe-entra",
            ["AzureAd:ClientSecret"] = "enoe-entra-secret",
            ["AzureAd:ResponseType"] = "code",
            ["AzureAd:MetadataAddress"] = Issuer + "/.well-known/openid-configuration",
            ["Enoe:AzureAd:Issuer"] = Issuer,
            ["Enoe:AzureAd:RequireHttpsMetadata"] = "false",
            ["Enoe:OpenIdConnect:Authority"] = Issuer,
            ["Enoe:OpenIdConnect:ClientId"] = "enoe-educonnect",
            ["Enoe:OpenIdConnect:ClientSecret"] = "enoe-educonnect-secret",
            ["Enoe:OpenIdConnect:ClaimType"] = "directory_key",
            ["Enoe:OpenIdConnect:PersonField"] = "DirectoryKey",
            ["Enoe:OpenIdConnect:RequireHttpsMetadata"] = "false",
        };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill();
            await _node.WaitForExitAsync();
        }
        _node.Dispose();
    }
}
