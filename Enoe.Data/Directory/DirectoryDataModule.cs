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
        services.AddOptions<DirectoryOptions>(); // bound to Enoe:Directory by the host
        // Always registered; unconfigured (DirectoryOptions.IsConfigured false), every call fails as an unreachable
        // directory does, so a sync never takes anyone for gone.
        services.AddSingleton<Ldap.LdapDirectory>();
        services.AddSingleton<IDirectorySource>(s => s.GetRequiredService<Ldap.LdapDirectory>());
        services.AddSingleton<IDirectoryPasswordCheck>(s => s.GetRequiredService<Ldap.LdapDirectory>());
        services.AddSingleton<DirectorySync>();
        services.AddSingleton<DirectoryReports>();
        services.AddSingleton<DirectoryPurge>();
    }
}
