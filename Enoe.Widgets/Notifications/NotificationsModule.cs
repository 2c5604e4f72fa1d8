using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Widgets.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Enoe.Widgets.Notifications;

/// <summary>
/// The notification centre (the header's bell, the "Fil d'actualités" page and widget) and the right to disconnect in
/// the établissement's settings: every établissement has them, whatever its switches.
/// </summary>
public sealed class NotificationsModule : UiModule
{
    public override void AddServices(IServiceCollection services) =>
        services
            .AddNavigationEntry(
                new(
                    () => NotificationsText.Nav_Feed,
                    "/fil-actualites",
                    Icons.Material.Outlined.Notifications,
                    null,
                    Profile.Everyone & ~Profile.AcademyAdmin,
                    Order: 15,
                    Badge: typeof(NotificationBell)
                )
            )
            .AddWidget(
                new(
                    "feed",
                    () => NotificationsText.Widget_Feed,
                    Icons.Material.Outlined.Notifications,
                    EntService.Dashboard,
                    Profile.Everyone & ~Profile.AcademyAdmin,
                    DefaultSize: new(4, 3),
                    MinSize: new(3, 2),
                    Component: typeof(FeedWidget),
                    FullPageRoute: "/fil-actualites"
                )
            )
            .AddSettingsSection<QuietHoursSection>(150);
}
