using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// A student's absences as the student, their parents and the vie scolaire read them, and the justification a parent
/// (or the student once 18) gives online: a motive, a comment, a document.
/// </summary>
public sealed partial class AttendanceService
{
    /// <summary>
    /// The student's absences and lateness since <paramref name="since"/>, newest first (a parent's first child when
    /// none is named; the vie scolaire any student of its établissement).
    /// </summary>
    public async Task<Result<StudentAttendance>> StudentAsync(
        CurrentUser user,
        int? studentId,
        DateOnly since,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (
            await StudentRecords.ResolveInSchoolAsync(db, user.PersonId, studentId, Right.AbsencesRead, ct)
            is not var (student, holder, school)
        )
            return Result.Forbidden();
        if (await access.RefusalAsync(user, EntService.SchoolLife, school, ct) is { } off)
            return off;
        if (holder is not (Holder.Student or Holder.Parent))
            await Privacy.AccessLog.RecordAsync(db, clock, user, student, Privacy.PersonalDataKind.Absences, ct);
        var items = await Project(
                db,
                db.Set<Absence>()
                    .Where(a => a.StudentId == student && a.Date >= since)
                    .OrderByDescending(a => a.Date)
                    .ThenByDescending(a => a.StartsAt)
            )
            .ToListAsync(ct);
        var person = await db
            .Users.Where(p => p.Id == student)
            .Select(p => new
            {
                p.FirstName,
                p.LastName,
                p.BirthDate,
            })
            .FirstAsync(ct);
        return Result<StudentAttendance>.Ok(
            new(
                student,
                person.FirstName + " " + person.LastName,
                items,
                Count(items),
                Justifies(holder, person.BirthDate)
            )
        );
    }

    /// <summary>
    /// A justification of an absence not yet justified (or refused): a motive from the établissement's list, a comment,
    /// an optional document stored with it. By a parent, or by the student once 18.
    /// </summary>
    public async Task<Result> JustifyAsync(
        CurrentUser user,
        int absenceId,
        int version,
        AbsenceReason? reason,
        string? comment,
        IReadOnlyList<FileUpload> uploads,
        CancellationToken ct = default
    )
    {
        if (reason is not AbsenceReason motive || !AbsenceReasons.All.Contains(motive))
            return Result.Invalid([SchoolLifeMessages.Justify_ChooseReason]);
        if (TextProblems(comment) is { Count: > 0 } problems)
            return Result.Invalid(problems);
        if (uploads.Count > 1)
            return Result.Invalid([SchoolLifeMessages.Justify_OneDocument]);
        int schoolId,
            studentId;
        DateOnly date;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var absence = await db.Set<Absence>()
                .Where(a => a.Id == absenceId && a.Kind == AttendanceKind.Absence)
                .Select(a => new
                {
                    a.SchoolId,
                    a.StudentId,
                    a.Date,
                })
                .FirstOrDefaultAsync(ct);
            if (absence is null)
                return Result.NotFound();
            if (!await MayJustifyAsync(db, user.PersonId, absence.StudentId, ct))
                return Result.Forbidden(SchoolLifeMessages.Justify_NotYours);
            (schoolId, studentId, date) = (absence.SchoolId, absence.StudentId, absence.Date);
        }
        if (await access.RefusalAsync(user, EntService.SchoolLife, schoolId, ct) is { } off)
            return off;
        Result<bool> result;
        try
        {
            result = await files.SaveWithFilesAsync(
                user.PersonId,
                schoolId,
                uploads,
                async (db, stored) =>
                {
                    var absence = await db.Set<Absence>().FirstOrDefaultAsync(a => a.Id == absenceId, ct);
                    if (absence is null)
                        return Result.NotFound();
                    if (absence.Version != version)
                        return Result.Conflict(SchoolLifeMessages.Justify_Changed);
                    if (absence.Justification is JustificationStatus.Pending or JustificationStatus.Accepted)
                        return Result.Conflict(SchoolLifeMessages.Justify_AlreadyGiven);
                    absence.Justification = JustificationStatus.Pending;
                    absence.Reason = motive;
                    absence.JustificationComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
                    absence.JustificationFile = stored.FirstOrDefault();
                    if (stored.Count == 0)
                        absence.JustificationFileId = null;
                    (absence.JustifiedById, absence.JustifiedAt) = (user.PersonId, clock.GetUtcNow().UtcDateTime);
                    (absence.DecidedById, absence.DecidedAt, absence.DecisionComment) = (null, null, null);
                    absence.Version++;
                    return Result<bool>.Ok(true);
                },
                ct
            );
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(SchoolLifeMessages.Justify_Changed); // decided or justified at the same moment
        }
        if (!result.Succeeded)
            return result.Failure;
        await events.PublishAsync(new AttendanceChanged(schoolId, studentId, date));
        return Result.Ok();
    }

    /// <summary>A parent of the student, or the student themself once 18, read now.</summary>
    private async Task<bool> MayJustifyAsync(EnoeDbContext db, int personId, int studentId, CancellationToken ct)
    {
        if (await db.Guardianships.AnyAsync(g => g.ParentId == personId && g.StudentId == studentId, ct))
            return true;
        if (personId != studentId)
            return false;
        var born = await db.Users.Where(p => p.Id == studentId).Select(p => p.BirthDate).FirstOrDefaultAsync(ct);
        return IsAdult(born, DateOnly.FromDateTime(timetable.Now));
    }

    private bool Justifies(Holder holder, DateOnly? born) =>
        holder == Holder.Parent || (holder == Holder.Student && IsAdult(born, DateOnly.FromDateTime(timetable.Now)));

    private static bool IsAdult(DateOnly? born, DateOnly today) => born is DateOnly b && b.AddYears(18) <= today;
}
