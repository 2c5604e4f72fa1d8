using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Enoe.Data.Directory;
using Enoe.Data.Directory.Ldap;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Support.TestDirectory;

/// <summary>
/// A real OpenLDAP (Debian's <c>slapd</c>, which test.sh installs) holding a <see cref="SampleDirectory"/>: loaded
/// offline with <c>slapadd</c> into an <c>mdb</c> database in a temporary folder, then started on a free loopback
/// port. Like an académie's, it has a service account that reads everything, people who bind with their password,
/// and a size limit (<see cref="SizeLimit"/>) below the number of people for every identity but the manager, so a
/// client that does not page is cut short. Stopped and deleted on dispose; folders of crashed runs are cleaned up.
/// </summary>
public sealed partial class SlapdServer : IAsyncLifetime, IAsyncDisposable
{
    public const int SizeLimit = 100;
    public const string ServiceDn = "cn=enoe-sync,ou=services," + SampleDirectory.BaseDn;
    public const string ServicePassword = "Service#Annuaire1";

    /// <summary>
    /// Reads like the service account, but the server refuses it paged searches: reads are cut short.
    /// </summary>
    public const string NoPagingDn = "cn=enoe-no-paging,ou=services," + SampleDirectory.BaseDn;
    public const string ManagerDn = "cn=manager," + SampleDirectory.BaseDn;
    public const string ManagerPassword = "Manager#Annuaire1";

    private Process? _slapd;

    /// <summary>The default sample (600 people), for xunit fixtures.</summary>
    public SlapdServer()
        : this(new SampleDirectory()) { }

    private SlapdServer(SampleDirectory sample) => Sample = sample;

    public SampleDirectory Sample { get; }
    public string Folder { get; private set; } = "";
    public string Url { get; private set; } = "";

    /// <summary>Writing the LDIF and loading it with slapadd.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>From starting slapd to its port answering.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>How ENOE reaches this directory, with the service account.</summary>
    public LdapSettings Settings(int pageSize = 40) =>
        new()
        {
            Url = Url,
            BindDn = ServiceDn,
            BindPassword = ServicePassword,
            BaseDn = SampleDirectory.BaseDn,
            PageSize = pageSize,
            Timeout = TimeSpan.FromSeconds(20),
        };

    public LdapDirectory NewClient(LdapSettings? settings = null) =>
        new(Options.Create(new DirectoryOptions { Ldap = settings ?? Settings() }));

    /// <summary>The same, as app configuration (<c>EnoeAppFactory.Settings</c>).</summary>
    public Dictionary<string, string> AppSettings(int pageSize = 40) =>
        new()
        {
            ["Enoe:Directory:Ldap:Url"] = Url,
            ["Enoe:Directory:Ldap:BindDn"] = ServiceDn,
            ["Enoe:Directory:Ldap:BindPassword"] = ServicePassword,
            ["Enoe:Directory:Ldap:BaseDn"] = SampleDirectory.BaseDn,
            ["Enoe:Directory:Ldap:PageSize"] = pageSize.ToString(),
            // The tests' one libldap timeout (it is process-wide): generous, for a loaded machine.
            ["Enoe:Directory:Ldap:Timeout"] = "00:00:20",
            ["Enoe:Directory:Schedule"] = "",
        };

    public static async Task<SlapdServer> StartAsync(SampleDirectory sample)
    {
        var server = new SlapdServer(sample);
        await server.InitializeAsync();
        return server;
    }

    public async Task InitializeAsync()
    {
        RemoveStaleFolders();
        Folder = System.IO.Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        // Written whole, then moved in place: a run cleaning up at the same time never reads half of it.
        var owner = Path.Combine(Folder, OwnerFile + ".new");
        await File.WriteAllTextAsync(owner, PostgreSqlServer.Identity(Process.GetCurrentProcess()));
        File.Move(owner, Path.Combine(Folder, OwnerFile));
        System.IO.Directory.CreateDirectory(Path.Combine(Folder, "db"));
        await File.WriteAllTextAsync(Path.Combine(Folder, "sdet.schema"), SdetSchema.Text);
        await File.WriteAllTextAsync(Path.Combine(Folder, "slapd.conf"), Configuration());

        var load = Stopwatch.StartNew();
        var ldif = Path.Combine(Folder, "sample.ldif");
        await using (var writer = new StreamWriter(ldif, false, new System.Text.UTF8Encoding(false), 1 << 16))
            SampleLdif.Write(Sample, writer, ServicePassword, ServiceDn, NoPagingDn);
        await RunAsync("/usr/sbin/slapadd", "-q", "-f", Path.Combine(Folder, "slapd.conf"), "-l", ldif);
        File.Delete(ldif);
        LoadTime = load.Elapsed;

        for (var attempt = 1; _slapd is null; attempt++)
        {
            try
            {
                await StartOnAsync(PostgreSqlServer.FreePort());
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The port was free when asked and taken before slapd bound it: another one.
            }
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    private async Task StartOnAsync(int port)
    {
        var url = $"ldap://127.0.0.1:{port}";
        var started = Stopwatch.StartNew();
        var start = new ProcessStartInfo("/usr/sbin/slapd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // -d 0: stays in the foreground, so this process owns it and kills it.
        foreach (var a in new[] { "-d", "0", "-h", url + "/", "-f", Path.Combine(Folder, "slapd.conf") })
            start.ArgumentList.Add(a);
        var slapd = Process.Start(start)!;
        var errors = slapd.StandardError.ReadToEndAsync();
        _ = slapd.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await AnswersAsync(port, timeout.Token))
        {
            if (slapd.HasExited)
                throw new InvalidOperationException($"slapd did not start on {url}: {await errors}");
            await Task.Delay(10, timeout.Token);
        }
        StartTime = started.Elapsed;
        (_slapd, Url) = (slapd, url);
    }

    private static async Task<bool> AnswersAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Configuration() =>
        $"""
            include /etc/ldap/schema/core.schema
            include /etc/ldap/schema/cosine.schema
            include /etc/ldap/schema/inetorgperson.schema
            include {Folder}/sdet.schema
            modulepath /usr/lib/ldap
            moduleload back_mdb
            pidfile {Folder}/slapd.pid
            argsfile {Folder}/slapd.args
            # Like an académie's: a limit below the number of people for everyone but the manager; paged searches may
            # return everything, one page at a time.
            sizelimit size.soft={SizeLimit} size.hard={SizeLimit} size.prtotal=unlimited
            database mdb
            maxsize 4294967296
            dbnosync
            suffix "{SampleDirectory.BaseDn}"
            rootdn "{ManagerDn}"
            rootpw {ManagerPassword}
            directory {Folder}/db
            limits dn.exact="{NoPagingDn}" size.soft={SizeLimit} size.hard={SizeLimit} size.prtotal=disabled
            access to attrs=userPassword
                by anonymous auth
                by * none
            access to *
                by dn.exact="{ServiceDn}" read
                by dn.exact="{NoPagingDn}" read
                by self read
                by * none
            """;

    public async Task DisposeAsync() => await Task.Run(Stop);

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private void Stop()
    {
        if (_slapd is { } slapd)
        {
            try
            {
                slapd.Kill();
                slapd.WaitForExit();
            }
            catch (InvalidOperationException) { }
            slapd.Dispose();
            _slapd = null;
        }
        try
        {
            if (Folder != "")
                System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}{await output}");
    }
}
