using Enoe.Data.SchoolLife;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Privacy.Sources;

/// <summary>The student's absences and lateness, with their justifications and the documents given for them.</summary>
internal sealed class AttendanceData : IPersonalDataSource
{
    public string Name => "absences";

    public async Task<PersonalDataPart> CollectAsync(EnoeDbContext db, int personId, CancellationToken ct)
    {
        var rows = await db.Set<Absence>()
            .Where(a => a.StudentId == personId)
            .OrderBy(a => a.Date)
            .ThenBy(a => a.StartsAt)
            .Select(a => new
            {
                a.Date,
                a.StartsAt,
                a.EndsAt,
                Kind = a.Kind.ToString(),
                a.MinutesLate,
                Subject = a.Lesson == null ? null : a.Lesson.Subject!.Name,
                Justification = a.Justification.ToString(),
                Motive = a.Motive == null ? null : a.Motive.Name,
                a.JustificationComment,
                a.DecisionComment,
                a.JustificationFile,
            })
            .ToListAsync(ct);
        return new(
            rows.Select(r => new
            {
                r.Date,
                r.StartsAt,
                r.EndsAt,
                r.Kind,
                r.MinutesLate,
                r.Subject,
                r.Justification,
                r.Motive,
                r.JustificationComment,
                r.DecisionComment,
                Document = r.JustificationFile?.Name,
            }),
            [.. rows.Select(r => r.JustificationFile).OfType<Storage.StoredFile>()]
        );
    }
}
