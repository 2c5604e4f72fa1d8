using System.Security.Claims;
using Enoe.App.Account;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// An open tab loses access the moment its session ends on this instance, and at the minute's check for what happened
/// elsewhere (<see cref="CircuitSignInWatch"/>).
/// </summary>
[Collection(SharedApp.Name)]
public sealed class SessionCircuitTests(EnoeAppFactory app)
{
    private CircuitSignInWatch Watch => app.Services.GetRequiredService<CircuitSignInWatch>();

    [Fact]
    public async Task A_tab_drops_to_signed_out_when_its_session_ends_and_the_others_stay()
    {
        var sessions = app.Services.GetRequiredService<SignInSessions>();
        var (tab, tabSession) = await OpenTabAsync("julien.roussel");
        var (otherTab, _) = await OpenTabAsync("julien.roussel");

        await sessions.EndAsync(tabSession, SessionEnd.SignedOut);
        await app.DeliveredAsync();

        Assert.False(await SignedInAsync(tab));
        Assert.True(await SignedInAsync(otherTab));
        tab.Dispose();
        otherTab.Dispose();
    }

    [Fact]
    public async Task The_minutes_check_drops_the_tabs_whose_sign_in_fell_elsewhere_and_forgets_closed_tabs()
    {
        var students = await StudentsAsync(skip: 20, take: 4); // no other test signs them in
        var (ended, endedSession) = await OpenTabAsync(students[0]);
        var (newPassword, _) = await OpenTabAsync(students[1]);
        var (disabled, _) = await OpenTabAsync(students[2]);
        var (untouched, _) = await OpenTabAsync(students[3]);
        Assert.All(new[] { ended, newPassword, disabled, untouched }, tab => Assert.True(Watch.Watches(tab)));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What another instance writes (nothing is published on this one): a sign-out, a new password, a
            // departure from the directory.
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            var now = DateTime.UtcNow;
            await db.Set<SignInSession>()
                .Where(s => s.Id == endedSession)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now));
            await db
                .Users.Where(p => p.UserName == students[1])
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.SecurityStamp, Guid.NewGuid().ToString("N")));
            await db
                .Users.Where(p => p.UserName == students[2])
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.DisabledAt, now));
        }
        try
        {
            Assert.True(await SignedInAsync(ended)); // until the check

            await Watch.CheckAsync();

            Assert.False(await SignedInAsync(ended));
            Assert.False(await SignedInAsync(newPassword));
            Assert.False(await SignedInAsync(disabled));
            Assert.True(await SignedInAsync(untouched));
            // The signed-out tabs are no longer watched, nor a closed one.
            Assert.All(new[] { ended, newPassword, disabled }, tab => Assert.False(Watch.Watches(tab)));
            Assert.True(Watch.Watches(untouched));
            untouched.Dispose();
            Assert.False(Watch.Watches(untouched));
            Assert.True(CircuitSignInWatch.Interval <= TimeSpan.FromMinutes(1));
        }
        finally
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
            await db
                .Users.Where(p => p.UserName == students[2])
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.DisabledAt, (DateTime?)null));
        }
    }

    private async Task<string[]> StudentsAsync(int skip, int take)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope
            .ServiceProvider.GetRequiredService<EnoeDbContext>()
            .Users.Where(u => u.Memberships.Any(m => m.Profiles == Profile.Student))
            .OrderBy(u => u.Id)
            .Skip(skip)
            .Take(take)
            .Select(u => u.UserName!)
            .ToArrayAsync();
    }

    private static async Task<bool> SignedInAsync(AuthenticationStateProvider tab) =>
        (await tab.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;

    /// <summary>
    /// A tab as the framework opens it: a sign-in session, and the request's user handed to the provider.
    /// </summary>
    private async Task<(WatchedAuthenticationStateProvider, Guid)> OpenTabAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var person = await scope
            .ServiceProvider.GetRequiredService<EnoeDbContext>()
            .Users.SingleAsync(u => u.UserName == userName);
        var principal = await scope
            .ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Person>>()
            .CreateAsync(person);
        var session = await app.Services.GetRequiredService<SignInSessions>().StartAsync(person.Id, null, null, false);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(EnoeClaims.Session, session.ToString()));
        var tab = ActivatorUtilities.CreateInstance<WatchedAuthenticationStateProvider>(app.Services);
        tab.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (tab, session);
    }
}
