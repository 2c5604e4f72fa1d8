using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Resources;

/// <summary>Ressources académiques: the digital resources the académie and each établissement offer.</summary>
public sealed class ResourcesModule : UiModule
{
    public override EntService? Service => EntService.Resources;
    public override string Name => ResourcesText.ServiceName;
    public override int Order => 30;

    public override void AddServices(IServiceCollection services) => services
        .AddNavigationEntry(new("Nav_Resources", "/gestion/ressources", Icons.Material.Outlined.LibraryBooks,
            EntService.Resources, Policies.Profiles[Policies.LayoutAdmin], Order: 970))
        .AddWidget(new("resources", "Widget_Resources", Icons.Material.Outlined.LibraryBooks, EntService.Resources, Profile.Everyone,
            DefaultSize: new(4, 4), MinSize: new(3, 2), Component: typeof(ResourcesWidget), PhoneOrder: 90));
}
