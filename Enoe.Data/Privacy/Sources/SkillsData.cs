using Enoe.Data.Skills;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>The skills booklet's assessments.</summary>
internal sealed class SkillsData : IPersonalDataSource
{
    public string Name => "skills";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct) =>
        PersonalDataPart.Of(
            await db.Set<SkillAssessment>()
                .Where(s => s.StudentId == personId)
                .OrderBy(s => s.AssessedAt)
                .Select(s => new
                {
                    s.Skill!.Code,
                    s.Skill.Name,
                    Level = s.Level.ToString(),
                    Teacher = s.Teacher!.FirstName + " " + s.Teacher.LastName,
                    s.AssessedAt,
                })
                .ToListAsync(ct)
        );
}
