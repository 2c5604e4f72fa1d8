using System.Security.Claims;
using Enoe.Data.People;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Enoe.App.Account;

/// <summary>
/// Checks every minute that an open circuit's account is still enabled and has the security stamp it signed in
/// with, so a password change or a disabled account (someone who left the directory) ends the other open sessions
/// within a minute. One primary-key read per circuit per minute. Uses a fresh scope: the circuit never holds a
/// UserManager (and its DbContext).
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => AccountRevalidation.Interval;

    /// <summary>
    /// Has the router and every AuthorizeView check their policies again with the same person: the académie just
    /// switched a service, and a page it closed must not stay open.
    /// </summary>
    public void Recheck() => NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState state,
        CancellationToken ct
    )
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await AccountRevalidation.IsStillValidAsync(scope.ServiceProvider, state.User);
    }
}

/// <summary>How open sessions check their account: the law's "access ends when they leave", within a minute.</summary>
internal static class AccountRevalidation
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>False once the account is gone, disabled, or has a new security stamp (password changed).</summary>
    public static async Task<bool> IsStillValidAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var users = services.GetRequiredService<UserManager<Person>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        return principal.FindFirstValue(stampClaim.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
