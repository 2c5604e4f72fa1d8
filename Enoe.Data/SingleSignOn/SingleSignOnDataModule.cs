using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.SingleSignOn;

/// <summary>
/// ENOE as the identity provider of the ressources académiques: the services registered to sign people in through
/// it, and the CAS server's tickets. Not an ENT service an établissement switches: the académie registers each one.
/// </summary>
public sealed class SingleSignOnDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) =>
        services
            .AddSingleton<CasService>()
            .AddSingleton<SsoRegistry>()
            .AddSingleton<Demo.IDemoStep, SingleSignOnDemoStep>();
}
