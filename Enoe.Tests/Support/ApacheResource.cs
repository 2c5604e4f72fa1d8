using System.Diagnostics;
using System.Net.Sockets;

namespace Enoe.Tests.Support;

/// <summary>
/// A real single sign-on client: Debian's Apache httpd on a free loopback port, in a temporary folder, protecting
/// <c>/ressource/</c> with ENOE as its identity provider, through mod_auth_cas (<c>libapache2-mod-auth-cas</c>) or
/// mod_auth_openidc (<c>libapache2-mod-auth-openidc</c>), both installed by <c>./test.sh</c>. Its page prints what the
/// module received: the login (<c>REMOTE_USER</c>) and the released profile (<c>ENTPersonProfils</c>). Both modules
/// talk to ENOE over HTTPS, with a certificate this client trusts (<c>certificatePem</c>). Killed on dispose.
/// </summary>
public sealed class ApacheResource : IAsyncDisposable
{
    private const string Modules = "/usr/lib/apache2/modules";
    private readonly Process _apache;
    private readonly string _folder;

    /// <summary>The protected page, as the module sends it to ENOE (CAS's service URL).</summary>
    public string ResourceUrl { get; }

    /// <summary>Where ENOE sends the browser back with a code (OpenID Connect's redirect URI).</summary>
    public string RedirectUri => ResourceUrl.Replace("/ressource/", "/oidc/callback");

    private ApacheResource(Process apache, string folder, string resourceUrl) =>
        (_apache, _folder, ResourceUrl) = (apache, folder, resourceUrl);

    /// <param name="saml">Validate through <c>/cas/samlValidate</c> (SAML 1.1), not <c>serviceValidate</c>.</param>
    public static Task<ApacheResource> StartCasAsync(string casServer, string certificatePem, bool saml = false) =>
        StartAsync(
            "mod_auth_cas.so",
            "auth_cas_module",
            certificatePem,
            "HTTP_CAS_ENTPERSONPROFILS",
            (folder, certificate, _) =>
                $"""
                    CASCookiePath {Directory.CreateDirectory(Path.Combine(folder, "cas-cache")).FullName}/
                    CASLoginURL {casServer}/cas/login
                    CASValidateURL {casServer}/cas/{(saml ? "samlValidate" : "serviceValidate")}
                    CASValidateSAML {(saml ? "On" : "Off")}
                    CASCertificatePath {certificate}
                    CASVersion 2
                    CASAttributePrefix CAS-
                    CASSSOEnabled On
                    <Location /ressource/>
                        AuthType CAS
                        CASAuthNHeader CAS-User
                        CASScrubRequestHeaders On
                        Require valid-user
                    </Location>
                    """
        );

    /// <summary>
    /// mod_auth_openidc as the confidential client <paramref name="clientId"/>: code flow with PKCE, the claims of the
    /// ID token and of userinfo passed to the page as <c>OIDC_CLAIM_*</c> variables.
    /// </summary>
    public static Task<ApacheResource> StartOpenIdConnectAsync(
        string provider,
        string certificatePem,
        string clientId,
        string secret
    ) =>
        StartAsync(
            "mod_auth_openidc.so",
            "auth_openidc_module",
            certificatePem,
            "OIDC_CLAIM_ENTPersonProfils",
            (folder, certificate, port) =>
                $"""
                    OIDCProviderMetadataURL {provider}/.well-known/openid-configuration
                    OIDCCABundlePath {certificate}
                    OIDCClientID {clientId}
                    OIDCClientSecret {secret}
                    OIDCRedirectURI http://127.0.0.1:{port}/oidc/callback
                    OIDCCryptoPassphrase {Guid.NewGuid():N}
                    OIDCScope "openid profile"
                    OIDCPKCEMethod S256
                    OIDCRemoteUserClaim sub
                    OIDCPassClaimsAs environment
                    <LocationMatch "^/(ressource|oidc)/">
                        AuthType openid-connect
                        Require valid-user
                    </LocationMatch>
                    """
        );

    /// <summary>
    /// Started on a free port; again on another when something took that port between the choice and Apache's bind.
    /// </summary>
    private static async Task<ApacheResource> StartAsync(
        string moduleFile,
        string moduleName,
        string certificatePem,
        string profileVariable,
        Func<string, string, int, string> moduleConfiguration
    )
    {
        for (var attempt = 1; ; attempt++)
            try
            {
                return await StartOnceAsync(
                    moduleFile,
                    moduleName,
                    certificatePem,
                    profileVariable,
                    moduleConfiguration
                );
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("Address already in use"))
            {
                // the port went to another process: another one
            }
    }

    private static async Task<ApacheResource> StartOnceAsync(
        string moduleFile,
        string moduleName,
        string certificatePem,
        string profileVariable,
        Func<string, string, int, string> moduleConfiguration
    )
    {
        if (!File.Exists(Path.Combine(Modules, moduleFile)))
            throw new InvalidOperationException($"{moduleFile} is missing: ./test.sh installs it.");
        var folder = Path.Combine(Path.GetTempPath(), "enoe-tests", "apache-" + Guid.NewGuid().ToString("N"));
        var pages = Directory.CreateDirectory(Path.Combine(folder, "www", "ressource")).FullName;
        await File.WriteAllTextAsync(
            Path.Combine(pages, "index.shtml"),
            $"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Ressource</title></head><body>
            <h1>Ressource protégée</h1>
            <p>Identifiant : <span id="user"><!--#echo var="REMOTE_USER" --></span></p>
            <p>Profil : <span id="profile"><!--#echo var="{profileVariable}" --></span></p>
            </body></html>
            """
        );
        var certificate = Path.Combine(folder, "enoe.pem");
        await File.WriteAllTextAsync(certificate, certificatePem);
        var port = PostgreSqlServer.FreePort();
        var config = Path.Combine(folder, "httpd.conf");
        // Run as root (CI), the workers take www-data: what they read and write is opened to them.
        var asRoot = Environment.IsPrivilegedProcess;
        await File.WriteAllTextAsync(
            config,
            $"""
            ServerName 127.0.0.1
            Listen 127.0.0.1:{port}
            PidFile {folder}/httpd.pid
            DefaultRuntimeDir {folder}
            ErrorLog {folder}/error.log
            LogLevel warn
            {(asRoot ? "User www-data\nGroup www-data" : "")}
            LoadModule mpm_event_module {Modules}/mod_mpm_event.so
            LoadModule authn_core_module {Modules}/mod_authn_core.so
            LoadModule authz_core_module {Modules}/mod_authz_core.so
            LoadModule authz_user_module {Modules}/mod_authz_user.so
            LoadModule include_module {Modules}/mod_include.so
            LoadModule dir_module {Modules}/mod_dir.so
            LoadModule {moduleName} {Modules}/{moduleFile}
            DocumentRoot {folder}/www
            DirectoryIndex index.shtml
            <Directory {pages}>
                Options +Includes
                SetOutputFilter INCLUDES
            </Directory>
            {moduleConfiguration(folder, certificate, port)}
            """
        );
        if (asRoot && !OperatingSystem.IsWindows())
        {
            foreach (var path in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories).Append(folder))
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
            foreach (var file in new[] { Path.Combine(pages, "index.shtml"), certificate })
                File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100); // whatever the umask
        }
        var apache = Process.Start(
            new ProcessStartInfo("/usr/sbin/apache2", ["-f", config, "-DFOREGROUND"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
        )!;
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        apache.OutputDataReceived += (_, e) => said.Enqueue(e.Data ?? "");
        apache.ErrorDataReceived += (_, e) => said.Enqueue(e.Data ?? "");
        apache.BeginOutputReadLine();
        apache.BeginErrorReadLine();
        var client = new ApacheResource(apache, folder, $"http://127.0.0.1:{port}/ressource/");
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (apache.HasExited)
                break;
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return client;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        var log = string.Join('\n', said) + "\n" + client.ErrorLog();
        await client.DisposeAsync();
        throw new InvalidOperationException($"Apache did not start:\n{log}");
    }

    /// <summary>What Apache and its module logged: shown when a journey fails.</summary>
    public string ErrorLog()
    {
        var path = Path.Combine(_folder, "error.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no error.log)";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_apache.HasExited)
        {
            _apache.Kill(entireProcessTree: true);
            await _apache.WaitForExitAsync();
        }
        _apache.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException) { }
    }
}
