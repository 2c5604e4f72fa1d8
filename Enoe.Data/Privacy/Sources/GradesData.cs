using Enoe.Data.Grades;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>The person's published marks (what they and their family could read).</summary>
internal sealed class GradesData : IPersonalDataSource
{
    public string Name => "grades";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct) =>
        PersonalDataPart.Of(
            await db.Set<Grade>()
                .Where(g => g.StudentId == personId && g.Assessment!.PublishedAt != null)
                .OrderBy(g => g.Assessment!.Date)
                .Select(g => new
                {
                    Subject = g.Assessment!.Subject!.Name,
                    g.Assessment.Title,
                    g.Assessment.Date,
                    Kind = g.Kind.ToString(),
                    g.Value,
                    g.Assessment.Scale,
                    g.Assessment.Coefficient,
                })
                .ToListAsync(ct)
        );
}
