using Enoe.Data.Assignments;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>The copies the person handed in, with their files, and the teachers' returns.</summary>
internal sealed class AssignmentsData : IPersonalDataSource
{
    public string Name => "assignments";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct)
    {
        var copies = await db.Set<Submission>()
            .Where(s => s.StudentId == personId)
            .OrderBy(s => s.SubmittedAt)
            .Select(s => new
            {
                Assignment = s.Assignment!.Title,
                s.Number,
                s.SubmittedAt,
                s.Late,
                Files = s.Files.Select(f => f.File!.Name).ToList(),
            })
            .ToListAsync(ct);
        var returns = await db.Set<SubmissionReturn>()
            .Where(r => r.StudentId == personId)
            .Select(r => new { r.Comment, r.ReturnedAt })
            .ToListAsync(ct);
        var files = await db.Set<SubmissionFile>()
            .Where(f => db.Set<Submission>().Any(s => s.Id == f.SubmissionId && s.StudentId == personId))
            .Select(f => f.File!)
            .AsNoTracking()
            .ToListAsync(ct);
        return new(new { copies, returns }, files);
    }
}
