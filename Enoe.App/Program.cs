using Enoe.App.Hosting;

// ENOE: the ENT host. Each line composes one concern; the details live in Hosting/.
var builder = WebApplication.CreateBuilder(args);

builder.AddEnoeData(); // SQLite under Enoe:DataDirectory or PostgreSQL, the data services, health check
builder.AddEnoeIdentity(); // local accounts, profiles as claims and policies, sign-in rate limit
builder.AddEnoeInterface(); // Razor components, MudBlazor, French and English, ENT services' pages

var app = builder.Build();

await app.InitializeDatabaseAsync(seedDemo: args.Contains("--seed-demo"));
app.UseEnoePipeline();
app.MapEnoeEndpoints();

app.Run();

/// <summary>Visible to the test project's WebApplicationFactory.</summary>
public partial class Program;
