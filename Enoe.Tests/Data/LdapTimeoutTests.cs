using System.Net;
using Enoe.Data.Directory;
using Enoe.Data.Directory.Ldap;
using Enoe.Tests.Support;
using Enoe.Tests.Support.TestDirectory;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Data;

/// <summary>
/// Directories that never answer, with a short timeout. libldap's timeouts are process-wide (<c>LibLdapTimeouts</c>;
/// an app has one directory, so one value): these tests run alone, after the parallel ones, so their 3 seconds never
/// become the limit of another test's calls to a slapd on a loaded machine.
/// </summary>
[Collection(Name)]
[Trait("Database", "SqliteOnly")] // no database: LDAP only
public sealed class LdapTimeoutTests
{
    public const string Name = "Short libldap timeouts";

    [Fact]
    public async Task AServerThatDoesNotAnswer_IsUnavailable()
    {
        var settings = ShortTimeout($"ldap://127.0.0.1:{PostgreSqlServer.FreePort()}");
        var directory = Client(settings);
        var e = await Assert.ThrowsAsync<DirectoryUnavailableException>(() =>
            directory.ReadPeopleAsync().ToListAsync().AsTask()
        );
        Assert.Contains(settings.Url!, e.Message);
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() =>
            directory.CheckAsync("lea.martin1", "JELV000000000", SampleDirectory.Password)
        );
    }

    [Fact]
    public async Task AServerThatAcceptsButNeverAnswers_TimesOutAsUnavailable()
    {
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var directory = Client(ShortTimeout($"ldap://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"));
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() =>
            directory.ReadStructuresAsync().ToListAsync().AsTask()
        );
        await Assert.ThrowsAsync<DirectoryUnavailableException>(() =>
            directory.CheckAsync("lea.martin1", "JELV000000000", SampleDirectory.Password)
        );
    }

    private static LdapSettings ShortTimeout(string url) =>
        new()
        {
            Url = url,
            BindDn = SlapdServer.ServiceDn,
            BindPassword = SlapdServer.ServicePassword,
            BaseDn = SampleDirectory.BaseDn,
            Timeout = TimeSpan.FromSeconds(3),
        };

    private static LdapDirectory Client(LdapSettings settings) =>
        new(Options.Create(new DirectoryOptions { Ldap = settings }));
}

[CollectionDefinition(LdapTimeoutTests.Name, DisableParallelization = true)]
public sealed class LdapTimeoutCollection;
