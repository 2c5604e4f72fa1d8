using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// What a phone report covers (the student's own lessons of that half-day, else the usual hours), a report given
/// twice, a report deleted, and the search for the student a family calls about.
/// </summary>
public sealed partial class AttendanceService
{
    /// <summary>How many students a search lists at most.</summary>
    public const int SearchMax = 20;

    /// <summary>Lessons starting before this belong to the morning.</summary>
    private static readonly TimeOnly Noon = new(12, 30);

    /// <summary>
    /// The hours a report covers, one pair per half-day: from the start of the student's first lesson of that
    /// half-day to the end of its last (the usual hours when they have none then, on a weekday out of the holidays).
    /// No Sunday; a Saturday or a holiday only where the student has lessons.
    /// </summary>
    private async Task<Result<List<(TimeOnly From, TimeOnly To)>>> HalfDaysAsync(
        CurrentUser user,
        ReportedAbsence report,
        CancellationToken ct
    )
    {
        if (report.Date.DayOfWeek == DayOfWeek.Sunday)
            return Result.Invalid([SchoolLifeMessages.Report_Sunday]);
        var of = new TimetableOf(TimetableKind.Student, report.StudentId);
        var lessons = (await timetable.DaysAsync(user, of, report.Date, report.Date, ct))
            .Days.SelectMany(d => d.Lessons)
            .Where(l => l.TakesPlace)
            .ToList();
        var calendar = await timetable.CalendarOfAsync(user.SchoolId!.Value, ct);
        var holiday = calendar.Holidays.FirstOrDefault(h => h.From <= report.Date && report.Date <= h.To);
        // On a Saturday or in the holidays, only the half-days the student has lessons in.
        var usualDay = report.Date.DayOfWeek != DayOfWeek.Saturday && holiday is null;
        var parts = new List<(TimeOnly From, TimeOnly To)>();
        foreach (var (usual, morning) in Asked(report.Part))
        {
            var those = lessons.Where(l => l.StartsAt < Noon == morning).ToList();
            if (those.Count > 0)
                parts.Add((those.Min(l => l.StartsAt), those.Max(l => l.EndsAt)));
            else if (usualDay)
                parts.Add(usual);
        }
        if (parts.Count > 0)
            return Result<List<(TimeOnly, TimeOnly)>>.Ok(parts);
        return Result.Invalid([
            holiday is null
                ? SchoolLifeMessages.Report_NoLessons
                : SchoolLifeMessages.FormatReport_Holiday(holiday.Name),
        ]);
    }

    private static IEnumerable<((TimeOnly From, TimeOnly To) Usual, bool Morning)> Asked(DayPart part)
    {
        if (part != DayPart.Afternoon)
            yield return (MorningHours, true);
        if (part != DayPart.Morning)
            yield return (AfternoonHours, false);
    }

    /// <summary>
    /// Whether the family already reported one of these half-days (an absence without a lesson then).
    /// </summary>
    private static async Task<bool> AlreadyReportedAsync(
        EnoeDbContext db,
        ReportedAbsence report,
        List<(TimeOnly From, TimeOnly To)> parts,
        CancellationToken ct
    )
    {
        var reported = await db.Set<Absence>()
            .Where(a => a.StudentId == report.StudentId && a.Date == report.Date && a.LessonId == null)
            .Select(a => new { a.StartsAt, a.EndsAt })
            .ToListAsync(ct);
        return reported.Any(a => parts.Any(p => a.StartsAt < p.To && p.From < a.EndsAt));
    }

    /// <summary>
    /// The student's absences from lessons that day within these hours: those a report of that half-day justifies
    /// (and no longer once it is deleted).
    /// </summary>
    private static IQueryable<Absence> LessonAbsencesWithin(
        EnoeDbContext db,
        int studentId,
        DateOnly date,
        TimeOnly from,
        TimeOnly to
    ) =>
        db.Set<Absence>()
            .Where(a =>
                a.StudentId == studentId
                && a.Date == date
                && a.LessonId != null
                && a.Kind == AttendanceKind.Absence
                && a.StartsAt >= from
                && a.EndsAt <= to
            );

    /// <summary>
    /// Deletes an absence the family reported (recorded in error): only one without a lesson (the roll call's are
    /// corrected there), only by the vie scolaire of its établissement.
    /// </summary>
    public async Task<Result> DeleteReportAsync(CurrentUser user, int absenceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        var absence = await db.Set<Absence>()
            .FirstOrDefaultAsync(a => a.Id == absenceId && a.SchoolId == user.SchoolId, ct);
        if (absence is null)
            return Result.NotFound();
        if (absence.LessonId is not null)
            return Result.Invalid([SchoolLifeMessages.Correct_OnlyReports]);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (absence.Justification == JustificationStatus.Accepted)
            // The lessons' absences this report justified (same decision, no family's justification) are no longer.
            await LessonAbsencesWithin(db, absence.StudentId, absence.Date, absence.StartsAt, absence.EndsAt)
                .Where(a =>
                    a.Justification == JustificationStatus.Accepted
                    && a.JustifiedById == null
                    && a.DecidedById == absence.DecidedById
                    && a.DecidedAt == absence.DecidedAt
                )
                .ExecuteUpdateAsync(
                    u =>
                        u.SetProperty(a => a.Justification, JustificationStatus.None)
                            .SetProperty(a => a.MotiveId, (int?)null)
                            .SetProperty(a => a.DecidedById, (int?)null)
                            .SetProperty(a => a.DecidedAt, (DateTime?)null)
                            .SetProperty(a => a.Version, a => a.Version + 1),
                    ct
                );
        db.Remove(absence);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(SchoolLifeMessages.Correct_Changed); // deleted or justified meanwhile
        }
        await transaction.CommitAsync(ct);
        await events.PublishAsync(new AttendanceChanged(absence.SchoolId, absence.StudentId, absence.Date));
        return Result.Ok();
    }

    /// <summary>
    /// The établissement's students whose name or class matches <paramref name="search"/> (accents and case aside;
    /// "6eA", "dupont", "léa dupont", "6eA dup"), by class then name, at most <see cref="SearchMax"/>.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> SearchStudentsAsync(
        CurrentUser user,
        string? search,
        CancellationToken ct = default
    )
    {
        if (string.IsNullOrWhiteSpace(search))
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is not null)
            return [];
        var pattern = TextSearch.Pattern(search);
        var rows = await db
            .Enrolments.Where(e => e.SchoolClass!.SchoolId == user.SchoolId)
            .Where(e =>
                EF.Functions.Like(
                    TextSearch.Folded(e.Student!.FirstName + " " + e.Student.LastName),
                    pattern,
                    TextSearch.Escape
                )
                || EF.Functions.Like(
                    TextSearch.Folded(e.SchoolClass!.Name + " " + e.Student!.LastName + " " + e.Student.FirstName),
                    pattern,
                    TextSearch.Escape
                )
            )
            .OrderBy(e => e.SchoolClass!.Name)
            .ThenBy(e => e.Student!.LastName)
            .ThenBy(e => e.Student!.FirstName)
            .Take(SearchMax)
            .Select(e => new
            {
                e.StudentId,
                Class = e.SchoolClass!.Name,
                e.Student!.LastName,
                e.Student.FirstName,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.StudentId, $"{r.Class} · {PersonNames.Listed(r.LastName, r.FirstName)}"))];
    }
}
