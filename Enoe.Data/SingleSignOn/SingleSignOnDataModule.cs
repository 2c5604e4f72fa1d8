using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.SingleSignOn;

/// <summary>
/// ENOE as the identity provider of the ressources académiques: the services registered to sign people in through
/// it, the CAS server's tickets, the OpenID Connect clients (OpenIddict's stores in ENOE's database). Not an ENT
/// service an établissement switches: the académie registers each one.
/// </summary>
public sealed class SingleSignOnDataModule : DataModule
{
    public override void AddServices(IServiceCollection services)
    {
        services
            .AddSingleton<CasService>()
            .AddSingleton<OidcService>()
            .AddSingleton<SsoRegistry>()
            .AddSingleton<Demo.IDemoStep, SingleSignOnDemoStep>();
        // The scoped context OpenIddict's stores use is made by the same factory as every other (AddDbContextFactory).
        services.AddOpenIddict().AddCore(o => o.UseEntityFrameworkCore().UseDbContext<EnoeDbContext>());
    }
}
