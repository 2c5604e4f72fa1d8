using Enoe.Tests.EndToEnd;
using Enoe.Tests.Support;

namespace Enoe.Tests.Instances.TwoInstances;

/// <summary>
/// A deployment of two ENOE instances, as <c>deploy/</c> describes it: one PostgreSQL database (a new one, migrated
/// and seeded by the instances themselves, started at the same moment), one Redis, one files folder, and Debian's
/// nginx with the deployment's sticky-session configuration in front. Chromium is the end-to-end tests' shared one.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private readonly string _database = "enoe_two_" + Guid.NewGuid().ToString("N");
    private readonly string _files = Directory.CreateTempSubdirectory("enoe-two-files-").FullName;
    private readonly Dictionary<string, string> _affinity = [];
    private NginxProxy? _proxy;

    public InstanceAppFactory A { get; private set; } = default!;
    public InstanceAppFactory B { get; private set; } = default!;
    public string ProxyAddress => _proxy!.Address;
    public string RedisConfiguration { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var connectionString = await PostgreSqlServer.ConnectionStringAsync(_database);
        await PostgreSqlServer.ExecuteAsync($"CREATE DATABASE {_database}");
        RedisConfiguration = await RedisServer.ConfigurationAsync() + ",channelPrefix=" + RedisServer.NewPrefix();
        A = new InstanceAppFactory("A", connectionString, RedisConfiguration, _files);
        B = new InstanceAppFactory("B", connectionString, RedisConfiguration, _files);
        // Both start together: one migrates and seeds, the other waits for it and finds it done.
        var addresses = await Task.WhenAll(Task.Run(A.Start), Task.Run(B.Start));
        _proxy = await NginxProxy.StartAsync([.. addresses.Select(a => new Uri(a))]);
        _affinity[A.Name] = await AffinityCookieAsync(new Uri(addresses[0]).Port);
        _affinity[B.Name] = await AffinityCookieAsync(new Uri(addresses[1]).Port);
    }

    /// <summary>
    /// The value of nginx's <c>enoe_instance</c> cookie that sends a browser to <paramref name="instance"/>.
    /// </summary>
    public string AffinityFor(InstanceAppFactory instance) => _affinity[instance.Name];

    /// <summary>
    /// nginx hashes the cookie: ask it which instance each candidate value reaches until one reaches the port.
    /// </summary>
    private async Task<string> AffinityCookieAsync(int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri(ProxyAddress) };
        for (var i = 0; i < 200; i++)
        {
            var value = $"test-{i}";
            using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
            request.Headers.Add("Cookie", $"enoe_instance={value}");
            using var response = await client.SendAsync(request);
            if (
                response.Headers.TryGetValues(NginxProxy.UpstreamHeader, out var upstream)
                && upstream.Single().EndsWith($":{port}", StringComparison.Ordinal)
            )
                return value;
        }
        throw new InvalidOperationException($"No affinity cookie of 200 reaches the instance on port {port}.");
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
            await _proxy.DisposeAsync();
        await Task.WhenAll(A.DisposeAsync().AsTask(), B.DisposeAsync().AsTask());
        Npgsql.NpgsqlConnection.ClearAllPools();
        await PostgreSqlServer.ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        try
        {
            Directory.Delete(_files, recursive: true);
        }
        catch (IOException) { }
    }
}
