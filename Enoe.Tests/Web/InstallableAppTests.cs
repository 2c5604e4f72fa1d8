using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

/// <summary>
/// ENOE installs on a phone: its manifest is served as one, names icons that exist at the sizes it says, every page
/// links it, and the service worker and the offline page it falls back to are served to anyone (the offline page
/// must load without a session).
/// </summary>
[Collection(SharedApp.Name)]
public sealed partial class InstallableAppTests(EnoeAppFactory app)
{
    [GeneratedRegex("""<link rel="manifest" href="([^"]+)"\s*/?>""")]
    private static partial Regex ManifestLink();

    [Fact]
    public async Task TheManifest_IsServedAsAManifest_NamingIconsThatExistAtTheirSizes()
    {
        var client = app.NewClient();
        var response = await ServedAsync(client, "/manifest.webmanifest", "application/manifest+json");

        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        Assert.Equal("ENOE", root.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("short_name").GetString()));
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("#1e5aa8", root.GetProperty("theme_color").GetString()); // the theme's default colour
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("background_color").GetString());

        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        foreach (var icon in icons)
        {
            var file = await ServedAsync(client, icon.GetProperty("src").GetString()!, "image/png");
            var (width, height) = PngSize(await file.Content.ReadAsByteArrayAsync());
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
        }
        var sizes = icons.Select(i => (i.GetProperty("sizes").GetString(), i.GetProperty("purpose").GetString()));
        Assert.Contains(("192x192", "any"), sizes);
        Assert.Contains(("512x512", "any"), sizes);
        Assert.Contains(("512x512", "maskable"), sizes);
    }

    [Theory]
    [InlineData("/connexion", null)]
    [InlineData("/college-victor-hugo", null)]
    [InlineData("/tableau-de-bord", "lucas.martin")]
    public async Task EveryPage_LinksTheManifest_TheThemeColourAndTheHomeScreenIcon(string path, string? userName)
    {
        var client = app.NewClient();
        if (userName is not null)
            await client.SignInAsync(userName);
        var html = await client.GetPageAsync(path);

        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Equal("/manifest.webmanifest", ManifestLink().Match(head).Groups[1].Value);
        Assert.Matches("""<meta name="theme-color" content="#[0-9a-fA-F]{3,6}"\s*/?>""", head);
        Assert.Matches("""<link rel="apple-touch-icon" href="[^"]*apple-touch-icon[^"]*\.png"\s*/?>""", head);
        Assert.Matches("""<script type="module" src="[^"]*js/install-app[^"]*\.js"></script>""", html);
    }

    [Fact]
    public async Task TheServiceWorker_IsServedAtTheRoot_NeverKeptStale_AndFallsBackToTheOfflinePage()
    {
        var response = await ServedAsync(app.NewClient(), "/service-worker.js", "text/javascript");

        // Browsers look for a new worker at this address: it must not be cached as immutable.
        Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "");
        var script = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"/hors-ligne.html\"", script);
        Assert.Contains("\"/_blazor\"", script); // the circuit is left alone
    }

    [Fact]
    public async Task TheOfflinePage_AndEveryFileItLoads_AreServedWithoutSignIn()
    {
        var client = app.NewClient();
        var response = await ServedAsync(client, "/hors-ligne.html", "text/html");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("Vous êtes hors ligne", html);
        Assert.Contains("Derniers devoirs consultés", html);
        Assert.DoesNotMatch("<script(?![^>]*src=)", html); // no inline script: the CSP would refuse it
        var files = Regex.Matches(html, """(?:src|href)="(/[^"]+)""").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/js/hors-ligne.js", files);
        Assert.Contains("/css/hors-ligne.css", files);
        foreach (var file in files)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(file)).StatusCode);
    }

    private static async Task<HttpResponseMessage> ServedAsync(HttpClient client, string path, string mediaType)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return response;
    }

    /// <summary>Width and height from a PNG's header (its IHDR chunk), after checking the signature.</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
        return (BigEndian(png, 16), BigEndian(png, 20));
    }
}
