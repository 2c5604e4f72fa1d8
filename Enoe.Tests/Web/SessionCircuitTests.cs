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

/// <summary>An open circuit (another tab) loses access the moment its session ends, not at the next check.</summary>
[Collection(SharedApp.Name)]
public sealed class SessionCircuitTests(EnoeAppFactory app)
{
    [Fact]
    public async Task A_circuit_drops_to_signed_out_when_its_session_ends_and_the_others_stay()
    {
        var sessions = app.Services.GetRequiredService<SignInSessions>();
        var (tab, tabSession) = await CircuitAsync("julien.roussel", sessions);
        var (otherTab, _) = await CircuitAsync("julien.roussel", sessions);

        await sessions.EndAsync(tabSession, SessionEnd.SignedOut);
        await app.DeliveredAsync();

        Assert.False((await tab.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.True((await otherTab.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        ((IDisposable)tab).Dispose();
        ((IDisposable)otherTab).Dispose();
    }

    private async Task<(RevalidatingIdentityStateProvider, Guid)> CircuitAsync(string userName, SignInSessions sessions)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var person = await scope
            .ServiceProvider.GetRequiredService<EnoeDbContext>()
            .Users.SingleAsync(u => u.UserName == userName);
        var principal = await scope
            .ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Person>>()
            .CreateAsync(person);
        var session = await sessions.StartAsync(person.Id, null, null, false);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(EnoeClaims.Session, session.ToString()));
        var provider = ActivatorUtilities.CreateInstance<RevalidatingIdentityStateProvider>(app.Services);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return (provider, session);
    }
}
