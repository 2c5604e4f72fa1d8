using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Enoe.Tests.Support;

/// <summary>The real app over a seeded SQLite database in a temporary data folder.</summary>
public class EnoeAppFactory : WebApplicationFactory<Program>
{
    public const string HugoHost = "www.college-hugo.test";
    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "enoe-tests", "app-" + Guid.NewGuid().ToString("N"));

    protected virtual int LoginAttemptsPerMinute => 1000;

    /// <summary>
    /// More configuration, set before the host starts: where the servers a fixture started listen (the test
    /// directory, the test OpenID Connect provider).
    /// </summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>What the app logged at Warning and above.</summary>
    public ListLogger<EnoeAppFactory> Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Enoe:DataDirectory", DataDirectory);
        builder.UseSetting("Enoe:SeedDemo", "true");
        builder.UseSetting("Enoe:LoginAttemptsPerMinute", LoginAttemptsPerMinute.ToString());
        // Every test client comes from the same (unknown) address: only SignInAbuseTests counts per address.
        builder.UseSetting("Enoe:LoginAttemptsPerAddressPerMinute", "100000");
        builder.UseSetting($"Enoe:PublicSiteHosts:{HugoHost}", "college-victor-hugo");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.UseSetting("Enoe:Directory:Schedule", ""); // no nightly sync in the middle of a test run
        builder.UseSetting("Enoe:SignIn:FailureFloorMs", "0"); // failures answer at once (SignInFailureFloorTests)
        // The demo people sign in many times a minute with the current code: once per code only in
        // TwoFactorReplayTests.
        builder.UseSetting("Enoe:TwoFactor:OneUsePerCode", "false");
        // Tests open tabs faster than a node lets newcomers in: only WaitingRoomTests keep the waiting line.
        builder.UseSetting("Enoe:Circuits:Capacity", "0");
        builder.UseSetting("Enoe:Circuits:AdmissionsPerSecond", "0");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>
    /// Whether the host lifts its établissements' quiet window around today (<see cref="QuietWindowLift"/>).
    /// </summary>
    public bool LiftQuietWindow { get; init; } = true;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (LiftQuietWindow)
            QuietWindowLift.ApplyAsync(host.Services).GetAwaiter().GetResult();
        return host;
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException) { }
    }
}

/// <summary>An app whose sign-in rate limit is low enough to reach in a test.</summary>
public sealed class StrictRateLimitAppFactory : EnoeAppFactory
{
    protected override int LoginAttemptsPerMinute => 3;
}

[CollectionDefinition(Name)]
public sealed class SharedApp : ICollectionFixture<EnoeAppFactory>
{
    public const string Name = "Shared app";
}

public static partial class HttpClientSignIn
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page = "/connexion")
    {
        var html = await client.GetStringAsync(page);
        return WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
    }

    /// <summary>Posts the sign-in form as a browser would; returns the response (a redirect).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(
        this HttpClient client,
        string userName,
        string password = Enoe.Data.Demo.DemoSeeder.Password,
        string? returnUrl = null
    )
    {
        var token = await client.AntiforgeryTokenAsync();
        var response = await client.PostAsync(
            "/compte/connexion",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["UserName"] = userName,
                    ["Password"] = password,
                    ["ReturnUrl"] = returnUrl ?? "",
                }
            )
        );
        // The demo's admins and direction give their second factor too, with the demo's key.
        var next = response.Headers.Location is { } to ? to.PathAndQueryOrOriginal() : "";
        return next.StartsWith("/connexion/code", StringComparison.Ordinal)
            ? await client.SignInWithCodeAsync(TwoFactorCodes.Now(), next, returnUrl)
            : response;
    }

    /// <summary>
    /// Posts the second step's form (the code page at <paramref name="codePage"/>) as a browser would.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(
        this HttpClient client,
        string code,
        string codePage = "/connexion/code",
        string? returnUrl = null,
        bool rememberDevice = false
    ) =>
        await client.PostFormAsync(
            codePage,
            "/compte/connexion/code",
            new()
            {
                ["Code"] = code,
                ["ReturnUrl"] = returnUrl ?? "",
                ["RememberDevice"] = rememberDevice ? "true" : "false",
            }
        );

    /// <summary>The page's HTML with entities decoded (Blazor encodes every non-ASCII letter).</summary>
    public static async Task<string> GetPageAsync(this HttpClient client, string path) =>
        WebUtility.HtmlDecode(await client.GetStringAsync(path));

    public static async Task<string> ReadPageAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A redirect's target as a path, whether the server sent it absolute or relative.</summary>
    public static string PathAndQueryOrOriginal(this Uri uri) =>
        uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client,
        string tokenPage,
        string action,
        Dictionary<string, string> fields
    )
    {
        fields["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync(tokenPage);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
