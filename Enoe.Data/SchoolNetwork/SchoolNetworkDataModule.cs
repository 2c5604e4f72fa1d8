using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.SchoolNetwork;

/// <summary>Réseau d'établissement: a person's classes, groups and the people they may reach.</summary>
public sealed class SchoolNetworkDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) => services.AddSingleton<SchoolNetworkService>();
}
