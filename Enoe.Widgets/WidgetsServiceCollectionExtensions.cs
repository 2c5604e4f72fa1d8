using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets;

/// <summary>Each ENT service registers its pages' navigation (and, later, its widgets) here.</summary>
public static class WidgetsServiceCollectionExtensions
{
    public static IServiceCollection AddEnoeWidgets(this IServiceCollection services)
    {
        services.AddScoped<UserSession>();
        services.AddSingleton<NavigationCatalog>();
        return services.AddDashboard().AddPublicSite();
    }

    public static IServiceCollection AddDashboard(this IServiceCollection services) =>
        services.AddNavigationEntry(new("Nav_Dashboard", "/tableau-de-bord", Icons.Material.Outlined.Dashboard,
            EntService.Dashboard, Profile.Everyone, Order: 0));

    public static IServiceCollection AddPublicSite(this IServiceCollection services) =>
        services.AddNavigationEntry(new("Nav_SiteArticles", "/gestion/articles", Icons.Material.Outlined.Public,
            EntService.PublicSite, Policies.Profiles[Policies.SiteEditor], Order: 900));
}
