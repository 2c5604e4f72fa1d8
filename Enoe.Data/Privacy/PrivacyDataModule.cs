using Enoe.Data.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Privacy;

/// <summary>
/// The RGPD's part: the access log families read, exports of a person's data, the retention job. Every
/// <see cref="IPersonalDataSource"/> of this assembly joins the export.
/// </summary>
public sealed class PrivacyDataModule : DataModule
{
    public override void AddServices(IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>(); // bound to Enoe:Privacy by the host
        services.AddSingleton<Jobs.JobLeases>();
        services.AddSingleton<ExportFiles>();
        services.AddSingleton<DataExportSignal>();
        services.AddSingleton<PrivacyService>();
        services.AddSingleton<DataExportBuilder>();
        services.AddSingleton<RetentionJob>();
        foreach (
            var source in typeof(IPersonalDataSource)
                .Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IPersonalDataSource)))
        )
            services.AddSingleton(typeof(IPersonalDataSource), source);
    }
}
