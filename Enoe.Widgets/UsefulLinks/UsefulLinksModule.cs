using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.UsefulLinks;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.UsefulLinks;

/// <summary>Liens utiles: the établissement's list of links, kept by its admins, as a widget for everyone.</summary>
public sealed class UsefulLinksModule : UiModule
{
    public const string Running = Policies.ServicePrefix + UsefulLinksDataModule.Key;

    public override EntService? Service => EntService.UsefulLinks;
    public override string Name => UsefulLinksText.ServiceName;
    public override int Order => 95;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => UsefulLinksText.Nav_Title,
                    "/gestion/liens-utiles",
                    Icons.Material.Outlined.Link,
                    EntService.UsefulLinks,
                    Profile.SchoolAdmin,
                    Order: 975
                )
            )
            .AddWidget(
                new(
                    "useful-links",
                    () => UsefulLinksText.Widget_Title,
                    Icons.Material.Outlined.Link,
                    EntService.UsefulLinks,
                    Profile.Everyone & ~Profile.AcademyAdmin,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 2),
                    Component: typeof(UsefulLinksWidget),
                    PhoneOrder: 95
                )
            );
}
