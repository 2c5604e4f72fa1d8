using System.Net;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using static Enoe.Tests.Support.SasAppFactory;

namespace Enoe.Tests.Web;

/// <summary>The app as installed, no proxy configured: no forwarded header is believed, from anyone.</summary>
public sealed class NoProxyAppFactory() : SasAppFactory(withProxies: false);

[CollectionDefinition(NoProxyForwardedHeadersTests.Name)]
public sealed class NoProxyApp : ICollectionFixture<NoProxyAppFactory>;

[Collection(Name)]
public sealed class NoProxyForwardedHeadersTests(NoProxyAppFactory app) : IAsyncLifetime
{
    public const string Name = "App without proxies";
    private const string Hugo = "college-victor-hugo";
    private HttpClient _lucas = default!;

    public async Task InitializeAsync()
    {
        await app.SetPolicyAsync(Hugo, externalAccess: true, SchoolNetwork, EntService.Skills);
        _lucas = app.NewClient();
        await _lucas.SignInAsync("lucas.martin");
    }

    public Task DisposeAsync() => app.SetPolicyAsync(Hugo, externalAccess: true, null);

    [Fact]
    public async Task AForgedForwardedFor_FromHome_DoesNotMakeTheRequestInside()
    {
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await _lucas.GetFromAsync("/competences", Outside, forwardedFor: Inside)).StatusCode
        );
        Assert.Equal(HttpStatusCode.OK, (await _lucas.GetFromAsync("/competences", Inside)).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await _lucas.GetFromAsync("/competences", Inside, forwardedFor: Outside)).StatusCode
        );
    }
}
