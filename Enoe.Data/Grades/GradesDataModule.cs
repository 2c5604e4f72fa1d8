using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Notes: assessments, marks and averages.</summary>
        public static readonly EntService Grades = new(Enoe.Data.Grades.GradesDataModule.Key);
    }
}

namespace Enoe.Data.Grades
{
    public sealed class GradesDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "grades";

        public override EntService? Service => EntService.Grades;

        public override string? FileCode => "notes";

        public override void AddServices(IServiceCollection services) =>
            services.AddSingleton<GradeService>().AddSingleton<Demo.IDemoStep, GradesDemoStep>();
    }
}
