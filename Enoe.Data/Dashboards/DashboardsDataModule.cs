using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Each person's page of widgets, and the default pages admins set per profile.</summary>
        public static readonly EntService Dashboard = new(Enoe.Data.Dashboards.DashboardsDataModule.Key);
    }
}

namespace Enoe.Data.Dashboards
{
    public sealed class DashboardsDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "dashboard";

        public override EntService? Service => EntService.Dashboard;

        public override string? FileCode => "portail";

        public override void AddServices(IServiceCollection services) =>
            services
                // Dashboards need the widget rules (IWidgetRules), which Enoe.Widgets registers from its catalogue.
                .AddSingleton<DefaultLayoutService>()
                .AddSingleton<LayoutService>();
    }
}
