using Enoe.Data.Jobs;
using Enoe.Tests.EndToEnd;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enoe.Tests.Instances.TwoInstances;

/// <summary>
/// One ENOE instance of a deployment: its own process state and data folder (its own keys folder, unused when Redis
/// holds the keys), the deployment's PostgreSQL database, Redis and files folder.
/// </summary>
public sealed class InstanceAppFactory(string name, string connectionString, string redis, string filesRoot)
    : EnoeAppFactory
{
    public string Name { get; } = name;

    /// <summary>What this instance's scheduled jobs did (ran, skipped…), one line per attempt.</summary>
    public ListLogger<JobLeases> JobLog { get; } = new();

    /// <summary>Where it listens (Kestrel on loopback), once started.</summary>
    public string Address { get; private set; } = "";

    public string Start() => Address = this.StartOnKestrel();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Enoe:Database:Provider", "PostgreSQL");
        builder.UseSetting("Enoe:Database:ConnectionString", connectionString);
        builder.UseSetting("Enoe:Redis", redis);
        builder.UseSetting("Enoe:Storage:Root", filesRoot);
        // nginx on loopback is the proxy: the client's address comes from its X-Forwarded-For.
        builder.UseSetting("Enoe:ForwardedHeaders:KnownProxies:0", "127.0.0.1");
        builder.UseSetting("Enoe:Circuits:PerUser", "100");
        builder.ConfigureServices(s => s.AddSingleton<ILogger<JobLeases>>(JobLog));
    }
}
