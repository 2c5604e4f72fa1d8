using System.Globalization;
using System.Text;
using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Privacy;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Grades;

/// <summary>Marking an assessment: its grid, saving and pasting marks, publishing them.</summary>
public sealed partial class GradeService
{
    /// <summary>
    /// The marks grid: every student of the class or group, in alphabetical order, with what was entered.
    /// </summary>
    public async Task<Result<GradeGrid>> GridAsync(CurrentUser user, int assessmentId, CancellationToken ct = default)
    {
        if (await GateAsync(user, assessmentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var summary = await Summaries(Managed(db, user.PersonId).Where(a => a.Id == assessmentId))
            .FirstOrDefaultAsync(ct);
        if (summary is null)
            return NotYours;
        var students = ClassContent.Students(db, summary.SchoolClassId, summary.TeachingGroupId);
        var people = await db
            .Users.Where(p => students.Contains(p.Id))
            .OrderBy(p => p.LastName)
            .ThenBy(p => p.FirstName)
            .Select(p => new { p.Id, Name = PersonNames.Listed(p.LastName, p.FirstName) })
            .ToListAsync(ct);
        var grades = await db.Set<Grade>().AsNoTracking().Where(g => g.AssessmentId == assessmentId).ToListAsync(ct);
        await AccessLog.RecordAsync(db, clock, user, [.. people.Select(p => p.Id)], PersonalDataKind.Marks, ct);
        var rows = people
            .Select(p =>
                grades.FirstOrDefault(g => g.StudentId == p.Id) is { } g
                    ? new GridRow(p.Id, p.Name, GradeInput.Display(g.Kind, g.Value))
                    : new GridRow(p.Id, p.Name, "")
            )
            .ToList();
        var values = grades
            .Where(g => g.Kind == GradeKind.Numeric && people.Any(p => p.Id == g.StudentId))
            .Select(g => g.Value!.Value)
            .ToList();
        return Result<GradeGrid>.Ok(new GradeGrid(summary, rows, Stats(values), Distribution(values, summary.Scale)));
    }

    /// <summary>
    /// Saves one cell of the grid (autosave): checked against the scale, for a student of the class only.
    /// </summary>
    public async Task<Result<string>> SaveCellAsync(
        CurrentUser user,
        int assessmentId,
        int studentId,
        string? text,
        CancellationToken ct = default
    )
    {
        if (await GateAsync(user, assessmentId, ct) is { } refused)
            return refused;
        var result = await SaveCellsAsync(user, assessmentId, [(studentId, text)], ct);
        return result.Succeeded ? Result<string>.Ok(result.Value![0]) : result.Failure;
    }

    /// <summary>
    /// A column pasted from a spreadsheet, one line per student from <paramref name="firstStudentId"/> down the grid's
    /// order. Every line is checked first: one bad line and nothing is saved.
    /// </summary>
    public async Task<Result<int>> PasteAsync(
        CurrentUser user,
        int assessmentId,
        int firstStudentId,
        string column,
        CancellationToken ct = default
    )
    {
        if (await GateAsync(user, assessmentId, ct) is { } refused)
            return refused;
        var grid = await GridAsync(user, assessmentId, ct);
        if (!grid.Succeeded)
            return grid.Failure;
        var rows = grid.Value!.Rows;
        var start = rows.ToList().FindIndex(r => r.StudentId == firstStudentId);
        if (start < 0)
            return Result.NotFound(GradeMessages.Cell_NotInClass);
        var lines = column.Replace("\r", "").TrimEnd('\n').Split('\n').Select(l => l.Split('\t')[0]).ToList();
        if (start + lines.Count > rows.Count)
            return Result.Invalid([GradeMessages.FormatPaste_TooMany(lines.Count, rows.Count - start)]);
        var saved = await SaveCellsAsync(
            user,
            assessmentId,
            [.. lines.Select((line, i) => (rows[start + i].StudentId, (string?)line))],
            ct
        );
        return saved.Succeeded ? Result<int>.Ok(lines.Count) : saved.Failure;
    }

    /// <summary>
    /// Marks reach the students at <paramref name="atUtc"/> (now when null) and their parents after the établissement's
    /// delay, or at <paramref name="parentsAtUtc"/> (the day the copies are handed back in class), both moved out of
    /// the quiet window; with <paramref name="publish"/> false, no longer.
    /// </summary>
    public async Task<Result> PublishAsync(
        CurrentUser user,
        int assessmentId,
        bool publish,
        DateTime? atUtc = null,
        CancellationToken ct = default,
        DateTime? parentsAtUtc = null
    )
    {
        if (await GateAsync(user, assessmentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assessment = await Managed(db, user.PersonId).FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
            return NotYours;
        var now = clock.GetUtcNow().UtcDateTime;
        if (publish && atUtc < now.AddMinutes(-1))
            return Result.Invalid([GradeMessages.Publish_Future]);
        var window = await quietHours.WindowAsync(assessment.SchoolId, ct);
        var students = window.ReleaseAt(atUtc ?? now);
        var parents = parentsAtUtc is DateTime copies
            ? window.ReleaseAt(copies > students ? copies : students)
            : window.ParentsSeeMarkAt(students);
        assessment.PublishedAt = publish ? students : null;
        assessment.ParentsSeeAt = publish ? parents : null;
        var notices = publish ? await MarkNoticesAsync(db, assessment, ct) : [];
        Notifications.RemovedNotifications? removed; // withdrawn or published again: the open tabs drop them
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            removed = await Notifications.NotificationService.RemoveAsync(db, Source(assessment.Id), now, ct);
            await Notifications.NotificationService.WriteAsync(db, notices, now, ct);
            await tx.CommitAsync(ct);
        }
        await notifications.PublishCarryingAsync(
            new GradesChanged(assessment.Id, assessment.SchoolId),
            notices,
            (e, delivered) => e with { Delivered = delivered },
            removed
        );
        return Result.Ok();
    }

    private async Task<Result<IReadOnlyList<string>>> SaveCellsAsync(
        CurrentUser user,
        int assessmentId,
        IReadOnlyList<(int StudentId, string? Text)> cells,
        CancellationToken ct
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assessment = await Managed(db, user.PersonId)
            .AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
            return NotYours;
        var roster = await ClassContent
            .Students(db, assessment.SchoolClassId, assessment.TeachingGroupId)
            .ToListAsync(ct);
        var parsed = new List<(int StudentId, GradeInput.Parsed Grade)>();
        var errors = new List<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            var (studentId, text) = cells[i];
            if (!roster.Contains(studentId))
            {
                errors.Add(GradeMessages.Cell_NotInClass);
                continue;
            }
            var (grade, error) = GradeInput.Parse(text, assessment.Scale);
            if (error is not null)
                errors.Add(cells.Count > 1 ? GradeMessages.FormatPaste_Line(i + 1, error) : error);
            else
                parsed.Add((studentId, grade!));
        }
        if (errors.Count > 0)
            return Result.Invalid(errors);
        // Under the assessment's lock: two co-teachers (or tabs) saving one cell update it in turn, never both insert.
        await using var transaction = await db.BeginTurnAsync<Assessment>(assessmentId, ct);
        var ids = parsed.Select(p => p.StudentId).ToList();
        var existing = await db.Set<Grade>()
            .Where(g => g.AssessmentId == assessmentId && ids.Contains(g.StudentId))
            .ToDictionaryAsync(g => g.StudentId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (studentId, grade) in parsed)
        {
            existing.TryGetValue(studentId, out var row);
            if (grade.Kind is not GradeKind kind)
            {
                if (row is not null)
                    db.Remove(row);
                continue;
            }
            if (row is null)
                db.Add(row = new Grade { AssessmentId = assessmentId, StudentId = studentId });
            (row.Kind, row.Value, row.UpdatedAt) = (kind, grade.Value, now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (assessment.PublishedAt is not null)
            await events.PublishAsync(new GradesChanged(assessmentId, assessment.SchoolId));
        return Result<IReadOnlyList<string>>.Ok([
            .. parsed.Select(p => p.Grade.Kind is GradeKind k ? GradeInput.Display(k, p.Grade.Value) : ""),
        ]);
    }
}
