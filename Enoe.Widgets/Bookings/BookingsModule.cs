using Enoe.Data.Bookings;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Bookings;

/// <summary>Réservations: rooms and equipment, booked once or as a weekly series.</summary>
public sealed class BookingsModule : UiModule
{
    public const string Running = Policies.ServicePrefix + BookingsDataModule.Key;

    public override EntService? Service => EntService.Bookings;
    public override string Name => BookingsText.ServiceName;
    public override int Order => 70;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => BookingsText.Nav_Bookings,
                    "/reservations",
                    Icons.Material.Outlined.EventAvailable,
                    EntService.Bookings,
                    Profile.Personnel | Profile.Student,
                    Order: 300
                )
            )
            .AddWidget(
                new(
                    "my-bookings",
                    () => BookingsText.Widget_MyBookings,
                    Icons.Material.Outlined.EventAvailable,
                    EntService.Bookings,
                    Profile.Personnel,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 2),
                    Component: typeof(MyBookingsWidget),
                    FullPageRoute: "/reservations",
                    PhoneOrder: 50
                )
            )
            .AddWidget(
                new(
                    "quick-booking",
                    () => BookingsText.Widget_QuickBooking,
                    Icons.Material.Outlined.MeetingRoom,
                    EntService.Bookings,
                    Profile.Personnel,
                    DefaultSize: new(4, 4),
                    MinSize: new(3, 3),
                    Component: typeof(QuickBookingWidget),
                    FullPageRoute: "/reservations",
                    PhoneOrder: 60
                )
            );
}
