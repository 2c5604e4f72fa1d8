using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Privacy;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Grades;

/// <summary>CSV export of a class's (or group's) marks in one subject.</summary>
public sealed partial class GradeService
{
    /// <summary>
    /// A class's (or group's) marks in one subject as CSV for a spreadsheet: one line per student, one column per
    /// assessment, then the average; headers, dates and numbers in the reader's language.
    /// </summary>
    public async Task<Result<(string FileName, string Csv)>> CsvAsync(
        CurrentUser user,
        int assessmentId,
        CancellationToken ct = default
    )
    {
        if (await GateAsync(user, assessmentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var anchor = await Managed(db, user.PersonId)
            .Where(a => a.Id == assessmentId)
            .Select(a => new
            {
                a.SchoolClassId,
                a.TeachingGroupId,
                a.SubjectId,
                Audience = a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name,
                Subject = a.Subject!.Name,
            })
            .FirstOrDefaultAsync(ct);
        if (anchor is null)
            return NotYours;
        var assessments = await db.Set<Assessment>()
            .AsNoTracking()
            .Where(a =>
                a.SubjectId == anchor.SubjectId
                && a.SchoolClassId == anchor.SchoolClassId
                && a.TeachingGroupId == anchor.TeachingGroupId
            )
            .OrderBy(a => a.Date)
            .ThenBy(a => a.Id)
            .ToListAsync(ct);
        var ids = assessments.Select(a => a.Id).ToList();
        var grades = await db.Set<Grade>().AsNoTracking().Where(g => ids.Contains(g.AssessmentId)).ToListAsync(ct);
        var students = ClassContent.Students(db, anchor.SchoolClassId, anchor.TeachingGroupId);
        var people = await db
            .Users.Where(p => students.Contains(p.Id))
            .OrderBy(p => p.LastName)
            .ThenBy(p => p.FirstName)
            .Select(p => new
            {
                p.Id,
                p.LastName,
                p.FirstName,
            })
            .ToListAsync(ct);
        await AccessLog.RecordAsync(db, clock, user, [.. people.Select(p => p.Id)], PersonalDataKind.Marks, ct);
        // Semicolons beside decimal commas (French), commas beside decimal points (English); a name or title a
        // spreadsheet would take for a formula stays text.
        var csv = CsvText.ForReader();
        csv.Line(
            new[] { GradeMessages.Csv_LastName, GradeMessages.Csv_FirstName }
                .Concat(
                    assessments.Select(a =>
                        GradeMessages.FormatCsv_Assessment(
                            a.Title,
                            a.Date.ToString("d", CultureInfo.CurrentCulture),
                            Averages.Format(a.Scale),
                            Averages.Format(a.Coefficient)
                        )
                    )
                )
                .Append(GradeMessages.Csv_Average)
        );
        foreach (var p in people)
        {
            var own = assessments
                .Select(a => grades.FirstOrDefault(g => g.AssessmentId == a.Id && g.StudentId == p.Id))
                .ToList();
            var average = Averages.Subject(
                assessments
                    .Zip(own)
                    .Where(x => x.Second is { Kind: GradeKind.Numeric })
                    .Select(x => (x.Second!.Value!.Value, x.First.Scale, x.First.Coefficient))
            );
            csv.Line(
                new[] { p.LastName, p.FirstName }
                    .Concat(own.Select(g => g is null ? "" : GradeInput.Display(g.Kind, g.Value)))
                    .Append(average is null ? "" : Averages.Format(average))
            );
        }
        return Result<(string, string)>.Ok(
            (GradeMessages.FormatCsv_FileName(anchor.Subject, anchor.Audience) + ".csv", csv.Text)
        );
    }
}
