using System.Security.Cryptography.X509Certificates;
using Enoe.Data;
using Enoe.Data.DigitalResources;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// Real single sign-on clients, Apache's mod_auth_cas and mod_auth_openidc, sign people in through ENOE: a student
/// opens the resource from the dashboard's widget and lands on its page signed in, with their profile; a parent it is
/// not open to reads why at the CAS or OpenID Connect step; signing out of ENOE ends the resource's session too
/// (single logout). Its own app host, over HTTPS (mod_auth_cas validates over HTTPS only), and the shared browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ResourceSignOnJourney(BrowserFixture browser) : IAsyncLifetime
{
    private const string ResourceTitle = "Ressource protégée par CAS",
        OidcTitle = "Ressource protégée par OpenID Connect";
    private readonly EnoeAppFactory _app = new();
    private readonly X509Certificate2 _certificate = KestrelHost.LoopbackCertificate(); // Kestrel's, while it runs
    private readonly List<IBrowserContext> _contexts = [];
    private ApacheResource? _apache;
    private ApacheResource? _samlApache;
    private ApacheResource? _oidcApache;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnKestrelWithHttps(_certificate).TrimEnd('/');
        _apache = await ApacheResource.StartCasAsync(_baseUrl, _certificate.ExportCertificatePem());
        _samlApache = await ApacheResource.StartCasAsync(_baseUrl, _certificate.ExportCertificatePem(), saml: true);
        var db = await _app.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var resource = new DigitalResource
            {
                Title = ResourceTitle,
                Url = Apache.ResourceUrl,
                Profiles = Profile.Student | Profile.Teacher,
            };
            db.Add(resource);
            await db.SaveChangesAsync();
            db.Add(
                new SsoRegistration
                {
                    Name = ResourceTitle,
                    ServicePattern = ServiceUrl.Normalize(Apache.ResourceUrl)!,
                    Match = ServiceMatch.Prefix,
                    Profiles = Profile.Student | Profile.Teacher,
                    ResourceId = resource.Id,
                }
            );
            db.Add(
                new SsoRegistration
                {
                    Name = "Ressource lisant SAML 1.1",
                    ServicePattern = ServiceUrl.Normalize(SamlApache.ResourceUrl)!,
                    Match = ServiceMatch.Prefix,
                    Profiles = Profile.Teacher,
                }
            );
            await db.SaveChangesAsync();
        }
        await _app.Services.GetRequiredService<CasService>().ChangedAsync();
        _oidcApache = await StartOidcClientAsync();
    }

    private ApacheResource Apache => _apache!;
    private ApacheResource SamlApache => _samlApache!;
    private ApacheResource OidcApache => _oidcApache!;

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var context in _contexts)
                await context.CloseAsync();
            if (_apache is not null)
                await Apache.DisposeAsync();
            if (_samlApache is not null)
                await SamlApache.DisposeAsync();
            if (_oidcApache is not null)
                await OidcApache.DisposeAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            _certificate.Dispose();
        }
    }

    [Fact]
    public async Task AStudent_OpensTheResourceFromTheWidget_SignedIn_AndSigningOutOfEnoeEndsItsSessionToo()
    {
        var page = await SignedInPageAsync("lucas.martin");
        await page.WaitForCircuitAsync();

        var resource = await page.Context.RunAndWaitForPageAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = ResourceTitle }).ClickAsync()
        );
        await resource.WaitForURLAsync(Apache.ResourceUrl + "**");
        await Expect(resource.Locator("#user")).ToHaveTextAsync("lucas.martin", new() { Timeout = 20_000 });
        await Expect(resource.Locator("#profile")).ToHaveTextAsync("National_1");

        // Signing out of ENOE: mod_auth_cas hears it (single logout), so the resource asks ENOE again, which asks for
        // the password.
        await SignOutAsync(page);
        await ExpectAskedForThePasswordAsync(resource, Apache);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/compte/profil");
        await page.WaitForCircuitAsync();
        await page.EvaluateAsync("() => document.querySelector('form[action=\"/compte/deconnexion\"]').submit()");
        await page.WaitForURLAsync("**/connexion?deconnecte=1");
    }

    /// <summary>
    /// The logout is posted once the session has ended, off the sign-out's request: until it arrives the resource
    /// still shows its page; then it sends the person to ENOE, which asks for the password.
    /// </summary>
    private static async Task ExpectAskedForThePasswordAsync(IPage resource, ApacheResource apache)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await resource.GotoAsync(apache.ResourceUrl);
            if (resource.Url.Contains("/connexion?ReturnUrl=") || waited.Elapsed > TimeSpan.FromSeconds(30))
                break;
            await Task.Delay(250);
        }
        Assert.True(resource.Url.Contains("/connexion?ReturnUrl="), apache.ErrorLog());
        await Expect(resource.GetByLabel("Mot de passe")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AParent_TheResourceIsNotOpenTo_ReadsWhyAtTheCasStep()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Apache.ResourceUrl);
        await page.WaitForURLAsync("**/connexion?ReturnUrl=**");
        await page.SignInAsync("sophie.martin");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("n'est pas ouvert à votre profil");
        Assert.StartsWith(_baseUrl + "/cas/login", page.Url);
    }

    [Fact]
    public async Task AClientReadingSaml_GetsTheSameIdentity_ThroughSamlValidate()
    {
        // Signed in first: Chromium holds a form posted on an HTTPS page that ends on an HTTP one (the test's Apache)
        // behind a warning, as it would hold a real sign-in bound for a resource served without TLS.
        var page = await SignedInPageAsync("claire.fontaine");

        await page.GotoAsync(SamlApache.ResourceUrl);

        await page.WaitForURLAsync(SamlApache.ResourceUrl + "**");
        await Expect(page.Locator("#user")).ToHaveTextAsync("claire.fontaine");
        await Expect(page.Locator("#profile")).ToHaveTextAsync("National_3");
    }

    [Fact]
    public async Task AStudent_OpensTheOpenIdConnectResourceFromTheWidget_AndSigningOutOfEnoeEndsItToo()
    {
        var page = await SignedInPageAsync("lucas.martin");
        await page.WaitForCircuitAsync();

        var resource = await page.Context.RunAndWaitForPageAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = OidcTitle }).ClickAsync()
        );

        await resource.WaitForURLAsync(OidcApache.ResourceUrl + "**");
        await Expect(resource.Locator("#user")).ToHaveTextAsync("lucas.martin", new() { Timeout = 20_000 });
        await Expect(resource.Locator("#profile")).ToHaveTextAsync("National_1");
        await SignOutAsync(page);
        await ExpectAskedForThePasswordAsync(resource, OidcApache);
    }

    [Fact]
    public async Task AParent_TheOpenIdConnectResourceIsNotOpenTo_ReadsWhyAtEnoe()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(OidcApache.ResourceUrl);
        await page.WaitForURLAsync("**/connexion?ReturnUrl=**");
        await page.SignInAsync("sophie.martin");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("n'est pas ouvert à votre profil");
        Assert.StartsWith(_baseUrl + "/oidc/authorize", page.Url);
    }

    [Fact]
    public async Task AStudent_AResourceIsNotOpenTo_IsRefusedAtTheCasAndOpenIdConnectSteps()
    {
        // The SAML client is for teachers only; the OpenID Connect one for the collèges' levels, and Emma is in 2nde.
        var lucas = await SignedInPageAsync("lucas.martin");
        var emma = await SignedInPageAsync("emma.martin");

        await lucas.GotoAsync(SamlApache.ResourceUrl);
        await emma.GotoAsync(OidcApache.ResourceUrl);

        await Expect(lucas.GetByRole(AriaRole.Alert)).ToContainTextAsync("n'est pas ouvert à votre profil");
        Assert.StartsWith(_baseUrl + "/cas/login", lucas.Url);
        await Expect(emma.GetByRole(AriaRole.Alert)).ToContainTextAsync("n'est pas ouvert à votre profil");
        Assert.StartsWith(_baseUrl + "/oidc/authorize", emma.Url);
    }

    /// <summary>A browser signed in to ENOE on its dashboard.</summary>
    private async Task<IPage> SignedInPageAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        return page;
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(
            new()
            {
                BaseURL = _baseUrl,
                Locale = "fr-FR",
                IgnoreHTTPSErrors = true, // ENOE's certificate is the test's own
                ViewportSize = new() { Width = 1280, Height = 900 },
            }
        );
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }
}
