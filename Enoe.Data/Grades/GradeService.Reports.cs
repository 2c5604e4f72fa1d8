using System.Globalization;
using System.Text;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Grades;

/// <summary>Bulletins: a student's report with class statistics, the direction's students, latest marks.</summary>
public sealed partial class GradeService
{
    /// <summary>
    /// A student's marks for a term (the current one by default): their own, a parent's child's, or any student's for
    /// whoever <see cref="Right.MarksPublishedRead"/> lets in (professeur principal, direction, CPE). Only the
    /// direction (<see cref="Right.MarksUnpublishedRead"/>) and the teachers of an assessment see it before it is
    /// published. The student's établissement must run Notes.
    /// </summary>
    public async Task<Result<GradesReport>> ReportAsync(
        CurrentUser user,
        int? studentId = null,
        int? termId = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (
            await StudentRecords.ResolveInSchoolAsync(db, user.PersonId, studentId, Right.MarksPublishedRead, ct)
            is not var (student, holder, school)
        )
            return await serviceAccess.RefusalAsync(user, EntService.Grades, ct: ct)
                ?? Result.NotFound(GradeMessages.Report_NotYours);
        if (await serviceAccess.RefusalAsync(user, EntService.Grades, school ?? user.SchoolId, ct) is { } refused)
            return refused;
        await Privacy.AccessLog.RecordAsync(db, clock, user, student, Privacy.PersonalDataKind.Marks, ct);
        var seesUnpublished = FunctionRights.Allows(Right.MarksUnpublishedRead, holder);
        var asParent = OnlyAsParent(holder);
        var taught = Managed(db, user.PersonId).Select(a => a.Id);
        var name = await db
            .Users.Where(p => p.Id == student)
            .Select(p => p.FirstName + " " + p.LastName)
            .FirstAsync(ct);
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
            .Where(a =>
                seesUnpublished
                || (
                    asParent
                        ? a.ParentsSeeAt != null && a.ParentsSeeAt <= now
                        : a.PublishedAt != null && a.PublishedAt <= now
                )
                || taught.Contains(a.Id)
            )
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

    /// <summary>
    /// The students of a class, for whoever reads every student's marks there (direction, CPE) choosing whose report
    /// to read.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> StudentsForDirectionAsync(
        CurrentUser user,
        int classId,
        CancellationToken ct = default
    )
    {
        if (await serviceAccess.RefusalAsync(user, EntService.Grades, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var readers = db.Memberships.Holding(Right.MarksPublishedRead);
        var rows = await db
            .Enrolments.Where(e =>
                e.SchoolClassId == classId
                && e.SchoolClass!.SchoolId == user.SchoolId
                && readers.Any(m => m.PersonId == user.PersonId && m.SchoolId == e.SchoolClass!.SchoolId)
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
            await StudentRecords.ResolveInSchoolAsync(db, user.PersonId, childId, null, ct)
            is not var (student, holder, school)
        )
            return new(null, []);
        var asParent = OnlyAsParent(holder);
        if (await serviceAccess.RefusalAsync(user, EntService.Grades, school ?? user.SchoolId, ct) is not null)
            return new(null, []);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<Grade>()
            .Where(g => g.StudentId == student)
            .Where(g =>
                asParent
                    ? g.Assessment!.ParentsSeeAt != null && g.Assessment.ParentsSeeAt <= now
                    : g.Assessment!.PublishedAt != null && g.Assessment.PublishedAt <= now
            )
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

    /// <summary>
    /// Whether the reader sees the student's marks only as their parent: then at the parents' moment, later than the
    /// student's.
    /// </summary>
    private static bool OnlyAsParent(Holder holder) =>
        holder.HasFlag(Holder.Parent)
        && (holder & ~Holder.Parent & FunctionRights.HoldersOf(Right.MarksPublishedRead)) == 0;
}
