using Enoe.Data.Dashboards;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enoe.Widgets;

public static class WidgetsServiceCollectionExtensions
{
    /// <summary>
    /// The shell's catalogues, then every ENT service's own registration: each folder declares a
    /// <see cref="UiModule"/> (its navigation, widgets, settings section, endpoints), found here.
    /// </summary>
    public static IServiceCollection AddEnoeWidgets(this IServiceCollection services)
    {
        services.AddScoped<RenderScope>();
        services.AddScoped<UserSession>();
        services.AddScoped<RenderTogether>();
        services.AddScoped<LiveEvents>();
        // Blazor's own in the app; absent where nothing is prerendered (component tests), and then nothing is handed
        // over.
        services.AddScoped(sp => new PrerenderedValues(
            sp.GetService<PersistentComponentState>(),
            sp.GetService<AuthenticationStateProvider>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<RenderScope>(),
            sp.GetService<ILogger<PrerenderedValues>>()
        ));
        services.AddScoped<BrowserPreferences>();
        services.AddScoped(sp => new WidgetLoads(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<NavigationCatalog>();
        services.AddSingleton<WidgetCatalog>();
        services.AddSingleton<IWidgetRules>(sp => sp.GetRequiredService<WidgetCatalog>());
        return services.AddUiModules(typeof(UiModule).Assembly);
    }
}
