using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Enoe.App.Account;

/// <summary>
/// The person signed in to one tab (a circuit, or a page being prerendered), from the request that opened it, watched
/// by <see cref="CircuitSignInWatch"/> while signed in: the tab drops to signed-out when the sign-in no longer stands.
/// </summary>
internal sealed class WatchedAuthenticationStateProvider(CircuitSignInWatch watch)
    : AuthenticationStateProvider,
        IHostEnvironmentAuthenticationStateProvider,
        IDisposable
{
    private Task<AuthenticationState>? _state;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
        _state ?? throw new InvalidOperationException($"{nameof(SetAuthenticationState)} was not called.");

    /// <summary>Called by the framework with the request's user, and by the watch to sign the tab out.</summary>
    public void SetAuthenticationState(Task<AuthenticationState> authenticationStateTask)
    {
        var state = authenticationStateTask ?? throw new ArgumentNullException(nameof(authenticationStateTask));
        _state = state;
        NotifyAuthenticationStateChanged(state);
        _ = WatchAsync(state);
    }

    /// <summary>The framework hands a completed task: this runs before SetAuthenticationState returns.</summary>
    private async Task WatchAsync(Task<AuthenticationState> state)
    {
        var user = (await state).User;
        if (ReferenceEquals(_state, state)) // not replaced meanwhile
            watch.Watch(this, user);
    }

    public void SignOut() =>
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));

    /// <summary>
    /// Has the router and every AuthorizeView check their policies again with the same person: the académie just
    /// switched a service, and a page it closed must not stay open.
    /// </summary>
    public void Recheck() => NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());

    public void Dispose() => watch.Forget(this);
}
