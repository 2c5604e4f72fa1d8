using System.Security.Claims;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Enoe.App.Account;

/// <summary>
/// Drops an open circuit to signed-out the moment its sign-in session ends (<see cref="SessionsEnded"/>: signed out
/// in another tab, password changed elsewhere, account disabled), and checks every minute that its account is still
/// enabled, has the security stamp it signed in with and its session is still open (what another instance ended).
/// Uses a fresh scope: the circuit never holds a UserManager (and its DbContext).
/// </summary>
internal sealed class RevalidatingIdentityStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IDisposable _sessionsEnded;
    private Task<AuthenticationState>? _state;

    public RevalidatingIdentityStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IEventBus events
    )
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        AuthenticationStateChanged += state => _state = state;
        _sessionsEnded = events.Subscribe<SessionsEnded>(OnSessionsEndedAsync);
    }

    protected override TimeSpan RevalidationInterval => AccountRevalidation.Interval;

    private async Task OnSessionsEndedAsync(SessionsEnded ended)
    {
        if (_state is not { } state)
            return;
        var user = (await state).User;
        if (SessionCookie.IdOf(user) is Guid id && ended.SessionIds.Contains(id))
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _sessionsEnded.Dispose();
        base.Dispose(disposing);
    }

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
        await using var scope = _scopeFactory.CreateAsyncScope();
        return await AccountRevalidation.IsStillValidAsync(scope.ServiceProvider, state.User);
    }
}

/// <summary>How open sessions check their account: the law's "access ends when they leave", within a minute.</summary>
internal static class AccountRevalidation
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// False once the account is gone, disabled, or has a new security stamp (password changed), or the session ended.
    /// </summary>
    public static async Task<bool> IsStillValidAsync(IServiceProvider services, ClaimsPrincipal principal)
    {
        var users = services.GetRequiredService<UserManager<Person>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
            return false;
        if (
            SessionCookie.IdOf(principal) is Guid session
            && !await services.GetRequiredService<SignInSessions>().IsOpenAsync(session, user.Id)
        )
            return false;
        if (!users.SupportsUserSecurityStamp)
            return true;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        return principal.FindFirstValue(stampClaim.SecurityStampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
