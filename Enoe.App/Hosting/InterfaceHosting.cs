using System.Globalization;
using Enoe.Data.People;
using Enoe.Widgets;
using Enoe.Widgets.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Enoe.App.Hosting;

public static class InterfaceHosting
{
    public static readonly CultureInfo[] Cultures = [new("fr-FR"), new("en")];

    public static WebApplicationBuilder AddEnoeInterface(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            // A long text arrives whole in one message (default 32 KB): see TextLimits.
            .AddHubOptions(o => o.MaximumReceiveMessageSize = Enoe.Widgets.Common.TextLimits.MaximumReceiveMessageSize);
        builder.Services.AddSingleton<CircuitCounter>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        builder.Services.AddMudServices();
        builder.Services.AddLocalization();
        builder.Services.AddEnoeWidgets()
            // The host's own administration pages (Components/Admin).
            .AddNavigationEntry(new("Nav_Accounts", "/gestion/comptes", Icons.Material.Outlined.ManageAccounts, null, Profile.SchoolAdmin, Order: 950))
            .AddNavigationEntry(new("Nav_SchoolSettings", "/gestion/etablissement", Icons.Material.Outlined.Settings, null, Profile.SchoolAdmin, Order: 960))
            .AddNavigationEntry(new("Nav_Services", "/academie/services", Icons.Material.Outlined.ToggleOn, null, Profile.AcademyAdmin, Order: 990));
        return builder;
    }
}
