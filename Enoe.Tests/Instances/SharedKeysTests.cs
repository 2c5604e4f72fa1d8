using System.Net;
using Enoe.Tests.Support;

namespace Enoe.Tests.Instances;

/// <summary>
/// The sign-in cookie one instance issues is accepted by the next when the key ring is in Redis; with a key folder
/// each, it is not (what several instances did before).
/// </summary>
public sealed class SharedKeysTests
{
    private const string Teacher = "claire.fontaine";

    [Fact]
    public async Task ACookieIssuedByA_GetsThePageFromB_WhenTheKeysAreInRedis()
    {
        var (redis, prefix) = (await RedisServer.ConfigurationAsync(), RedisServer.NewPrefix());
        await using var a = Instance.OnRedis(redis, prefix);
        await using var b = Instance.OnRedis(redis, prefix, Instance.Beside(a));

        var onB = await SignedInOnAsync(a, b);

        var page = await onB.GetAsync("/tableau-de-bord");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Fontaine", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task WithAKeyFolderEach_BRefusesACookie()
    {
        await using var a = new EnoeAppFactory();
        await using var b = Instance.Beside(a);

        var onB = await SignedInOnAsync(a, b);

        var page = await onB.GetAsync("/tableau-de-bord");
        Assert.StartsWith("/connexion", page.Headers.Location?.PathAndQueryOrOriginal());
    }

    /// <summary>
    /// The teacher signs in through <paramref name="a"/>; her browser then goes to <paramref name="b"/>.
    /// </summary>
    private static async Task<CookieJar> SignedInOnAsync(EnoeAppFactory a, EnoeAppFactory b)
    {
        var browser = CookieJar.For(a);
        var signIn = await browser.SignInAsync(Teacher);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("connexion", signIn.Headers.Location?.PathAndQueryOrOriginal()); // no second step
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tableau-de-bord")).StatusCode);
        return browser.On(b);
    }
}
