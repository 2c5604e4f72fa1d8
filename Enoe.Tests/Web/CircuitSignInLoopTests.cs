using System.Security.Claims;
using Enoe.App.Account;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Web;

/// <summary>The watch checks open tabs by itself, every <see cref="CircuitSignInWatch.Interval"/>.</summary>
[Trait("Database", "Both")] // a database of its own: run on PostgreSQL too, with the data tests
public sealed class CircuitSignInLoopTests
{
    [Fact]
    public async Task A_session_ended_on_another_instance_drops_its_tab_at_the_next_minute_and_not_before()
    {
        await using var database = await TestDatabase.CreateAsync();
        var school = await TwoSchools.CreateAsync(database);
        var sessions = database.Get<SignInSessions>();
        var identity = Options.Create(new IdentityOptions());
        using var watch = new CircuitSignInWatch(
            sessions,
            database.Get<IEventBus>(),
            identity,
            database.Clock,
            NullLogger<CircuitSignInWatch>.Instance
        );
        var student = school.StudentA;
        await using (var db = database.NewContext())
            await db
                .Users.Where(p => p.Id == student.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SecurityStamp, "tampon"));
        var session = await sessions.StartAsync(student.Id, null, null, secondFactor: false);
        var claims = identity.Value.ClaimsIdentity;
        var user = new ClaimsPrincipal(
            new ClaimsIdentity(
                [
                    new Claim(claims.UserIdClaimType, student.Id.ToString()),
                    new Claim(claims.SecurityStampClaimType, "tampon"),
                    new Claim(EnoeClaims.Session, session.ToString()),
                ],
                "test"
            )
        );
        var tab = new WatchedAuthenticationStateProvider(watch);
        tab.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        await using (var db = database.NewContext()) // as another instance would: nothing is published here
            await db.Set<SignInSession>()
                .Where(s => s.Id == session)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, DateTime.UtcNow));

        // The clock moves straight after the start, before the loop has had a thread: the minute counts from the start.
        await watch.StartAsync(CancellationToken.None);
        database.Clock.Advance(CircuitSignInWatch.Interval - TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.True(await SignedInAsync(tab));

        database.Clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 100 && await SignedInAsync(tab); i++)
            await Task.Delay(50);
        Assert.False(await SignedInAsync(tab));
        await watch.StopAsync(CancellationToken.None);
    }

    private static async Task<bool> SignedInAsync(AuthenticationStateProvider tab) =>
        (await tab.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;
}
