using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Directory;

/// <summary>
/// The académie directory (SDET LDAP): the sync that creates, updates and disables directory accounts, and the
/// password check directory accounts sign in with. Configured by <see cref="DirectoryOptions"/>; unconfigured, it
/// does nothing and local accounts are all there is.
/// </summary>
public sealed class DirectoryDataModule : DataModule
{
    public override void AddServices(IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>();
        services.AddSingleton<DirectorySync>(); // needs an IDirectorySource: the LDAP one, or a test's
        services.AddSingleton<DirectoryReports>();
        services.AddSingleton<DirectoryPurge>();
    }
}
