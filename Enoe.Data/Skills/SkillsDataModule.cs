using Enoe.Data.Modules;
using Enoe.Data.Schools;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Data.Schools
{
    public readonly partial record struct EntService
    {
        /// <summary>Livret de compétences: the socle commun's skills and their mastery levels.</summary>
        public static readonly EntService Skills = new(Enoe.Data.Skills.SkillsDataModule.Key);
    }
}

namespace Enoe.Data.Skills
{
    public sealed class SkillsDataModule : DataModule
    {
        /// <summary>The service's stored key: never change it (the académie's switches refer to it).</summary>
        public const string Key = "skills";

        public override EntService? Service => EntService.Skills;

        public override string? FileCode => "competences";

        public override void AddServices(IServiceCollection services) =>
            services.AddSingleton<SkillService>().AddSingleton<Demo.IDemoStep, SkillsDemoStep>();
    }
}
