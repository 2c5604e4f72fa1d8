using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// The roll call (appel) of a lesson by its teacher (or the vie scolaire): the class or group list, one tap per absent
/// or late student, saved as it goes, and "done" even when everyone is there. Only on a day the lesson takes place,
/// not in the future; only students of the lesson's class or group.
/// </summary>
public sealed class RollCallService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    ServiceAccess access,
    TimetableService timetable,
    IEventBus events,
    TimeProvider clock,
    AttendanceNotices notices
)
{
    public const int MaxMinutesLate = 240;

    public async Task<Result<RollCallSheet>> SheetAsync(
        CurrentUser user,
        int lessonId,
        DateOnly date,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gate = await GateAsync(db, user, lessonId, date, ct);
        if (gate.Value is not { } lesson)
            return gate.Failure;
        var marks = await db.Set<Absence>()
            .Where(a => a.LessonId == lessonId && a.Date == date)
            .Select(a => new
            {
                a.StudentId,
                a.Kind,
                a.MinutesLate,
            })
            .ToListAsync(ct);
        var students = await Students(db, lesson)
            .OrderBy(p => p.LastName)
            .ThenBy(p => p.FirstName)
            .Select(p => new
            {
                p.Id,
                p.LastName,
                p.FirstName,
            })
            .ToListAsync(ct);
        var completed = await db.Set<RollCall>()
            .AnyAsync(r => r.LessonId == lessonId && r.Date == date && r.Completed, ct);
        return Result<RollCallSheet>.Ok(
            new(
                lessonId,
                date,
                lesson.StartsAt,
                lesson.EndsAt,
                lesson.Subject,
                lesson.Audience,
                lesson.Room,
                [
                    .. students.Select(s =>
                    {
                        var mark = marks.FirstOrDefault(m => m.StudentId == s.Id);
                        return new RollCallStudent(
                            s.Id,
                            PersonNames.Listed(s.LastName, s.FirstName),
                            mark is null ? Presence.Present
                                : mark.Kind == AttendanceKind.Lateness ? Presence.Late
                                : Presence.Absent,
                            mark?.MinutesLate
                        );
                    }),
                ],
                completed
            )
        );
    }

    /// <summary>
    /// Marks one student present, absent or late (saved at once, announced to the vie scolaire and family).
    /// </summary>
    public async Task<Result> MarkAsync(
        CurrentUser user,
        int lessonId,
        DateOnly date,
        int studentId,
        Presence mark,
        int? minutesLate = null,
        CancellationToken ct = default
    )
    {
        if (mark == Presence.Late && minutesLate is < 1 or > MaxMinutesLate)
            return Result.Invalid([SchoolLifeMessages.FormatRollCall_MinutesLate(MaxMinutesLate)]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gate = await GateAsync(db, user, lessonId, date, ct);
        if (gate.Value is not { } lesson)
            return gate.Failure;
        if (!await Students(db, lesson).AnyAsync(p => p.Id == studentId, ct))
            return Result.Forbidden(SchoolLifeMessages.RollCall_NotInLesson);
        var now = clock.GetUtcNow().UtcDateTime;
        Absence? recorded = null;
        for (var attempt = 0; ; attempt++)
        {
            // The student's turn, as a report of the family's call takes it (AttendanceService.ReportAsync): this mark
            // sees a report given before it, and a report given meanwhile waits, then justifies this mark.
            await using var transaction = await db.BeginTurnAsync<Person>(studentId, ct);
            var existing = await db.Set<Absence>()
                .FirstOrDefaultAsync(a => a.LessonId == lessonId && a.Date == date && a.StudentId == studentId, ct);
            // Once the family justified it (or the vie scolaire decided), the mark is the vie scolaire's to change.
            if (existing is { Justification: not JustificationStatus.None })
                return Result.Conflict(SchoolLifeMessages.RollCall_Justified);
            if (mark == Presence.Present)
            {
                if (existing is not null)
                    db.Remove(existing);
            }
            else
            {
                if (existing is null)
                    db.Add(
                        existing = new Absence
                        {
                            SchoolId = lesson.SchoolId,
                            StudentId = studentId,
                            LessonId = lessonId,
                            Date = date,
                            StartsAt = lesson.StartsAt,
                            EndsAt = lesson.EndsAt,
                        }
                    );
                existing.Kind = mark == Presence.Late ? AttendanceKind.Lateness : AttendanceKind.Absence;
                if (existing.Kind == AttendanceKind.Absence)
                    await InheritReportAsync(db, existing, ct);
                existing.MinutesLate = mark == Presence.Late ? minutesLate ?? 5 : null;
                (existing.RecordedById, existing.RecordedAt) = (user.PersonId, now);
                existing.Version++;
            }
            recorded = mark == Presence.Present ? null : existing;
            await TakenAsync(db, lessonId, date, user.PersonId, now, completed: false, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                break;
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // Another tap on the same student (or the first of this roll call) went first: read it and apply ours.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                return Result.Conflict(SchoolLifeMessages.RollCall_Busy);
            }
        }
        await events.PublishAsync(new AttendanceChanged(lesson.SchoolId, studentId, date));
        await notices.RecordedAsync(lesson.SchoolId, lessonId, date, studentId, recorded);
        return Result.Ok();
    }

    /// <summary>Says the roll call is done (everyone present counts as done).</summary>
    public async Task<Result> CompleteAsync(
        CurrentUser user,
        int lessonId,
        DateOnly date,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gate = await GateAsync(db, user, lessonId, date, ct);
        if (gate.Value is not { } lesson)
            return gate.Failure;
        await TakenAsync(db, lessonId, date, user.PersonId, clock.GetUtcNow().UtcDateTime, completed: true, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // taken at the same moment by the first mark: once more, as an update
            await TakenAsync(db, lessonId, date, user.PersonId, clock.GetUtcNow().UtcDateTime, completed: true, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                return Result.Conflict(SchoolLifeMessages.RollCall_Busy);
            }
        }
        await events.PublishAsync(new AttendanceChanged(lesson.SchoolId, 0, date));
        return Result.Ok();
    }

    /// <summary>
    /// An absence the family already reported for that half-day, and the vie scolaire accepted, justifies the lesson's
    /// too: the parent is not asked again.
    /// </summary>
    private static async Task InheritReportAsync(EnoeDbContext db, Absence absence, CancellationToken ct)
    {
        var report = await db.Set<Absence>()
            .Where(a =>
                a.StudentId == absence.StudentId
                && a.Date == absence.Date
                && a.LessonId == null
                && a.Justification == JustificationStatus.Accepted
                && a.StartsAt <= absence.StartsAt
                && a.EndsAt >= absence.EndsAt
            )
            .Select(a => new
            {
                a.MotiveId,
                a.DecidedById,
                a.DecidedAt,
            })
            .FirstOrDefaultAsync(ct);
        if (report is null)
            return;
        (absence.Justification, absence.MotiveId) = (JustificationStatus.Accepted, report.MotiveId);
        (absence.DecidedById, absence.DecidedAt) = (report.DecidedById, report.DecidedAt);
    }

    private static async Task TakenAsync(
        EnoeDbContext db,
        int lessonId,
        DateOnly date,
        int by,
        DateTime now,
        bool completed,
        CancellationToken ct
    )
    {
        var call = await db.Set<RollCall>().FirstOrDefaultAsync(r => r.LessonId == lessonId && r.Date == date, ct);
        if (call is null)
            db.Add(call = new RollCall { LessonId = lessonId, Date = date });
        (call.TakenById, call.TakenAt) = (by, now);
        call.Completed |= completed;
    }

    /// <summary>The students of the lesson's class or group.</summary>
    private static IQueryable<Person> Students(EnoeDbContext db, LessonView lesson) =>
        lesson.ClassId is int c
            ? db.Users.Where(p => db.Enrolments.Any(e => e.StudentId == p.Id && e.SchoolClassId == c))
            : db.Users.Where(p =>
                db.GroupEnrolments.Any(e => e.StudentId == p.Id && e.TeachingGroupId == lesson.GroupId)
            );

    /// <summary>
    /// The lesson as it takes place that day, when the reader teaches it or works at the vie scolaire there, the
    /// service runs, and the day is not to come.
    /// </summary>
    private async Task<Result<LessonView>> GateAsync(
        EnoeDbContext db,
        CurrentUser user,
        int lessonId,
        DateOnly date,
        CancellationToken ct
    )
    {
        var lesson = await db.Set<Lesson>()
            .Where(l => l.Id == lessonId)
            .Select(l => new { l.SchoolId, l.TeacherId })
            .FirstOrDefaultAsync(ct);
        if (lesson is null)
            return Result.NotFound();
        var teachesThere =
            lesson.TeacherId == user.PersonId
            && await db.Memberships.AnyAsync(
                m =>
                    m.PersonId == user.PersonId && m.SchoolId == lesson.SchoolId && (m.Profiles & Profile.Teacher) != 0,
                ct
            );
        if (!teachesThere && !await db.HoldsAsync(user.PersonId, lesson.SchoolId, Right.SchoolLifeManage, ct))
            return Result.Forbidden(SchoolLifeMessages.RollCall_NotYours);
        if (await access.RefusalAsync(user, EntService.SchoolLife, lesson.SchoolId, ct) is { } off)
            return off;
        if (date > DateOnly.FromDateTime(timetable.Now))
            return Result.Invalid([SchoolLifeMessages.RollCall_NotYet]);
        if (await timetable.OccurrenceAsync(lessonId, date, ct) is not { } occurrence)
            return Result.Invalid([SchoolLifeMessages.RollCall_NoLesson]);
        return Result<LessonView>.Ok(occurrence);
    }
}
