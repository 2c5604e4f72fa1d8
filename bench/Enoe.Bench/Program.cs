// Circuit memory benchmark: how much managed memory the server holds for each open dashboard.
//
// Starts Enoe.App (published, Release, Production) on 127.0.0.1 with a fresh demo database, signs in as a demo
// student whose dashboard it fills to 8 widgets, then opens the dashboard in N browser tabs of
// Debian's Chromium (each tab is one circuit) and reads the server's managed heap after a full GC
// (GET /diagnostics/memory, enabled for this run only). Prints KB per circuit.
//
//   dotnet publish Enoe.App -c Release -o bench/out/app
//   dotnet run --project bench/Enoe.Bench -c Release -- [circuits=20] [path=/tableau-de-bord]
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;

var circuits = args.Length > 0 ? int.Parse(args[0]) : 20;

// Another signed-in page to compare with, e.g. /compte/profil for the shell alone.
var path = args.Length > 1 ? args[1] : "/tableau-de-bord";
var root = FindRoot();
var appDll = Path.Combine(root, "bench", "out", "app", "Enoe.App.dll");
if (!File.Exists(appDll))
{
    Console.Error.WriteLine(
        $"Publish the app first: dotnet publish Enoe.App -c Release -o bench/out/app ({appDll} missing)"
    );
    return 1;
}

const string url = "http://127.0.0.1:5199";
var data = Directory.CreateTempSubdirectory("enoe-bench-");
var start = new ProcessStartInfo("dotnet", $"\"{appDll}\" --urls {url}")
{
    WorkingDirectory = Path.GetDirectoryName(appDll)!,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
start.Environment["Enoe__DataDirectory"] = data.FullName;
start.Environment["Enoe__SeedDemo"] = "true";
start.Environment["Enoe__Diagnostics__Memory"] = "true";
start.Environment["Logging__LogLevel__Default"] = "Warning";
using var app = Process.Start(start)!;
app.OutputDataReceived += (_, _) => { };
app.ErrorDataReceived += (_, e) =>
{
    if (e.Data is not null)
        Console.Error.WriteLine("app: " + e.Data);
};
app.BeginOutputReadLine();
app.BeginErrorReadLine();

using var http = new HttpClient { BaseAddress = new Uri(url) };
try
{
    await WaitForHealthAsync(http);
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(
        new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
            ],
        }
    );
    var context = await browser.NewContextAsync(
        new()
        {
            BaseURL = url,
            ViewportSize = new() { Width = 1280, Height = 900 },
        }
    );
    context.SetDefaultTimeout(60_000);

    var setup = await context.NewPageAsync();
    await setup.GotoAsync("/connexion");
    await setup.GetByLabel("Identifiant").FillAsync("lucas.martin");
    await setup.GetByLabel("Mot de passe").FillAsync("Enoe#Demo2026");
    await setup.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
    await setup.WaitForURLAsync("**/tableau-de-bord");
    await setup.Locator("[data-circuit=live]").WaitForAsync();
    await setup.GetByRole(AriaRole.Button, new() { Name = "Modifier la page" }).ClickAsync();
    // From the student's default page up to 8 widgets.
    foreach (
        var widget in new[]
        {
            "Actualités",
            "Réseau d'établissement",
            "Ressources académiques",
            "Mon carnet",
            "Actualités",
            "Ressources académiques",
        }
    )
    {
        if (await setup.Locator("[data-widget]").CountAsync() >= 8)
            break;
        var count = await setup.Locator("[data-widget]").CountAsync();
        await setup.GetByRole(AriaRole.Button, new() { Name = "Ajouter un widget" }).ClickAsync();
        await setup.GetByRole(AriaRole.Button, new() { Name = "Ajouter " + widget }).ClickAsync();
        await setup.Locator("[data-widget]").Nth(count).WaitForAsync();
    }
    var widgets = await setup.Locator("[data-widget]").CountAsync();
    await setup.CloseAsync();
    await Task.Delay(1000);

    var baseline = await MemoryAsync(http);
    var pages = new List<IPage>();
    for (var i = 0; i < circuits; i++)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator("[data-circuit=live]").WaitForAsync();
        if (path == "/tableau-de-bord")
            await page.Locator("[data-widget=resources] .enoe-star").First.WaitForAsync();
        pages.Add(page);
    }
    await Task.Delay(2000);
    var loaded = await MemoryAsync(http);
    var perCircuit =
        (loaded.ManagedBytes - baseline.ManagedBytes) / 1024.0 / Math.Max(1, loaded.Circuits - baseline.Circuits);
    Console.WriteLine($"dashboard widgets: {widgets}");
    Console.WriteLine($"circuits: {baseline.Circuits} -> {loaded.Circuits}");
    Console.WriteLine($"managed heap: {baseline.ManagedBytes / 1024} KB -> {loaded.ManagedBytes / 1024} KB");
    Console.WriteLine(
        $"managed memory per open circuit of {path}: {perCircuit:F0} KB (target for the 8-widget dashboard: 450 KB)"
    );
    return 0;
}
finally
{
    if (!app.HasExited)
        app.Kill(entireProcessTree: true);
    try
    {
        data.Delete(recursive: true);
    }
    catch (IOException) { }
}

static async Task WaitForHealthAsync(HttpClient http)
{
    for (var i = 0; i < 120; i++)
    {
        try
        {
            if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                return;
        }
        catch (HttpRequestException) { }
        await Task.Delay(500);
    }
    throw new TimeoutException("The app did not answer /health.");
}

static async Task<Memory> MemoryAsync(HttpClient http) => (await http.GetFromJsonAsync<Memory>("/diagnostics/memory"))!;

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Enoe.Blazor.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

internal sealed record Memory(long ManagedBytes, int Circuits);
