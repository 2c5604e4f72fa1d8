using Enoe.Data.Modules;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Statistics;

/// <summary>
/// The académie's figures: usage counted as things happen (sign-ins, each service's events) and read by the consoles.
/// </summary>
public sealed class StatisticsDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) =>
        services
            .AddSingleton<UsageCounter>()
            .AddSingleton<UsageStatistics>()
            // Every context's interceptors come from the container (DataServiceCollectionExtensions.AddContextFactory).
            .AddSingleton<IInterceptor, UsageCountingInterceptor>()
            .AddSingleton<Demo.IDemoStep, UsageDemo>();
}
