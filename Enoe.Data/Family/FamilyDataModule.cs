using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Family;

/// <summary>Tous mes enfants: what is new for each of a parent's children.</summary>
public sealed class FamilyDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) => services.AddSingleton<FamilyService>();
}
