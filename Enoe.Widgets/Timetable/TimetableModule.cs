using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Timetable;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Timetable;

/// <summary>Emploi du temps: each person's week and day, the import of the établissement's timetable.</summary>
public sealed class TimetableModule : UiModule
{
    public const string Running = Policies.ServicePrefix + TimetableDataModule.Key;

    public override EntService? Service => EntService.Timetable;
    public override string Name => TimetableText.ServiceName;
    public override int Order => 35;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => TimetableText.Nav_Timetable,
                    "/emploi-du-temps",
                    Icons.Material.Outlined.CalendarViewWeek,
                    EntService.Timetable,
                    Profile.Student | Profile.Parent | Profile.Personnel,
                    Order: 90
                )
            )
            .AddNavigationEntry(
                new(
                    () => TimetableText.Nav_Import,
                    "/gestion/emploi-du-temps",
                    Icons.Material.Outlined.UploadFile,
                    EntService.Timetable,
                    Profile.Staff | Profile.SchoolAdmin,
                    Order: 960,
                    // Whoever may import (the direction, the ENT admin): the page and the service check the same.
                    Right: Right.TimetableImport
                )
            )
            .AddWidget(
                new(
                    "my-day",
                    () => TimetableText.Widget_MyDay,
                    Icons.Material.Outlined.Today,
                    EntService.Timetable,
                    Profile.Student | Profile.Parent | Profile.Teacher,
                    DefaultSize: new(4, 4),
                    MinSize: new(3, 2),
                    Component: typeof(MyDayWidget),
                    FullPageRoute: "/emploi-du-temps",
                    PhoneOrder: 7
                )
            );
}
