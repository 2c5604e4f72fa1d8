using Enoe.Data.Demo;
using Enoe.Data.Schools;

namespace Enoe.Data.Skills;

/// <summary>
/// Order 40: the socle commun's framework in each school that runs the livret, its skills' ids handed
/// over to the Grades step (Order 60), whose tests assess them.
/// </summary>
internal sealed class SkillsDemoStep : IDemoStep
{
    public int Order => 40;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var frameworks = demo.SchoolsRunning(EntService.Skills)
            .SelectMany(s =>
                SkillFramework.Default.Select(d => new SkillDomain
                {
                    SchoolId = s.Id,
                    Code = d.Code,
                    Name = d.Name,
                    Skills = [.. d.Skills.Select(k => new Skill { Code = k.Code, Name = k.Name })],
                })
            )
            .ToList();
        demo.Db.AddRange(frameworks);
        await demo.Db.SaveChangesAsync(ct);
        demo.Handover.SkillIds = frameworks
            .SelectMany(d => d.Skills.Select(s => (d.SchoolId, s.Code, s.Id)))
            .ToDictionary(s => (s.SchoolId, s.Code), s => s.Id);
    }
}
