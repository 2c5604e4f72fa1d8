using System.Globalization;
using System.Text;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Grades;

/// <summary>
/// Notes. A teacher marks only the classes and groups they teach, in that subject; a student sees
/// their own published marks, a parent their children's, the direction its établissement's.
/// Averages follow <see cref="Averages"/>, computed here in decimal (SQLite has no decimal type).
/// </summary>
public sealed class GradeService(IDbContextFactory<EnoeDbContext> dbFactory, TimeProvider clock, IEventBus events)
{
    public const int TitleMax = 120;
    public const int TermNameMax = 60;
    private static Refusal NotYours => Result.Forbidden(GradeMessages.NotYours);

    public async Task<IReadOnlyList<TermView>> TermsAsync(int? schoolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Term>()
            .Where(t => t.SchoolId == schoolId)
            .OrderBy(t => t.StartsOn)
            .Select(t => new TermView(t.Id, t.Name, t.StartsOn, t.EndsOn))
            .ToListAsync(ct);
    }

    /// <summary>Replaces the établissement's terms (its admins): named, in order, without overlap.</summary>
    public async Task<Result> SaveTermsAsync(
        CurrentUser user,
        IReadOnlyList<TermView> terms,
        CancellationToken ct = default
    )
    {
        var errors = new List<string>();
        if (terms.Count is 0 or > 6)
            errors.Add(GradeMessages.Terms_Count);
        foreach (var t in terms)
        {
            if (string.IsNullOrWhiteSpace(t.Name) || t.Name.Trim().Length > TermNameMax)
                errors.Add(GradeMessages.FormatTerms_Name(TermNameMax));
            if (t.EndsOn <= t.StartsOn)
                errors.Add(GradeMessages.FormatTerms_EndAfterStart(t.Name));
        }
        var ordered = terms.OrderBy(t => t.StartsOn).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].StartsOn <= ordered[i - 1].EndsOn)
                errors.Add(GradeMessages.FormatTerms_Overlap(ordered[i - 1].Name, ordered[i].Name));
        if (errors.Count > 0)
            return Result.Invalid(errors.Distinct());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.IsSchoolAdminAsync(user.PersonId, user.SchoolId, ct))
            return Result.Forbidden(GradeMessages.Terms_AdminsOnly);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<Term>().Where(t => t.SchoolId == user.SchoolId).ExecuteDeleteAsync(ct);
        db.AddRange(
            ordered.Select(t => new Term
            {
                SchoolId = user.SchoolId!.Value,
                Name = t.Name.Trim(),
                StartsOn = t.StartsOn,
                EndsOn = t.EndsOn,
            })
        );
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// The assessments this teacher (or a co-teacher of the same class and subject) set, newest first.
    /// </summary>
    public async Task<IReadOnlyList<AssessmentSummary>> AssessmentsAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Summaries(
                Managed(db, user.PersonId).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(200)
            )
            .ToListAsync(ct);
    }

    public async Task<Result<int>> CreateAsync(CurrentUser user, AssessmentDraft draft, CancellationToken ct = default)
    {
        var errors = new List<string>();
        if ((draft.SchoolClassId is null) == (draft.TeachingGroupId is null))
            errors.Add(GradeMessages.Assessment_ClassOrGroup);
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > TitleMax)
            errors.Add(GradeMessages.FormatAssessment_Title(TitleMax));
        if (draft.Scale is <= 0 or > 100 || decimal.Round(draft.Scale, 2) != draft.Scale)
            errors.Add(GradeMessages.Assessment_Scale);
        if (draft.Coefficient is <= 0 or > 20 || decimal.Round(draft.Coefficient, 2) != draft.Coefficient)
            errors.Add(GradeMessages.FormatAssessment_Coefficient(Averages.Format(0.25m), Averages.Format(20)));
        if (errors.Count > 0)
            return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var school = await ClassContent.TaughtSchoolAsync(
            db,
            user.PersonId,
            draft.SchoolClassId,
            draft.TeachingGroupId,
            draft.SubjectId,
            ct
        );
        if (school is null)
            return NotYours;
        var assessment = new Assessment
        {
            SchoolId = school.Value,
            SchoolClassId = draft.SchoolClassId,
            TeachingGroupId = draft.TeachingGroupId,
            SubjectId = draft.SubjectId,
            TeacherId = user.PersonId,
            Title = draft.Title.Trim(),
            Date = draft.Date,
            Scale = draft.Scale,
            Coefficient = draft.Coefficient,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(assessment);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(assessment.Id);
    }

    /// <summary>
    /// The marks grid: every student of the class or group, in alphabetical order, with what was entered.
    /// </summary>
    public async Task<Result<GradeGrid>> GridAsync(CurrentUser user, int assessmentId, CancellationToken ct = default)
    {
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
    /// Marks reach families at <paramref name="atUtc"/> (now when null), or, with <paramref name="publish"/> false, no
    /// longer.
    /// </summary>
    public async Task<Result> PublishAsync(
        CurrentUser user,
        int assessmentId,
        bool publish,
        DateTime? atUtc = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assessment = await Managed(db, user.PersonId).FirstOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null)
            return NotYours;
        var now = clock.GetUtcNow().UtcDateTime;
        if (publish && atUtc < now.AddMinutes(-1))
            return Result.Invalid([GradeMessages.Publish_Future]);
        assessment.PublishedAt = publish ? atUtc ?? now : null;
        await db.SaveChangesAsync(ct);
        await events.PublishAsync(new GradesChanged(assessment.Id, assessment.SchoolId));
        return Result.Ok();
    }

    /// <summary>
    /// A student's marks for a term (the current one by default): their own, a parent's child's, or
    /// any student of the établissement for its direction. Families see published marks only.
    /// </summary>
    public async Task<Result<GradesReport>> ReportAsync(
        CurrentUser user,
        int? studentId = null,
        int? termId = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Families see published marks only; the direction reads them before.
        if (
            await StudentRecords.ResolveAsync(db, user.PersonId, studentId, teachers: false, direction: true, ct)
            is not var (student, access)
        )
            return Result.NotFound(GradeMessages.Report_NotYours);
        var seesUnpublished = access == StudentAccess.Direction;
        var name = await db
            .Users.Where(p => p.Id == student)
            .Select(p => p.FirstName + " " + p.LastName)
            .FirstAsync(ct);
        var school = await db
            .Memberships.Where(m => m.PersonId == student && (m.Profiles & Profile.Student) != 0)
            .Select(m => m.SchoolId)
            .FirstOrDefaultAsync(ct);
        var terms = await db.Set<Term>()
            .Where(t => t.SchoolId == school)
            .OrderBy(t => t.StartsOn)
            .Select(t => new TermView(t.Id, t.Name, t.StartsOn, t.EndsOn))
            .ToListAsync(ct);
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var term =
            terms.FirstOrDefault(t => t.Id == termId)
            ?? terms.FirstOrDefault(t => t.StartsOn <= today && today <= t.EndsOn)
            ?? terms.LastOrDefault(t => t.StartsOn <= today)
            ?? terms.FirstOrDefault();

        // All of the student's assessments of the year (small: a few hundred rows), with every mark of each for the
        // class statistics.
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await OfStudent(db, student)
            .Where(a => seesUnpublished || (a.PublishedAt != null && a.PublishedAt <= now))
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Date,
                a.Scale,
                a.Coefficient,
                a.SubjectId,
                Subject = a.Subject!.Name,
                SubjectCoefficient = a.Subject.Coefficient,
                a.PublishedAt,
                Grades = db.Set<Grade>()
                    .Where(g => g.AssessmentId == a.Id)
                    .Select(g => new
                    {
                        g.StudentId,
                        g.Kind,
                        g.Value,
                    })
                    .ToList(),
            })
            .AsNoTracking()
            .ToListAsync(ct);

        IReadOnlyList<SubjectReport> SubjectsOf(TermView? t) =>
            [
                .. rows.Where(a => t is null || (t.StartsOn <= a.Date && a.Date <= t.EndsOn))
                    .GroupBy(a => (a.SubjectId, a.Subject, a.SubjectCoefficient))
                    .OrderBy(s => s.Key.Subject)
                    .Select(s =>
                    {
                        var graded = s.OrderBy(a => a.Date)
                            .Select(a =>
                            {
                                var own = a.Grades.FirstOrDefault(g => g.StudentId == student);
                                var all = a
                                    .Grades.Where(g => g.Kind == GradeKind.Numeric)
                                    .Select(g => g.Value!.Value)
                                    .ToList();
                                return (
                                    Assessment: a,
                                    Own: own,
                                    View: new StudentGrade(
                                        a.Id,
                                        a.Title,
                                        a.Date,
                                        a.Scale,
                                        a.Coefficient,
                                        own?.Kind,
                                        own is null ? "" : GradeInput.Display(own.Kind, own.Value),
                                        Stats(all),
                                        a.PublishedAt ?? now
                                    )
                                );
                            })
                            .ToList();
                        var counted = graded
                            .Where(m => m.Own is { Kind: GradeKind.Numeric })
                            .Select(m => (m.Own!.Value!.Value, m.Assessment.Scale, m.Assessment.Coefficient));
                        return new SubjectReport(
                            s.Key.SubjectId,
                            s.Key.Subject,
                            s.Key.SubjectCoefficient,
                            Averages.Subject(counted),
                            [.. graded.Select(m => m.View)]
                        );
                    }),
            ];

        decimal? GeneralOf(IReadOnlyList<SubjectReport> subjects) =>
            Averages.General(subjects.Where(s => s.Average is not null).Select(s => (s.Average!.Value, s.Coefficient)));
        var subjects = SubjectsOf(term);
        var history = terms.Where(t => t.StartsOn <= today).Select(t => (t.Name, GeneralOf(SubjectsOf(t)))).ToList();
        return Result<GradesReport>.Ok(
            new GradesReport(student, name, term, terms, subjects, GeneralOf(subjects), history)
        );
    }

    /// <summary>The students of a class, for its établissement's direction choosing whose report to read.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> StudentsForDirectionAsync(
        CurrentUser user,
        int classId,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db
            .Enrolments.Where(e =>
                e.SchoolClassId == classId
                && db.Memberships.Any(m =>
                    m.PersonId == user.PersonId
                    && m.SchoolId == e.SchoolClass!.SchoolId
                    && (m.Profiles & Profile.Direction) != 0
                )
            )
            .OrderBy(e => e.Student!.LastName)
            .ThenBy(e => e.Student!.FirstName)
            .Select(e => new { e.StudentId, Name = PersonNames.Listed(e.Student!.LastName, e.Student.FirstName) })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.StudentId, r.Name))];
    }

    /// <summary>
    /// The newest published marks of a student (own, or a parent's child), for the widget, with whose they are.
    /// </summary>
    public async Task<LatestGrades> LatestAsync(
        CurrentUser user,
        int? childId,
        int take = 5,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (
            await StudentRecords.ResolveAsync(db, user.PersonId, childId, teachers: false, direction: false, ct)
            is not var (student, _)
        )
            return new(null, []);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<Grade>()
            .Where(g => g.StudentId == student && g.Assessment!.PublishedAt != null && g.Assessment.PublishedAt <= now)
            .OrderByDescending(g => g.Assessment!.PublishedAt)
            .ThenByDescending(g => g.AssessmentId)
            .Take(take)
            .Select(g => new
            {
                g.AssessmentId,
                Subject = g.Assessment!.Subject!.Name,
                g.Assessment.Title,
                g.Kind,
                g.Value,
                g.Assessment.Scale,
                PublishedAt = g.Assessment.PublishedAt!.Value,
            })
            .AsNoTracking()
            .ToListAsync(ct);
        return new(
            student,
            [
                .. rows.Select(r => new LatestGrade(
                    r.AssessmentId,
                    r.Subject,
                    r.Title,
                    r.Kind,
                    GradeInput.Display(r.Kind, r.Value),
                    r.Scale,
                    r.PublishedAt
                )),
            ]
        );
    }

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
        var csv = new StringBuilder();
        // What the reader's spreadsheet opens without asking: semicolons beside decimal commas (French), commas beside
        // decimal points (English).
        var separator = CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';
        string Line(IEnumerable<string> cells) =>
            string.Join(
                separator,
                cells.Select(c => c.IndexOfAny([separator, '"', '\n']) >= 0 ? "\"" + c.Replace("\"", "\"\"") + "\"" : c)
            );
        csv.AppendLine(
            Line(
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
            )
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
            csv.AppendLine(
                Line(
                    new[] { p.LastName, p.FirstName }
                        .Concat(own.Select(g => g is null ? "" : GradeInput.Display(g.Kind, g.Value)))
                        .Append(average is null ? "" : Averages.Format(average))
                )
            );
        }
        return Result<(string, string)>.Ok(
            (GradeMessages.FormatCsv_FileName(anchor.Subject, anchor.Audience) + ".csv", csv.ToString())
        );
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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
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

    internal static IQueryable<Assessment> Managed(EnoeDbContext db, int teacherId) =>
        db.Set<Assessment>().TaughtBy(db, teacherId);

    private static IQueryable<Assessment> OfStudent(EnoeDbContext db, int studentId) =>
        db.Set<Assessment>().SetTo(db, studentId);

    private static IQueryable<AssessmentSummary> Summaries(IQueryable<Assessment> assessments) =>
        assessments.Select(a => new AssessmentSummary(
            a.Id,
            a.Title,
            a.SchoolClass != null ? a.SchoolClass.Name : a.TeachingGroup!.Name,
            a.SubjectId,
            a.Subject!.Name,
            a.Date,
            a.Scale,
            a.Coefficient,
            a.PublishedAt,
            a.SchoolClassId,
            a.TeachingGroupId
        ));

    private static ClassStats Stats(IReadOnlyList<decimal> values) =>
        values.Count == 0
            ? new(null, null, null, 0)
            : new(values.Min(), values.Max(), Averages.Round(values.Sum() / values.Count), values.Count);

    /// <summary>
    /// How many grades fall in each fifth of the scale: [0–4[, [4–8[, [8–12[, [12–16[, [16–20] on /20.
    /// </summary>
    private static IReadOnlyList<int> Distribution(IReadOnlyList<decimal> values, decimal scale)
    {
        var bands = new int[5];
        foreach (var value in values)
            bands[Math.Min(4, (int)(Averages.On20(value, scale) / 4))]++;
        return bands;
    }
}
