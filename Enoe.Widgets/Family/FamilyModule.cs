using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Family;

/// <summary>A parent's summary of each child (part of the dashboard, not a service of its own).</summary>
public sealed class FamilyModule : UiModule
{
    public override int Order => 15;

    public override void AddServices(IServiceCollection services) =>
        services.AddWidget(
            new(
                "family",
                () => FamilyText.Widget_Family,
                Icons.Material.Outlined.FamilyRestroom,
                EntService.Dashboard,
                Profile.Parent,
                DefaultSize: new(4, 3),
                MinSize: new(3, 2),
                Component: typeof(FamilyWidget),
                PhoneOrder: 5
            )
        );
}
