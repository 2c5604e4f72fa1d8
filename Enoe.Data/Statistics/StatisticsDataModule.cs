using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Statistics;

/// <summary>The académie's figures: how far ENOE is deployed, and how much it is used.</summary>
public sealed class StatisticsDataModule : DataModule
{
    public override void AddServices(IServiceCollection services) => services.AddSingleton<DeploymentStatistics>();
}
