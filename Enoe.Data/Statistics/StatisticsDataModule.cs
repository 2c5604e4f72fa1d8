using Enoe.Data.Modules;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Statistics;

/// <summary>
/// The académie's figures: how far ENOE is deployed (computed from the établissements' settings), and how much it is
/// used (counted as things happen: sign-ins, each service's events) — read by the consoles.
/// </summary>
public sealed class StatisticsDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) =>
        services
            .AddSingleton<DeploymentStatistics>()
            .AddSingleton<UsageCounter>()
            .AddSingleton<UsageStatistics>()
            // Every context's interceptors come from the container (DataServiceCollectionExtensions.AddContextFactory).
            .AddSingleton<IInterceptor, UsageCountingInterceptor>()
            .AddSingleton<Demo.IDemoStep, UsageDemo>();
}
