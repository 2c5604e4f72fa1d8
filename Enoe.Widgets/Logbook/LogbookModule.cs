using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Logbook;

/// <summary>Carnet de bord: sessions and homework, written inline by teachers.</summary>
public sealed class LogbookModule : UiModule
{
    public const string Running = Policies.ServicePrefix + LogbookDataModule.Key;

    public override EntService? Service => EntService.Logbook;
    public override string Name => LogbookText.ServiceName;
    public override int Order => 40;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => LogbookText.Nav_Logbook,
                    "/carnet-de-bord",
                    Icons.Material.Outlined.MenuBook,
                    EntService.Logbook,
                    Profile.Everyone & ~Profile.AcademyAdmin,
                    Order: 100
                )
            )
            .AddWidget(
                new(
                    "my-logbook",
                    () => LogbookText.Widget_MyLogbook,
                    Icons.Material.Outlined.MenuBook,
                    EntService.Logbook,
                    Profile.Student | Profile.Parent | Profile.Teacher,
                    DefaultSize: new(4, 4),
                    MinSize: new(3, 3),
                    Component: typeof(MyLogbookWidget),
                    FullPageRoute: "/carnet-de-bord",
                    PhoneOrder: 20
                )
            )
            .AddSettingsSection<LogbookSettingsSection>(100, EntService.Logbook);
}
