using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.SchoolNetwork;

/// <summary>Réseau d'établissement: who works where (part of the dashboard).</summary>
public sealed class SchoolNetworkModule : UiModule
{
    public override int Order => 25;

    public override void AddServices(IServiceCollection services) =>
        services.AddWidget(
            new(
                "school-network",
                () => NetworkText.Widget_Network,
                Icons.Material.Outlined.Groups,
                EntService.Dashboard,
                Profile.Everyone & ~Profile.AcademyAdmin,
                DefaultSize: new(4, 4),
                MinSize: new(3, 2),
                Component: typeof(NetworkWidget),
                PhoneOrder: 90
            )
        );
}
