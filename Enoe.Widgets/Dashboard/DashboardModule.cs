using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Dashboard;

/// <summary>Tableau de bord: each person's page of widgets, and the default pages admins set per profile.</summary>
public sealed class DashboardModule : UiModule
{
    public override EntService? Service => EntService.Dashboard;
    public override string Name => DashboardText.ServiceName;
    public override int Order => 10;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => DashboardText.Nav_Dashboard,
                    "/tableau-de-bord",
                    Icons.Material.Outlined.Dashboard,
                    EntService.Dashboard,
                    Profile.Everyone,
                    Order: 0
                )
            )
            .AddNavigationEntry(
                new(
                    () => DashboardText.Nav_DefaultLayouts,
                    "/gestion/pages-par-defaut",
                    Icons.Material.Outlined.DashboardCustomize,
                    EntService.Dashboard,
                    Policies.Profiles[Policies.LayoutAdmin],
                    Order: 980
                )
            );
}
