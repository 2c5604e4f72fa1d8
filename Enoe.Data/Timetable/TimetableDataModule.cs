using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Emploi du temps: each person's week, its lessons and their changes.</summary>
        public static readonly EntService Timetable = new(Enoe.Data.Timetable.TimetableDataModule.Key);
    }
}

namespace Enoe.Data.Timetable
{
    public sealed class TimetableDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "timetable";

        public override EntService? Service => EntService.Timetable;

        public override string? FileCode => "edt";

        public override void AddServices(IServiceCollection services) =>
            services
                .AddSingleton<TimetableService>()
                .AddSingleton<TimetableImport>()
                .AddSingleton<Demo.IDemoStep, TimetableDemoStep>();
    }
}
