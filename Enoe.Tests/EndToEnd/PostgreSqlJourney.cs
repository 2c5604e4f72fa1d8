using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// The app on PostgreSQL, as an académie runs it: an empty database that the app migrates and seeds itself at
/// start-up, then a mémo written in the browser, fanned out in one statement, arriving live and found by a search
/// that ignores case and accents. Its own app host, the shared browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PostgreSqlJourney(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PostgreSqlAppFactory _app = new();
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        await _app.CreateDatabaseAsync();
        _baseUrl = _app.StartOnKestrel();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OnPostgreSql_AMemoToAClass_ArrivesLive_AndIsFoundWithoutItsAccents()
    {
        // The app really is on PostgreSQL (an ignored setting would fall back to a SQLite file silently).
        await using (
            var db = await _app.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContextAsync()
        )
            Assert.Equal(DatabaseProvider.PostgreSQL, db.Provider);

        var student = await OpenAsync("lucas.martin", "/tableau-de-bord");
        var teacher = await OpenAsync("claire.fontaine", "/memos/nouveau");
        await teacher.SendMemoToClassAsync(
            "4eA",
            "Sortie au Théâtre de Besançon",
            "Rendez-vous à 13 h devant le collège."
        );

        await Expect(student.Locator("[data-widget=memos]")).ToContainTextAsync("Sortie au Théâtre de Besançon");
        await student.GotoAsync("/memos");
        await student.WaitForCircuitAsync();
        await student.GetByLabel("Rechercher dans les mémos").FillAsync("THEATRE DE BESANCON");
        await student.GetByLabel("Rechercher dans les mémos").PressAsync("Enter");
        await Expect(student.GetByRole(AriaRole.Link, new() { Name = "Sortie au Théâtre de Besançon" }))
            .ToBeVisibleAsync();
    }

    private Task<IPage> OpenAsync(string userName, string path) => browser.OpenAsync(userName, path, _baseUrl);

    /// <summary>The real app over an empty database of the tests' PostgreSQL server.</summary>
    private sealed class PostgreSqlAppFactory : EnoeAppFactory
    {
        private readonly string _database = "enoe_app_" + Guid.NewGuid().ToString("N");
        private string _connectionString = "";

        public async Task CreateDatabaseAsync()
        {
            _connectionString = await PostgreSqlServer.ConnectionStringAsync(_database);
            await PostgreSqlServer.ExecuteAsync($"CREATE DATABASE {_database}");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Enoe:Database:Provider", "PostgreSQL");
            builder.UseSetting("Enoe:Database:ConnectionString", _connectionString);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgreSqlServer.ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }
}
