using System.Globalization;
using Enoe.Widgets;
using MudBlazor.Services;

namespace Enoe.App.Hosting;

public static class InterfaceHosting
{
    public static readonly CultureInfo[] Cultures = [new("fr-FR"), new("en")];

    public static WebApplicationBuilder AddEnoeInterface(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSingleton<CircuitCounter>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<CircuitCounter>());
        builder.Services.AddMudServices();
        builder.Services.AddLocalization();
        builder.Services.AddEnoeWidgets();
        return builder;
    }
}
