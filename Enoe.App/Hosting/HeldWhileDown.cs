using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Enoe.App.Hosting;

/// <summary>
/// One per circuit: while its connection is down, the tab's live events wait (<see cref="LiveEvents"/>) instead of
/// querying and rendering for nobody; when it comes back they are handed over, or, when it missed too many, the page
/// reloads and reads everything afresh.
/// </summary>
public sealed class HeldWhileDown(LiveEvents events, NavigationManager navigation) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken ct)
    {
        events.ConnectionDown();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct)
    {
        // The catching up runs on its own: the reconnection, and the person's clicks after it, do not wait for it.
        if (events.Resume().Reload)
            navigation.Refresh(forceReload: true);
        return Task.CompletedTask;
    }
}
