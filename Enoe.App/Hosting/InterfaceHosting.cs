using System.Globalization;
using Enoe.App.PublicSite;
using Enoe.App.WaitingRoom;
using Enoe.Widgets;
using Enoe.Widgets.Abstractions;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;

namespace Enoe.App.Hosting;

public static class InterfaceHosting
{
    public static readonly CultureInfo[] Cultures = [new("fr-FR"), new("en")];

    public static WebApplicationBuilder AddEnoeInterface(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            // A long text arrives whole in one message (default 32 KB): see TextLimits.
            .AddHubOptions(o => o.MaximumReceiveMessageSize = Enoe.Widgets.Common.TextLimits.MaximumReceiveMessageSize);
        builder.Services.AddLeanInteropMetadata(); // a tab's JS runtime keeps no metadata it never writes
        builder.Services.AddSingleton<CircuitCounter>();
        builder.Services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        builder.Services.AddEnoeCircuitLimits(builder.Configuration); // open tabs per person and per address
        builder.Services.AddEnoeWaitingRoom(); // past the node's capacity, newcomers wait their turn
        // A tab whose connection is down gets its live events when it comes back, not meanwhile.
        builder.Services.AddScoped<CircuitHandler, HeldWhileDown>();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization();
        builder.Services.AddPublicSiteCache(); // anonymous public pages kept whole, dropped when they change
        // The ENT services (Enoe.Widgets), then the host's own modules (Components/Admin).
        builder.Services.AddEnoeWidgets().AddUiModules(typeof(InterfaceHosting).Assembly);
        return builder;
    }
}
