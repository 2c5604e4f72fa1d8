using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.People;

/// <summary>People: what the shell shows a signed-in person, and a parent's choice of child.</summary>
public sealed class PeopleDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) => services.AddSingleton<WorkspaceService>();
}
