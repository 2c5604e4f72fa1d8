using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// The vie scolaire's side of attendance: the day's absences and lateness across the établissement (live), the roll
/// calls not taken, absences a family reports, justifications accepted or refused. Families' side:
/// <c>AttendanceService.Families.cs</c>; counts: <c>AttendanceService.Counts.cs</c>.
/// </summary>
public sealed partial class AttendanceService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    ServiceAccess access,
    TimetableService timetable,
    FileStore files,
    IEventBus events,
    TimeProvider clock,
    AttendanceNotices notices
)
{
    public const int CommentMax = 500;

    /// <summary>Half-days as the vie scolaire records them when no lesson is named.</summary>
    private static readonly (TimeOnly From, TimeOnly To) MorningHours = (new(8, 0), new(12, 30)),
        AfternoonHours = (new(13, 30), new(17, 30));

    /// <summary>
    /// The day's absences and lateness of the établissement, by hour, and the roll calls not taken yet.
    /// </summary>
    public async Task<Result<SchoolLifeDay>> DayAsync(CurrentUser user, DateOnly date, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        var school = user.SchoolId!.Value;
        var absences = await Project(
                db,
                db.Set<Absence>().Where(a => a.SchoolId == school && a.Date == date).OrderBy(a => a.StartsAt)
            )
            .ToListAsync(ct);
        await Privacy.AccessLog.RecordAsync(
            db,
            clock,
            user,
            [.. absences.Select(a => a.StudentId)],
            Privacy.PersonalDataKind.Absences,
            ct
        );
        // A roll call begun (a mark given) but not finished ("Appel terminé") is still listed, as begun.
        var calls = await db.Set<RollCall>()
            .Where(r => r.Date == date && r.Lesson!.SchoolId == school)
            .Select(r => new { r.LessonId, r.Completed })
            .ToDictionaryAsync(r => r.LessonId, r => r.Completed, ct);
        var now = timetable.Now;
        var today = DateOnly.FromDateTime(now);
        var started =
            today > date ? TimeOnly.MaxValue
            : today < date ? TimeOnly.MinValue
            : TimeOnly.FromDateTime(now);
        var missing = (await timetable.SchoolDayAsync(school, date, ct))
            .Where(l => l.StartsAt <= started && !calls.GetValueOrDefault(l.LessonId))
            .Select(l => new MissingRollCall(
                l.LessonId,
                l.StartsAt,
                l.Audience,
                l.Subject,
                l.Teacher,
                calls.ContainsKey(l.LessonId)
            ))
            .ToList();
        return Result<SchoolLifeDay>.Ok(
            new(date, [.. absences.OrderBy(a => a.StartsAt).ThenBy(a => a.Student)], missing)
        );
    }

    /// <summary>The justifications waiting for a decision, oldest first.</summary>
    public async Task<IReadOnlyList<AbsenceView>> PendingAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is not null)
            return [];
        var school = user.SchoolId;
        return await Project(
                db,
                db.Set<Absence>()
                    .Where(a => a.SchoolId == school && a.Justification == JustificationStatus.Pending)
                    .OrderBy(a => a.JustifiedAt)
            )
            .Take(100)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Records what a family reported (a call, a note at the desk) for a half-day or the day; with a motive, it is
    /// justified at once (the vie scolaire took it).
    /// </summary>
    public async Task<Result> ReportAsync(CurrentUser user, ReportedAbsence report, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        var school = user.SchoolId!.Value;
        if (report.StudentId == 0)
            return Result.Invalid([SchoolLifeMessages.Report_ChooseStudent]);
        if (
            !await db.Memberships.AnyAsync(
                m => m.PersonId == report.StudentId && m.SchoolId == school && (m.Profiles & Profile.Student) != 0,
                ct
            )
        )
            return Result.Invalid([SchoolLifeMessages.Report_UnknownStudent]);
        if (report.MotiveId is int motive && !await OffersMotiveAsync(db, school, motive, ct))
            return Result.Invalid([SchoolLifeMessages.Motive_Unknown]);
        var problems = TextProblems(report.Note);
        if (problems.Count > 0)
            return Result.Invalid(problems);
        var now = clock.GetUtcNow().UtcDateTime;
        var halfDays = await HalfDaysAsync(user, report, ct);
        if (halfDays.Value is not { } parts)
            return halfDays.Failure;
        if (await AlreadyReportedAsync(db, report, parts, ct))
            return Result.Invalid([SchoolLifeMessages.Report_Already]);
        var reason = report.MotiveId;
        foreach (var (from, to) in parts)
            db.Add(
                new Absence
                {
                    SchoolId = school,
                    StudentId = report.StudentId,
                    Kind = AttendanceKind.Absence,
                    Date = report.Date,
                    StartsAt = from,
                    EndsAt = to,
                    RecordedById = user.PersonId,
                    RecordedAt = now,
                    Note = string.IsNullOrWhiteSpace(report.Note) ? null : report.Note.Trim(),
                    MotiveId = reason,
                    Justification = reason is null ? JustificationStatus.None : JustificationStatus.Accepted,
                    DecidedById = reason is null ? null : user.PersonId,
                    DecidedAt = reason is null ? null : now,
                }
            );
        // The report and the lessons' absences it justifies are written together, or neither (a double click).
        // A roll call marking them meanwhile: one after the other.
        await using var transaction = await db.BeginTurnAsync<Person>(report.StudentId, ct);
        try
        {
            if (reason is not null)
                foreach (var (from, to) in parts)
                    await LessonAbsencesWithin(db, report.StudentId, report.Date, from, to)
                        .Where(a => a.Justification != JustificationStatus.Accepted)
                        .ExecuteUpdateAsync(
                            u =>
                                u.SetProperty(a => a.Justification, JustificationStatus.Accepted)
                                    .SetProperty(a => a.MotiveId, reason)
                                    .SetProperty(a => a.DecidedById, user.PersonId)
                                    .SetProperty(a => a.DecidedAt, now)
                                    .SetProperty(a => a.Version, a => a.Version + 1),
                            ct
                        );
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (Database.Contention.IsDuplicate(e))
        {
            // The same half-day reported at the same moment (a double click): the unique index kept one.
            return Result.Invalid([SchoolLifeMessages.Report_Already]);
        }
        // The foreign key's refusal: wrapped by SaveChanges, raw from ExecuteUpdate.
        catch (Exception e) when (Database.Contention.IsMissingReference(e))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            if (await MotiveWithdrawnAsync(school, reason, ct))
                return Result.Invalid([SchoolLifeMessages.Motive_Unknown]);
            throw;
        }
        await events.PublishAsync(new AttendanceChanged(school, report.StudentId, report.Date));
        return Result.Ok();
    }

    /// <summary>
    /// Accepts or refuses a justification waiting for a decision (<paramref name="version"/> as read).
    /// </summary>
    public async Task<Result> DecideAsync(
        CurrentUser user,
        int absenceId,
        int version,
        bool accept,
        string? comment,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await ManagerGateAsync(db, user, ct) is { } refused)
            return refused;
        var absence = await db.Set<Absence>()
            .FirstOrDefaultAsync(a => a.Id == absenceId && a.SchoolId == user.SchoolId, ct);
        if (absence is null)
            return Result.NotFound();
        if (absence.Version != version || absence.Justification != JustificationStatus.Pending)
            return Result.Conflict(SchoolLifeMessages.Decide_Changed);
        if (!accept && string.IsNullOrWhiteSpace(comment))
            return Result.Invalid([SchoolLifeMessages.Decide_SayWhy]);
        if (TextProblems(comment) is { Count: > 0 } problems)
            return Result.Invalid(problems);
        absence.Justification = accept ? JustificationStatus.Accepted : JustificationStatus.Refused;
        absence.DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        (absence.DecidedById, absence.DecidedAt) = (user.PersonId, clock.GetUtcNow().UtcDateTime);
        absence.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(SchoolLifeMessages.Decide_Changed);
        }
        await events.PublishAsync(new AttendanceChanged(absence.SchoolId, absence.StudentId, absence.Date));
        await notices.DecidedAsync(absence, accept);
        return Result.Ok();
    }

    /// <summary>
    /// Whether the reader works at the vie scolaire (or the direction) of the établissement of their session.
    /// </summary>
    public async Task<bool> ManagesAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ManagerGateAsync(db, user, ct) is null;
    }

    private async Task<Refusal?> ManagerGateAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (!await db.HoldsAsync(user.PersonId, user.SchoolId, Right.SchoolLifeManage, ct))
            return Result.Forbidden(SchoolLifeMessages.Manage_Forbidden);
        return await access.RefusalAsync(user, EntService.SchoolLife, user.SchoolId, ct);
    }

    private static List<string> TextProblems(string? comment)
    {
        var problems = new List<string>();
        if (comment?.Trim().Length > CommentMax)
            problems.Add(SchoolLifeMessages.FormatText_CommentTooLong(CommentMax));
        return problems;
    }

    /// <summary>Absences as they are read, with the student's class.</summary>
    internal static IQueryable<AbsenceView> Project(EnoeDbContext db, IQueryable<Absence> absences) =>
        absences.Select(a => new AbsenceView(
            a.Id,
            a.StudentId,
            PersonNames.Listed(a.Student!.LastName, a.Student.FirstName),
            db.Enrolments.Where(e => e.StudentId == a.StudentId).Select(e => e.SchoolClass!.Name).FirstOrDefault(),
            a.Kind,
            a.Date,
            a.StartsAt,
            a.EndsAt,
            a.Lesson == null ? null : a.Lesson.Subject!.Name,
            a.MinutesLate,
            a.Justification,
            a.Motive == null ? null : a.Motive.Name,
            a.Motive == null || a.Motive.Admissible,
            a.JustificationComment,
            a.JustificationFileId,
            a.JustificationFile == null ? null : a.JustificationFile.Name,
            a.DecisionComment,
            a.Note,
            a.Version
        ));
}
