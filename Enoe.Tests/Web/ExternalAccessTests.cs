using System.Net;
using Enoe.Data;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enoe.Tests.Support.SasAppFactory;

namespace Enoe.Tests.Web;

/// <summary>
/// The SAS: a service set inside-only answers only requests from the school's networks, judged on the client's real
/// address (forwarded headers believed from the configured proxies only). Lucas is a student at Collège Victor Hugo.
/// </summary>
[Collection(Name)]
public sealed class ExternalAccessTests(SasAppFactory app) : IAsyncLifetime
{
    public const string Name = "SAS app";
    private const string Hugo = "college-victor-hugo";
    private const string InsideOnlyMessage = "Ce service n'est accessible que depuis l'établissement.";
    private HttpClient _lucas = default!;

    public async Task InitializeAsync()
    {
        await app.SetPolicyAsync(Hugo, externalAccess: true, SchoolNetwork, EntService.Skills);
        _lucas = app.NewClient();
        await _lucas.SignInAsync("lucas.martin");
    }

    public Task DisposeAsync() => app.SetPolicyAsync(Hugo, externalAccess: true, null);

    [Fact]
    public async Task InsideOnlyService_FromOutside_RefusesItsPageWithTheReason_FromInsideOpens()
    {
        var refused = await _lucas.GetFromAsync("/competences", Outside);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var denied = refused.Headers.Location!.PathAndQueryOrOriginal();
        Assert.StartsWith("/acces-refuse?service=skills", denied);
        Assert.Contains(InsideOnlyMessage, await (await _lucas.GetFromAsync(denied, Outside)).ReadPageAsync());

        Assert.Equal(HttpStatusCode.OK, (await _lucas.GetFromAsync("/competences", Inside)).StatusCode);
    }

    [Fact]
    public async Task InsideOnlyService_FromOutside_RefusesItsDownloadWith403AndTheReason()
    {
        var refused = await _lucas.GetFromAsync("/competences/livret.pdf", Outside);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(InsideOnlyMessage, await refused.Content.ReadAsStringAsync());

        var allowed = await _lucas.GetFromAsync("/competences/livret.pdf", Inside);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("application/pdf", allowed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InsideOnlyService_FromOutside_ItsWidgetSaysWhyInsteadOfShowingData()
    {
        var skills = await AddSkillsWidgetAsync();
        var outside = await (await _lucas.GetFromAsync("/tableau-de-bord", Outside)).ReadPageAsync();
        Assert.Contains(InsideOnlyMessage, WidgetCard(outside, skills));

        var inside = await (await _lucas.GetFromAsync("/tableau-de-bord", Inside)).ReadPageAsync();
        Assert.DoesNotContain(InsideOnlyMessage, inside);
    }

    [Fact]
    public async Task AServiceNotInsideOnly_WorksFromOutside()
    {
        Assert.Equal(HttpStatusCode.OK, (await _lucas.GetFromAsync("/memos", Outside)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _lucas.GetFromAsync("/memos", Inside)).StatusCode);
    }

    [Fact]
    public async Task ThroughTheTrustedProxy_TheForwardedClientAddressDecides()
    {
        Assert.Equal(HttpStatusCode.OK, (await _lucas.GetFromAsync("/competences", Proxy, Inside)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _lucas.GetFromAsync("/competences", Proxy, Outside)).StatusCode);
        // A proxy of the trusted network, behind the first one: both hops are walked back to the client.
        Assert.Equal(
            HttpStatusCode.OK,
            (await _lucas.GetFromAsync("/competences", "198.51.100.7", $"{Inside}, {Proxy}")).StatusCode
        );
        // What the client wrote before the proxy's own entry is not believed.
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await _lucas.GetFromAsync("/competences", Proxy, $"{Inside}, {Outside}")).StatusCode
        );
    }

    [Fact]
    public async Task AForgedForwardedFor_FromAnUntrustedClient_ChangesNothing()
    {
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await _lucas.GetFromAsync("/competences", Outside, forwardedFor: Inside)).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await _lucas.GetFromAsync("/competences", Inside, forwardedFor: Outside)).StatusCode
        );
    }

    [Fact]
    public async Task AnIPv4ClientSeenOnAnIPv6Socket_IsInside()
    {
        Assert.Equal(HttpStatusCode.OK, (await _lucas.GetFromAsync("/competences", "::ffff:" + Inside)).StatusCode);
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await _lucas.GetFromAsync("/competences", "::ffff:" + Outside)).StatusCode
        );
    }

    [Fact]
    public async Task NoExternalAccess_MakesEveryServiceInsideOnly()
    {
        await app.SetPolicyAsync(Hugo, externalAccess: false, SchoolNetwork);
        var memos = await _lucas.GetFromAsync("/memos", Outside);
        Assert.StartsWith("/acces-refuse?service=memos", memos.Headers.Location!.PathAndQueryOrOriginal());
        Assert.Equal(HttpStatusCode.OK, (await _lucas.GetFromAsync("/memos", Inside)).StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await _lucas.GetFromAsync("/competences/livret.pdf", Outside)).StatusCode
        );
        // The dashboard, a service too, says why instead of showing widgets.
        Assert.Contains(
            InsideOnlyMessage,
            await (await _lucas.GetFromAsync("/tableau-de-bord", Outside)).ReadPageAsync()
        );
    }

    [Fact]
    public async Task InEnglish_TheRefusalSaysWhyInEnglish()
    {
        await _lucas.GetAsync("/culture/en");
        var refused = await _lucas.GetFromAsync("/competences/livret.pdf", Outside);
        Assert.Equal(
            "This service can only be reached from inside the school.",
            await refused.Content.ReadAsStringAsync()
        );
        var page = await _lucas.GetFromAsync("/competences", Outside);
        var denied = await _lucas.GetFromAsync(page.Headers.Location!.PathAndQueryOrOriginal(), Outside);
        Assert.Contains("This service can only be reached from inside the school.", await denied.ReadPageAsync());
    }

    /// <summary>Puts the skills widget on Lucas's first tab, as the catalogue does; returns its placement.</summary>
    private async Task<int> AddSkillsWidgetAsync()
    {
        await _lucas.GetFromAsync("/tableau-de-bord", Inside); // his tabs, from his profile's default
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var lucas = await db.Users.SingleAsync(u => u.UserName == "lucas.martin");
        var tab = await db.DashboardTabs.Where(t => t.PersonId == lucas.Id).OrderBy(t => t.Position).FirstAsync();
        var user = new CurrentUser(lucas.Id, "Lucas", tab.SchoolId, Profile.Student);
        var added = await scope
            .ServiceProvider.GetRequiredService<LayoutService>()
            .AddWidgetAsync(user, tab.Id, "skills");
        Assert.True(added.Succeeded, string.Join(" ", added.Errors));
        return added.Value!.Placements.Where(p => p.WidgetKey == "skills").Max(p => p.Id);
    }

    /// <summary>The markup of one widget's card on the dashboard.</summary>
    private static string WidgetCard(string page, int placementId)
    {
        var start = page.IndexOf($"data-placement=\"{placementId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the widget's card is on the page");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }
}

[CollectionDefinition(ExternalAccessTests.Name)]
public sealed class SasApp : ICollectionFixture<SasAppFactory>;
