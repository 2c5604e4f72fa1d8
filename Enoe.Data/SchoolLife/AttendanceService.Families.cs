using Enoe.Data.Common;
using Enoe.Data.Database;
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
    /// none is named; the vie scolaire any student of its établissement). The motives the reader may choose come too,
    /// unless <paramref name="withMotives"/> is false: a page reads them once, the absences again each time one
    /// changes.
    /// </summary>
    public async Task<Result<StudentAttendance>> StudentAsync(
        CurrentUser user,
        int? studentId,
        DateOnly since,
        bool withMotives = true,
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
        var desk =
            holder is not (Holder.Student or Holder.Parent)
            && school == user.SchoolId
            && await ManagerGateAsync(db, user, ct) is null;
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
                Justifies(holder, person.BirthDate),
                desk,
                withMotives && (desk || Justifies(holder, person.BirthDate))
                    ? await MotiveListAsync(db, school!.Value, withArchived: false, ct)
                    : []
            )
        );
    }

    /// <summary>
    /// A justification of one student's absences not yet justified (or refused), a whole day at once if need be: a
    /// motive from the établissement's list, a comment, an optional document stored once for them all. By a parent, or
    /// the student once 18: it waits for the vie scolaire. By the vie scolaire (a note handed in at the desk): accepted
    /// at once.
    /// </summary>
    public async Task<Result> JustifyAsync(
        CurrentUser user,
        IReadOnlyList<AbsenceVersion> chosen,
        int? motiveId,
        string? comment,
        IReadOnlyList<FileUpload> uploads,
        CancellationToken ct = default
    )
    {
        if (chosen.Count == 0)
            return Result.Invalid([SchoolLifeMessages.Justify_ChooseAbsence]);
        if (motiveId is not int motive)
            return Result.Invalid([SchoolLifeMessages.Justify_ChooseReason]);
        if (TextProblems(comment) is { Count: > 0 } problems)
            return Result.Invalid(problems);
        if (uploads.Count > 1)
            return Result.Invalid([SchoolLifeMessages.Justify_OneDocument]);
        var ids = chosen.Select(c => c.Id).Distinct().ToList();
        int schoolId,
            studentId;
        bool desk;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var found = await db.Set<Absence>()
                .Where(a => ids.Contains(a.Id) && a.Kind == AttendanceKind.Absence)
                .Select(a => new { a.SchoolId, a.StudentId })
                .Distinct()
                .ToListAsync(ct);
            var absences = db.Set<Absence>().Where(a => ids.Contains(a.Id) && a.Kind == AttendanceKind.Absence);
            if (found.Count != 1 || ids.Count != await absences.CountAsync(ct))
                return Result.NotFound(); // one student's absences, every one of them existing
            (schoolId, studentId) = (found[0].SchoolId, found[0].StudentId);
            desk = user.SchoolId == schoolId && await ManagerGateAsync(db, user, ct) is null;
            if (!desk && !await MayJustifyAsync(db, user.PersonId, studentId, ct))
                return Result.Forbidden(SchoolLifeMessages.Justify_NotYours);
            if (!await OffersMotiveAsync(db, schoolId, motive, ct))
                return Result.Invalid([SchoolLifeMessages.Motive_Unknown]);
        }
        if (await access.RefusalAsync(user, EntService.SchoolLife, schoolId, ct) is { } off)
            return off;
        DateOnly[] dates = [];
        Result<bool> result;
        try
        {
            result = await files.SaveWithFilesAsync(
                user.PersonId,
                schoolId,
                uploads,
                async (db, stored) =>
                {
                    var absences = await db.Set<Absence>()
                        .Where(a => ids.Contains(a.Id) && a.Kind == AttendanceKind.Absence)
                        .ToListAsync(ct);
                    if (absences.Count != ids.Count)
                        return Result.NotFound();
                    if (absences.Any(a => a.Version != chosen.First(c => c.Id == a.Id).Version))
                        return Result.Conflict(SchoolLifeMessages.Justify_Changed);
                    if (
                        absences.Any(a =>
                            a.Justification is JustificationStatus.Pending or JustificationStatus.Accepted
                        )
                    )
                        return Result.Conflict(SchoolLifeMessages.Justify_AlreadyGiven);
                    var now = clock.GetUtcNow().UtcDateTime;
                    foreach (var absence in absences)
                    {
                        absence.Justification = desk ? JustificationStatus.Accepted : JustificationStatus.Pending;
                        absence.MotiveId = motive;
                        absence.JustificationComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
                        absence.JustificationFile = stored.FirstOrDefault();
                        if (stored.Count == 0)
                            absence.JustificationFileId = null;
                        (absence.JustifiedById, absence.JustifiedAt) = (user.PersonId, now);
                        (absence.DecidedById, absence.DecidedAt) = desk
                            ? (user.PersonId, now)
                            : ((int?)null, (DateTime?)null);
                        absence.DecisionComment = null;
                        absence.Version++;
                    }
                    dates = [.. absences.Select(a => a.Date).Distinct()];
                    return Result<bool>.Ok(true);
                },
                ct
            );
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflict(SchoolLifeMessages.Justify_Changed); // decided or justified at the same moment
        }
        catch (DbUpdateException e) when (Contention.IsMissingReference(e))
        {
            if (await MotiveWithdrawnAsync(schoolId, motive, ct))
                return Result.Invalid([SchoolLifeMessages.Motive_Unknown]);
            throw;
        }
        if (!result.Succeeded)
            return result.Failure;
        foreach (var date in dates)
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
