using Enoe.Data.Demo;
using Enoe.Data.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.People;

/// <summary>
/// The second factor at sign-in: a person's own enrolment, an admin's reset, the demo's enrolled admins.
/// </summary>
public sealed class TwoFactorDataModule : DataModule
{
    public override void AddServices(IServiceCollection services)
    {
        services.AddScoped<TwoFactorAccount>();
        services.AddScoped<TwoFactorAdministration>();
        // Identity's store registers with TryAdd: this one, registered either side of it, is the one used.
        services.AddScoped<IUserStore<Person>, TwoFactorRecoveryCodeStore>();
        services.AddSingleton<IDemoStep, TwoFactorDemo>();
    }
}
