using System.Net;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Web;

/// <summary>The app with a clock for the security stamp's check.</summary>
public sealed class StampClockAppFactory : EnoeAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock));
    }
}

/// <summary>
/// The security stamp is checked once the cookie is a minute old, not at every request: a checked cookie is renewed
/// (the principal built afresh), so a renewed cookie tells a check that ran.
/// </summary>
public sealed class StampCheckWhenDueTests(StampClockAppFactory app) : IClassFixture<StampClockAppFactory>
{
    [Fact]
    public async Task TheStamp_IsCheckedOnceTheCookieIsAMinuteOld_AndTheCookieRenewed()
    {
        // The cookie's issue time comes from the real clock: the check's starts there, however long the host took.
        app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var student = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await student.SignInAsync("lucas.martin")).StatusCode);

        foreach (var page in new[] { "/tableau-de-bord", "/memos" })
        {
            var response = await student.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(RenewsTheSignIn(response), page); // a cookie issued seconds ago: nothing to check yet
        }

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var due = await student.GetAsync("/tableau-de-bord");
        Assert.Equal(HttpStatusCode.OK, due.StatusCode);
        Assert.True(RenewsTheSignIn(due)); // checked, still signed in
    }

    private static bool RenewsTheSignIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(".Enoe.Auth"));
}
