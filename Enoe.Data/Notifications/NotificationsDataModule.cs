using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Notifications;

/// <summary>
/// The notification centre and the right to disconnect: every établissement has them, whatever its switches.
/// </summary>
public sealed class NotificationsDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) =>
        services.AddSingleton<QuietHoursService>().AddSingleton<NotificationService>().AddSingleton<HeldReleases>();
}
