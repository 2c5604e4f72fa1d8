using System.Net;
using Enoe.Data;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>The app with the security stamp checked at every request, as it is once a minute in production.</summary>
public sealed class StampCheckedEveryRequestAppFactory : EnoeAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)
        );
    }
}

/// <summary>
/// The security stamp's check rebuilds the cookie's principal: the session behind it goes on (it once did not, and
/// every person was sent back to sign in at their first page more than a minute after signing in).
/// </summary>
public sealed class StampRevalidationTests(StampCheckedEveryRequestAppFactory app)
    : IClassFixture<StampCheckedEveryRequestAppFactory>
{
    [Fact]
    public async Task PagesAfterTheStampsCheck_KeepTheSameOpenSession()
    {
        var student = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await student.SignInAsync("lucas.martin")).StatusCode);

        foreach (var page in new[] { "/tableau-de-bord", "/memos", "/tableau-de-bord" })
        {
            var response = await student.GetAsync(page);
            Assert.True(
                response.StatusCode == HttpStatusCode.OK,
                $"{page}: {(int)response.StatusCode} {response.Headers.Location}"
            );
        }
        // One session, still open: the check did not end it nor start another.
        Assert.Equal([null], (await SessionsOfAsync("lucas.martin")).Select(s => s.EndedAt));
    }

    [Fact]
    public async Task ANewSecurityStamp_SignsThePagesOut()
    {
        var student = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await student.SignInAsync("emma.martin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await student.GetAsync("/tableau-de-bord")).StatusCode);

        // A new password set elsewhere, say: the session itself stays open, only the stamp tells.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope
                .ServiceProvider.GetRequiredService<EnoeDbContext>()
                .Users.Where(p => p.UserName == "emma.martin")
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SecurityStamp, Guid.NewGuid().ToString("N")));

        var response = await student.GetAsync("/tableau-de-bord");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var to = response.Headers.Location!;
        Assert.StartsWith("/connexion", to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString);
        // The sign-in cookie and a device remembered for the second factor are both wiped.
        var wiped = response.Headers.GetValues("Set-Cookie").Where(c => c.Contains("expires=Thu, 01 Jan 1970"));
        Assert.Contains(wiped, c => c.StartsWith(".Enoe.Auth="));
        Assert.Contains(wiped, c => c.StartsWith(".Enoe.Device="));
        // And the session behind the cookie is ended, not left open in the person's list of sessions.
        Assert.Equal(
            [Enoe.Data.Sessions.SessionEnd.Revoked],
            (await SessionsOfAsync("emma.martin")).Select(s => s.EndReason)
        );
    }

    private async Task<List<Enoe.Data.Sessions.SignInSession>> SessionsOfAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        return await db.Set<Enoe.Data.Sessions.SignInSession>()
            .Where(s => db.Users.Any(p => p.Id == s.PersonId && p.UserName == userName))
            .ToListAsync();
    }
}
