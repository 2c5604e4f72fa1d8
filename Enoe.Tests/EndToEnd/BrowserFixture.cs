using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Enoe.Tests.Support;
using Enoe.Tests.Support.TestDirectory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// One app on Kestrel (127.0.0.1, a free port) and one headless Chromium (Debian's, never a
/// downloaded one) shared by every end-to-end test; each test opens its own browser context.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly EnoeAppFactory _app = new();

    /// <summary>The académie directory the app reads (directory sign-in journeys).</summary>
    public SlapdServer Slapd { get; } = new();
    private IPlaywright? _playwright;
    private OidcProvider? _oidc;

    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => _app.Services;

    /// <summary>What the shared app logged at Warning and above.</summary>
    public ListLogger<EnoeAppFactory> ServerLog => _app.Log;

    /// <summary>The OpenID Connect provider the shared app signs in through (both external schemes).</summary>
    public OidcProvider Oidc => _oidc!;

    public async Task InitializeAsync()
    {
        // The servers the app reads, started together: the académie directory and the OpenID Connect provider.
        var oidc = OidcProvider.StartAsync();
        await Slapd.InitializeAsync();
        _oidc = await oidc;
        foreach (var (key, value) in Slapd.AppSettings().Concat(_oidc.AppSettings()))
            _app.Settings[key] = value;
        // Journeys leave their tabs open until the browser closes, several as the same demo people: above the
        // per-person cap on open tabs (CircuitCapJourney tests the cap on its own host).
        _app.Settings["Enoe:Circuits:PerUser"] = "100";
        BaseUrl = _app.StartOnKestrel();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(
            new()
            {
                ExecutablePath = ChromiumPath,
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
    }

    /// <param name="baseUrl">Another app than the shared one (a journey's own host).</param>
    /// <param name="storageState">Cookies and storage a tab had (<see cref="SignedInPageAsync"/>).</param>
    public async Task<IPage> NewPageAsync(string? baseUrl = null, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(
            new()
            {
                BaseURL = baseUrl ?? BaseUrl,
                Locale = "fr-FR",
                ViewportSize = new() { Width = 1280, Height = 900 },
                StorageState = storageState,
            }
        );
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private readonly ConcurrentDictionary<string, string> _signedIn = new(); // each person's cookies, once signed in

    /// <summary>
    /// A new tab of <paramref name="userName"/>'s, opened on <paramref name="path"/>: with the cookies of their first
    /// sign-in, which is done once (a second factor included) for the tests that only look at pages. Signs in afresh
    /// when the session has ended since (another test signed them out everywhere).
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string userName, string path)
    {
        if (_signedIn.TryGetValue(userName, out var state))
        {
            var again = await NewPageAsync(storageState: state);
            await again.GotoAsync(path);
            if (new Uri(again.Url).AbsolutePath == path)
                return again;
            await again.Context.CloseAsync();
        }
        var page = await NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        _signedIn[userName] = await page.Context.StorageStateAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A phone: 390 × 844 CSS pixels, touch (coarse pointer), a phone's user agent.</summary>
    public async Task<IBrowserContext> NewPhoneContextAsync(string locale = "fr-FR")
    {
        var context = await Browser.NewContextAsync(
            new()
            {
                BaseURL = BaseUrl,
                Locale = locale,
                ViewportSize = new() { Width = 390, Height = 844 },
                DeviceScaleFactor = 3,
                IsMobile = true,
                HasTouch = true,
                UserAgent =
                    "Mozilla/5.0 (Linux; Android 14; Pixel 8) "
                    + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
            }
        );
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
        await Slapd.DisposeAsync();
        if (_oidc is not null)
            await _oidc.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The tests that go through every page of a profile (accessibility, a phone's screen, English), with an app and a
/// Chromium of their own: they take as long as all the other journeys together, and the two collections run side by
/// side (<see cref="Support.LongestCollectionFirst"/>), where one after the other they set the suite's length.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PageSweepCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Page sweeps";
}

public static partial class PageSignIn
{
    public static async Task SignInAsync(
        this IPage page,
        string userName,
        string password = Enoe.Data.Demo.DemoSeeder.Password
    )
    {
        if (!page.Url.Contains("/connexion"))
            await page.GotoAsync("/connexion");
        await page.GetByLabel("Identifiant").FillAsync(userName);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/compte/connexion"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        // The demo's admins and direction give their second factor too, with the demo's key.
        if ((await (await posted).HeaderValueAsync("location"))?.StartsWith("/connexion/code") == true)
        {
            await page.WaitForURLAsync("**/connexion/code**");
            await page.GetByLabel("Code à 6 chiffres ou code de secours").FillAsync(TwoFactorCodes.Now());
            await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        }
    }

    /// <summary>
    /// Waits until the page's circuit is live: typing into a prerendered field is not seen by the server. The first
    /// circuits of a run open while every test class starts on two cores (seen past 15 s once): up to 30 s.
    /// </summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-circuit=live]").WaitForAsync(new() { Timeout = 30_000 });

    /// <summary>
    /// From the composer (<c>/memos/nouveau</c>), sends a mémo to a class's students and waits until it is stored: the
    /// composer goes to the new conversation, <c>/memos/{id}</c>. (A glob like <c>**/memos/*</c> would match the
    /// composer's own address and return before the click reached the server.)
    /// </summary>
    public static async Task SendMemoToClassAsync(this IPage teacher, string className, string subject, string body)
    {
        await teacher.GetByLabel("Destinataires").FillAsync(className);
        await teacher.GetByRole(AriaRole.Button, new() { Name = $"Élèves de {className}" }).ClickAsync();
        await teacher.GetByLabel("Objet").FillAsync(subject);
        await teacher.GetByLabel("Message").FillAsync(body);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await teacher.WaitForURLAsync(SentMemo());
    }

    [GeneratedRegex(@"/memos/\d+$")]
    private static partial Regex SentMemo();

    /// <summary>
    /// Opens the user menu once the circuit is live (the circuit's first render replaces the prerendered menu, open or
    /// not).
    /// </summary>
    public static async Task OpenUserMenuAsync(this IPage page, string displayName, string expectedItem)
    {
        await page.WaitForCircuitAsync();
        await page.Locator("summary.enoe-menu-summary", new() { HasText = displayName }).ClickAsync();
        await page.GetByText(expectedItem, new() { Exact = true }).WaitForAsync();
    }
}
