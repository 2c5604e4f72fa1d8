using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Assignments;

/// <summary>Remise de copies, part of the Documents service: devoirs set, submissions handed in and returned.</summary>
public sealed class AssignmentsDataModule : DataModule
{
    public override EntService? Service => EntService.Documents;

    public override void AddServices(IServiceCollection services) =>
        services
            .AddSingleton<AssignmentService>()
            .AddSingleton<AssignmentReminders>()
            .AddSingleton<Storage.IFileReadRule, AssignmentFileRule>()
            .AddSingleton<Demo.IDemoStep, AssignmentsDemoStep>();
}
