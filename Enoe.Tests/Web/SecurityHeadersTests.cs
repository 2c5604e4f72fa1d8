using System.Net;
using System.Text.RegularExpressions;
using Enoe.Data.Assignments;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// Every kind of response carries the security headers: pages, static files, downloads, 404, public site.
/// </summary>
[Collection(SharedApp.Name)]
public sealed partial class SecurityHeadersTests(EnoeAppFactory app)
{
    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("'nonce-([0-9a-f]{32})'")]
    private static partial Regex PolicyNonce();

    [Fact]
    public async Task APage_ForbidsForeignScriptsFramesPluginsAndBaseChanges()
    {
        var response = await app.NewClient().GetAsync("/connexion");

        var policy = AssertSecurityHeaders(response);
        Assert.Contains("default-src 'self'", policy);
        Assert.Matches("script-src 'self' 'nonce-[0-9a-f]{32}';", policy);
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
        Assert.Contains("img-src 'self' data:", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("manifest-src 'self'", policy);
        Assert.Contains("worker-src 'self'", policy);
        Assert.Contains("frame-ancestors 'self'", policy);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("base-uri 'self'", policy);
        Assert.Contains("form-action 'self'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        // One policy: Blazor's own frame-ancestors header is replaced, not added beside it.
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task TheNonce_ChangesPerRequest_AndEveryInlineScriptCarriesIt()
    {
        var client = app.NewClient();
        await client.SignInAsync("claire.fontaine");
        var nonces = new List<string>();
        foreach (var path in new[] { "/tableau-de-bord", "/tableau-de-bord", "/connexion", "/college-victor-hugo" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var nonce = PolicyNonce().Match(AssertSecurityHeaders(response)).Groups[1].Value;
            var html = await response.Content.ReadAsStringAsync();
            var inline = ScriptTag().Matches(html).Select(m => m.Value).Where(tag => !tag.Contains("src=")).ToList();
            Assert.NotEmpty(inline); // the import map
            Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag));
            nonces.Add(nonce);
        }
        Assert.Equal(nonces.Count, nonces.Distinct().Count());
    }

    [Fact]
    public async Task AStaticFile_IsNeverSniffed()
    {
        var response = await app.NewClient().GetAsync("/css/enoe.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ADownload_CarriesTheHeaders()
    {
        var devoir = await DemoDevoir.CreateAsync(app.Services, "En-têtes");
        var handedIn = await app
            .Services.GetRequiredService<AssignmentService>()
            .HandInAsync(devoir.Student, devoir.Id, [TestFiles.Pdf("copie.pdf")]);
        var student = app.NewClient();
        await student.SignInAsync(devoir.StudentUserName);

        var response = await student.GetAsync($"/fichiers/{handedIn.Value!.Files[0].Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ANotFoundPage_CarriesTheHeaders()
    {
        var response = await app.NewClient().GetAsync("/aucune-page-ici");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ThePublicSite_OnItsOwnHost_CarriesTheHeaders()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = EnoeAppFactory.HugoHost;
        var response = await app.NewClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    /// <returns>The Content-Security-Policy.</returns>
    private static string AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=()", permissions);
        Assert.Contains("microphone=()", permissions);
        Assert.Contains("geolocation=()", permissions);
        return Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }
}
