using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.TryAddSingleton<IDirectorySource, NoDirectorySource>(); // until the LDAP reader (or a test's) is added
        services.AddSingleton<DirectorySync>();
        services.AddSingleton<DirectoryReports>();
        services.AddSingleton<DirectoryPurge>();
    }
}
