using Enoe.App.Hosting;

// ENOE: the ENT host. Each line composes one concern; the details live in Hosting/.
var builder = WebApplication.CreateBuilder(args);

builder.AddEnoeForwardedHeaders(); // the client's real address, from the configured proxies only (the SAS)
builder.AddEnoeRedis(); // when Enoe:Redis is set: what several instances must share (events, keys, limits, cache)
builder.AddEnoeData(); // SQLite under Enoe:DataDirectory or PostgreSQL, the data services, health check
builder.AddEnoeIdentity(); // local accounts, profiles as claims and policies, sign-in rate limit
builder.AddEnoeDirectory(); // the académie's LDAP directory: nightly sync, directory accounts' sign-in
builder.AddEnoeMonitoring(); // /health (database, Redis), /health/ready for the proxy, metrics for Prometheus
builder.AddEnoeInterface(); // Razor components, MudBlazor, French and English, ENT services' pages

var app = builder.Build();

// --migrate, --sync-directory, --import-etablissements: the command runs, the host is disposed, the process exits.
if (await app.RunCommandAsync(args) is int exit)
    return exit;
await app.InitializeDatabaseAsync(seedDemo: args.Contains("--seed-demo"));

app.UseEnoePipeline();
app.MapEnoeEndpoints();

app.Run();
return 0;

/// <summary>Visible to the test project's WebApplicationFactory.</summary>
public partial class Program;
