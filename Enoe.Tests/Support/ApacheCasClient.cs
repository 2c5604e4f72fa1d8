using System.Diagnostics;
using System.Net.Sockets;

namespace Enoe.Tests.Support;

/// <summary>
/// A real CAS client: Debian's Apache httpd with mod_auth_cas (<c>libapache2-mod-auth-cas</c>, installed by
/// <c>./test.sh</c>) on a free loopback port, in a temporary folder, protecting <c>/ressource/</c> with ENOE's CAS
/// server. Its page prints what mod_auth_cas received: the login (<c>REMOTE_USER</c>) and the released profile (an
/// attribute of the CAS 2 answer, passed as a request header). mod_auth_cas validates over HTTPS only, so ENOE serves
/// HTTPS with a certificate this client trusts (<paramref name="certificatePem"/>). Killed on dispose.
/// </summary>
public sealed class ApacheCasClient : IAsyncDisposable
{
    private const string Modules = "/usr/lib/apache2/modules";
    private readonly Process _apache;
    private readonly string _folder;

    /// <summary>The protected page, as mod_auth_cas sends it to ENOE as its service URL.</summary>
    public string ResourceUrl { get; }

    private ApacheCasClient(Process apache, string folder, string resourceUrl) =>
        (_apache, _folder, ResourceUrl) = (apache, folder, resourceUrl);

    /// <param name="saml">Validate through <c>/cas/samlValidate</c> (SAML 1.1), not <c>serviceValidate</c>.</param>
    public static async Task<ApacheCasClient> StartAsync(string casServer, string certificatePem, bool saml = false)
    {
        if (!File.Exists(Path.Combine(Modules, "mod_auth_cas.so")))
            throw new InvalidOperationException("mod_auth_cas is missing: ./test.sh installs libapache2-mod-auth-cas.");
        var folder = Path.Combine(Path.GetTempPath(), "enoe-tests", "apache-" + Guid.NewGuid().ToString("N"));
        var pages = Directory.CreateDirectory(Path.Combine(folder, "www", "ressource")).FullName;
        var cache = Directory.CreateDirectory(Path.Combine(folder, "cas-cache")).FullName;
        await File.WriteAllTextAsync(
            Path.Combine(pages, "index.shtml"),
            """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Ressource</title></head><body>
            <h1>Ressource protégée</h1>
            <p>Identifiant : <span id="user"><!--#echo var="REMOTE_USER" --></span></p>
            <p>Profil : <span id="profile"><!--#echo var="HTTP_CAS_ENTPERSONPROFILS" --></span></p>
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
            LoadModule auth_cas_module {Modules}/mod_auth_cas.so
            DocumentRoot {folder}/www
            DirectoryIndex index.shtml
            CASCookiePath {cache}/
            CASLoginURL {casServer}/cas/login
            CASValidateURL {casServer}/cas/{(saml ? "samlValidate" : "serviceValidate")}
            CASValidateSAML {(saml ? "On" : "Off")}
            CASCertificatePath {certificate}
            CASVersion 2
            CASAttributePrefix CAS-
            CASSSOEnabled On
            <Directory {pages}>
                AuthType CAS
                CASAuthNHeader CAS-User
                CASScrubRequestHeaders On
                Require valid-user
                Options +Includes
                SetOutputFilter INCLUDES
            </Directory>
            """
        );
        if (asRoot && !OperatingSystem.IsWindows())
        {
            foreach (var path in new[] { folder, Path.Combine(folder, "www"), pages, cache })
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
        var client = new ApacheCasClient(apache, folder, $"http://127.0.0.1:{port}/ressource/");
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

    /// <summary>What Apache and mod_auth_cas logged: shown when a journey fails.</summary>
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
