using Enoe.Data.Modules;
using Microsoft.Extensions.Configuration;
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
        // From the app's configuration; test service providers without one get the defaults (no directory).
        services
            .AddOptions<DirectoryOptions>()
            .Configure<IServiceProvider>(
                (o, s) => s.GetService<IConfiguration>()?.GetSection(DirectoryOptions.Section).Bind(o)
            );
        // Always registered; unconfigured (DirectoryOptions.IsConfigured false) callers see no directory.
        services.AddSingleton<Ldap.LdapDirectory>();
        services.AddSingleton<IDirectorySource>(s => s.GetRequiredService<Ldap.LdapDirectory>());
        services.AddSingleton<IDirectoryPasswordCheck>(s => s.GetRequiredService<Ldap.LdapDirectory>());
    }
}
