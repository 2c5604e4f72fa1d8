using Enoe.App.AcademyDirectory;
using Enoe.App.Hosting;
using Enoe.App.Schools;

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

if (args.Contains(DataHosting.MigrateArgument)) // a deployment step: migrate (and seed, if asked), then exit
{
    await app.InitializeDatabaseAsync(seedDemo: args.Contains("--seed-demo"), migrate: true);
    return 0;
}
await app.InitializeDatabaseAsync(seedDemo: args.Contains("--seed-demo"));
if (args.Contains(SyncCommand.Argument)) // one sync from the command line, then exit
    return await SyncCommand.RunAsync(app.Services, args.Contains(SyncCommand.DryRunArgument), Console.Out);
if (args.Contains(SchoolImportCommand.Argument)) // the académie's CSV of établissements, then exit
    return await SchoolImportCommand.RunAsync(app.Services, args, Console.Out);

app.UseEnoePipeline();
app.MapEnoeEndpoints();

app.Run();
return 0;

/// <summary>Visible to the test project's WebApplicationFactory.</summary>
public partial class Program;
