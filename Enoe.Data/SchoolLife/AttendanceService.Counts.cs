using Enoe.Data.Common;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// Counts over a period, per student of a class, for the conseil de classe: absent half-days (morning until 12:30,
/// afternoon after; a day's several absent lessons count once per half), those not justified, and lateness.
/// </summary>
public sealed partial class AttendanceService
{
    public async Task<Result<IReadOnlyList<StudentCounts>>> CountsAsync(
        CurrentUser user,
        int classId,
        DateOnly from,
        DateOnly to,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        var schoolClass = await db
            .Classes.Where(c => c.Id == classId && c.SchoolId == user.SchoolId)
            .Select(c => c.Name)
            .FirstOrDefaultAsync(ct);
        if (schoolClass is null)
            return Result.NotFound();
        var students = await db
            .Enrolments.Where(e => e.SchoolClassId == classId)
            .Select(e => new
            {
                e.StudentId,
                e.Student!.LastName,
                e.Student.FirstName,
            })
            .ToListAsync(ct);
        var ids = students.Select(s => s.StudentId).ToList();
        var school = user.SchoolId;
        var absences = await Project(
                db,
                db.Set<Absence>()
                    .Where(a => a.SchoolId == school && ids.Contains(a.StudentId) && a.Date >= from && a.Date <= to)
            )
            .ToListAsync(ct);
        await Privacy.AccessLog.RecordAsync(db, clock, user, ids, Privacy.PersonalDataKind.Absences, ct);
        var byStudent = absences.ToLookup(a => a.StudentId);
        return Result<IReadOnlyList<StudentCounts>>.Ok([
            .. students
                .OrderBy(s => s.LastName, StringComparer.CurrentCulture)
                .ThenBy(s => s.FirstName, StringComparer.CurrentCulture)
                .Select(s => new StudentCounts(
                    s.StudentId,
                    People.PersonNames.Listed(s.LastName, s.FirstName),
                    schoolClass,
                    Count(byStudent[s.StudentId])
                )),
        ]);
    }

    /// <summary>The counts as a CSV a spreadsheet opens (the reader's separator).</summary>
    public async Task<Result<string>> CountsCsvAsync(
        CurrentUser user,
        int classId,
        DateOnly from,
        DateOnly to,
        CancellationToken ct = default
    )
    {
        var counts = await CountsAsync(user, classId, from, to, ct);
        if (!counts.Succeeded)
            return counts.Failure;
        var csv = CsvText.ForReader();
        csv.Line([
            SchoolLifeMessages.Csv_Student,
            SchoolLifeMessages.Csv_Class,
            SchoolLifeMessages.Csv_AbsentHalfDays,
            SchoolLifeMessages.Csv_Unjustified,
            SchoolLifeMessages.Csv_Lateness,
        ]);
        foreach (var s in counts.Value!)
            csv.Line([
                s.Name,
                s.Class ?? "",
                s.Counts.AbsentHalfDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Counts.UnjustifiedHalfDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Counts.Lateness.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ]);
        var total = Total(counts.Value!);
        csv.Line([
            SchoolLifeMessages.Csv_Total,
            "",
            total.AbsentHalfDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            total.UnjustifiedHalfDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            total.Lateness.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ]);
        return Result<string>.Ok(csv.Text);
    }

    /// <summary>A class's counts added up, for the last line.</summary>
    public static AttendanceCounts Total(IEnumerable<StudentCounts> students) =>
        students.Aggregate(
            new AttendanceCounts(0, 0, 0),
            (sum, s) =>
                new(
                    sum.AbsentHalfDays + s.Counts.AbsentHalfDays,
                    sum.UnjustifiedHalfDays + s.Counts.UnjustifiedHalfDays,
                    sum.Lateness + s.Counts.Lateness
                )
        );

    internal static AttendanceCounts Count(IEnumerable<AbsenceView> items)
    {
        var absent = new HashSet<(DateOnly, bool)>();
        var unjustified = new HashSet<(DateOnly, bool)>();
        var lateness = 0;
        foreach (var a in items)
        {
            if (a.Kind == AttendanceKind.Lateness)
            {
                lateness++;
                continue;
            }
            foreach (var morning in HalvesOf(a))
            {
                absent.Add((a.Date, morning));
                if (a.Justification != JustificationStatus.Accepted || !a.Admissible)
                    unjustified.Add((a.Date, morning));
            }
        }
        // A half-day counts as justified only once every absence in it is, with a motive the établissement admits.
        return new(absent.Count, unjustified.Count, lateness);
    }

    /// <summary>The half-days an absence covers: the morning until 12:30, the afternoon from 13:00.</summary>
    private static IEnumerable<bool> HalvesOf(AbsenceView a)
    {
        if (a.StartsAt < new TimeOnly(12, 30))
            yield return true;
        if (a.EndsAt > new TimeOnly(13, 0))
            yield return false;
    }
}
