using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.DigitalResources;

/// <summary>Ressources académiques: the digital resources the académie and each établissement offer.</summary>
public sealed class DigitalResourcesModule : UiModule
{
    public override EntService? Service => EntService.DigitalResources;
    public override string Name => DigitalResourcesText.ServiceName;
    public override int Order => 30;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => DigitalResourcesText.Nav_DigitalResources,
                    "/gestion/ressources",
                    Icons.Material.Outlined.LibraryBooks,
                    EntService.DigitalResources,
                    Policies.Profiles[Policies.LayoutAdmin],
                    Order: 970
                )
            )
            .AddWidget(
                new(
                    "resources",
                    () => DigitalResourcesText.Widget_DigitalResources,
                    Icons.Material.Outlined.LibraryBooks,
                    EntService.DigitalResources,
                    Profile.Everyone,
                    DefaultSize: new(4, 4),
                    MinSize: new(3, 2),
                    Component: typeof(DigitalResourcesWidget),
                    PhoneOrder: 90
                )
            );
}
