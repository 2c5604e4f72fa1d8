using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Vie scolaire: the roll call, absences and lateness, justified by families online.</summary>
        public static readonly EntService SchoolLife = new(Enoe.Data.SchoolLife.SchoolLifeDataModule.Key);
    }
}

namespace Enoe.Data.SchoolLife
{
    public sealed class SchoolLifeDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "school-life";

        public override EntService? Service => EntService.SchoolLife;

        public override string? FileCode => "vie-scolaire";

        public override void AddServices(IServiceCollection services) =>
            services
                .AddSingleton<RollCallService>()
                .AddSingleton<AttendanceService>()
                .AddSingleton<AttendanceNotices>()
                .AddSingleton<Storage.IFileReadRule, JustificationFileRule>()
                .AddSingleton<Demo.IDemoStep, SchoolLifeDemoStep>();
    }
}
