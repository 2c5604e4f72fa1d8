using Enoe.Data.Demo;
using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.People;

/// <summary>
/// The second factor's demo: the admins and direction enrolled. Its services (<see cref="TwoFactorAccount"/>,
/// <see cref="TwoFactorAdministration"/>, <see cref="TwoFactorRecoveryCodeStore"/>) need Identity's UserManager and
/// are registered with Identity, by the host.
/// </summary>
public sealed class TwoFactorDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) => services.AddSingleton<IDemoStep, TwoFactorDemo>();
}
