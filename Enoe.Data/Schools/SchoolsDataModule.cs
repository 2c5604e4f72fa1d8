using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools;

/// <summary>
/// Établissements: the directory, their settings, the services the académie switches per établissement.
/// </summary>
public sealed class SchoolsDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) =>
        services
            .AddSingleton<SchoolDirectory>()
            .AddSingleton<ServiceAccess>()
            .AddSingleton<SchoolServiceSwitches>()
            .AddSingleton<SchoolSettingsService>()
            .AddSingleton<SchoolCsv>()
            .AddSingleton<SchoolAdministration>();
}
