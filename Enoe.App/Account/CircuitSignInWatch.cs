using System.Collections.Concurrent;
using System.Security.Claims;
using Enoe.Data.Events;
using Enoe.Data.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Enoe.App.Account;

/// <summary>
/// The sign-ins of this instance's open tabs. A tab drops to signed-out the moment its session ends here
/// (<see cref="SessionsEnded"/>: signed out in another tab, password changed, account disabled), and every minute all
/// of them are checked together: a session another instance ended, a new security stamp, a disabled account. The
/// law's "access ends when they leave", within a minute.
/// </summary>
/// <remarks>
/// One loop, one event subscription and two reads per 500 tabs (<see cref="SignInSessions.StandingAsync"/>) for the
/// whole instance. The framework's revalidating provider, which this replaces, gave each tab a timer, two reads a
/// minute and a handler run at every sign-out: with 1,000 dashboards open, a fifth of the instance's CPU (perf, in the
/// circuits bench) and 2,000 reads a minute for the database.
/// </remarks>
internal sealed class CircuitSignInWatch : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<WatchedAuthenticationStateProvider, CircuitSignIn> _tabs = new();
    private readonly SignInSessions _sessions;
    private readonly ClaimsIdentityOptions _claims;
    private readonly ILogger<CircuitSignInWatch> _logger;
    private readonly IDisposable _sessionsEnded;

    // Made here, not in ExecuteAsync: since .NET 10 that runs later on the thread pool, and a timer made there would
    // start counting the minute from whenever a busy pool got to it, on a clock tests move by hand.
    private readonly PeriodicTimer _timer;

    public CircuitSignInWatch(
        SignInSessions sessions,
        IEventBus events,
        IOptions<IdentityOptions> identity,
        TimeProvider clock,
        ILogger<CircuitSignInWatch> logger
    )
    {
        (_sessions, _claims, _logger) = (sessions, identity.Value.ClaimsIdentity, logger);
        _sessionsEnded = events.Subscribe<SessionsEnded>(OnSessionsEnded);
        _timer = new PeriodicTimer(Interval, clock);
    }

    public bool Watches(WatchedAuthenticationStateProvider tab) => _tabs.ContainsKey(tab);

    /// <summary>Watches the tab while <paramref name="user"/> is signed in; forgets it once signed out.</summary>
    public void Watch(WatchedAuthenticationStateProvider tab, ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            Forget(tab);
            return;
        }
        // No readable id: person 0 does not exist, and the next check signs the tab out.
        int.TryParse(user.FindFirstValue(_claims.UserIdClaimType), out var personId);
        var stamp = user.FindFirstValue(_claims.SecurityStampClaimType);
        _tabs[tab] = new CircuitSignIn(personId, SessionCookie.IdOf(user), stamp);
    }

    public void Forget(WatchedAuthenticationStateProvider tab) => _tabs.TryRemove(tab, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database did not answer: the tabs stay as they are until the next check, rather than 1,000
                // people losing what they were typing to an outage.
                _logger.LogError(e, "The open tabs' sign-ins could not be checked");
            }
        }
    }

    /// <summary>Checks every watched tab now; those whose sign-in no longer stands drop to signed-out.</summary>
    public async Task CheckAsync(CancellationToken ct = default)
    {
        var tabs = _tabs.ToArray();
        if (tabs.Length == 0)
            return;
        var standing = await _sessions.StandingAsync([.. tabs.Select(t => t.Value)], ct);
        foreach (var (tab, signIn) in tabs)
            if (!standing.Contains(signIn))
                SignOut(tab, signIn);
    }

    private Task OnSessionsEnded(SessionsEnded ended)
    {
        foreach (var (tab, signIn) in _tabs)
            if (signIn.SessionId is Guid id && ended.SessionIds.Contains(id))
                SignOut(tab, signIn);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Unless the tab signed in again meanwhile (with what was checked, it would be wrongly dropped).
    /// </summary>
    private void SignOut(WatchedAuthenticationStateProvider tab, CircuitSignIn checkedSignIn)
    {
        if (_tabs.TryGetValue(tab, out var current) && current == checkedSignIn)
            tab.SignOut();
    }

    public override void Dispose()
    {
        _sessionsEnded.Dispose();
        _timer.Dispose();
        base.Dispose();
    }
}
