using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>
/// What an import would do (or did): the lessons added, changed, kept and removed, or why nothing can be.
/// </summary>
public sealed record TimetablePlan(
    int Lessons,
    int Added,
    int Updated,
    int Unchanged,
    int Removed,
    IReadOnlyList<string> Errors
)
{
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// The direction's (or ENT admin's) import of the établissement's timetable: the file is checked whole first (every bad
/// line with its number and reason; nothing written while one is bad), shown as a plan, then applied in one
/// transaction. Importing the file again matches each lesson (same day, hours, class or group, subject, teacher and
/// weeks) instead of adding it twice: its room and dates are updated, and lessons no longer in the file are removed.
/// </summary>
public sealed class TimetableImport(
    IDbContextFactory<EnoeDbContext> dbFactory,
    ServiceAccess access,
    SchoolSettingsService settings,
    TimetableService timetable,
    IEventBus events
)
{
    public const int RoomMax = 40;

    /// <summary>Larger than a lycée's year of lessons many times over; a bigger file is a mistake.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>What importing <paramref name="file"/> would do; writes nothing.</summary>
    public async Task<Result<TimetablePlan>> PreviewAsync(CurrentUser user, byte[] file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await GateAsync(db, user, ct) is { } refused)
            return refused;
        var (plan, _, _, _) = await PlanAsync(db, user.SchoolId!.Value, file, ct);
        return Result<TimetablePlan>.Ok(plan);
    }

    /// <summary>Imports the file when every line is good, in one transaction; the plan says what was done.</summary>
    public async Task<Result<TimetablePlan>> ApplyAsync(CurrentUser user, byte[] file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await GateAsync(db, user, ct) is { } refused)
            return refused;
        var school = user.SchoolId!.Value;
        // Two imports at once (two admins, a double click): the second plans from what the first wrote.
        await using var transaction = await db.BeginTurnAsync<Schools.School>(school, ct);
        var (plan, added, updated, removed) = await PlanAsync(db, school, file, ct);
        if (!plan.Valid)
            return Result.Invalid(plan.Errors);
        // A lesson with roll calls or absences ends yesterday instead: the vie scolaire's history keeps its lesson.
        var yesterday = DateOnly.FromDateTime(timetable.Now).AddDays(-1);
        var ids = removed.Select(l => l.Id).ToList();
        var kept = await db.Set<SchoolLife.RollCall>()
            .Where(r => ids.Contains(r.LessonId))
            .Select(r => r.LessonId)
            .Concat(
                db.Set<SchoolLife.Absence>()
                    .Where(a => a.LessonId != null && ids.Contains(a.LessonId.Value))
                    .Select(a => a.LessonId!.Value)
            )
            .Distinct()
            .ToListAsync(ct);
        foreach (var lesson in removed.Where(l => kept.Contains(l.Id)))
            lesson.To = lesson.To is DateOnly to && to < yesterday ? to : yesterday;
        db.RemoveRange(removed.Where(l => !kept.Contains(l.Id)));
        db.AddRange(added);
        _ = updated; // tracked: their new rooms and dates are saved with the rest
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await timetable.LessonsChangedAsync(school);
        await events.PublishAsync(new TimetableImported(school));
        return Result<TimetablePlan>.Ok(plan);
    }

    /// <summary>
    /// The Monday of a week A in the établissement of the reader's session (the rentrée's when unset).
    /// </summary>
    public async Task<DateOnly> WeekAAsync(CurrentUser user, DateOnly today, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var set = await db.Set<TimetableCalendar>()
            .Where(c => c.SchoolId == user.SchoolId)
            .Select(c => (DateOnly?)c.WeekA)
            .FirstOrDefaultAsync(ct);
        return set ?? SchoolWeeks.DefaultWeekA(today);
    }

    /// <summary>Makes the week holding <paramref name="day"/> a week A; the others alternate from it.</summary>
    public async Task<Result> SetWeekAAsync(CurrentUser user, DateOnly day, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await GateAsync(db, user, ct) is { } refused)
            return refused;
        var school = user.SchoolId!.Value;
        var calendar = await db.Set<TimetableCalendar>().FirstOrDefaultAsync(c => c.SchoolId == school, ct);
        if (calendar is null)
            db.Add(calendar = new TimetableCalendar { SchoolId = school });
        calendar.WeekA = SchoolWeeks.MondayOf(day);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin set it at the same moment: theirs stands, this one is asked again.
            return Result.Conflict(TimetableMessages.Change_Concurrent);
        }
        await timetable.CalendarChangedAsync(school);
        await events.PublishAsync(new TimetableImported(school));
        return Result.Ok();
    }

    /// <summary>Whether the reader imports the timetable of the établissement of their session.</summary>
    public async Task<bool> CanImportAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GateAsync(db, user, ct) is null;
    }

    private async Task<Refusal?> GateAsync(EnoeDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (!await db.HoldsAsync(user.PersonId, user.SchoolId, Right.TimetableImport, ct))
            return Result.Forbidden();
        return await access.RefusalAsync(user, EntService.Timetable, user.SchoolId, ct);
    }

    private async Task<(TimetablePlan Plan, List<Lesson> Added, int Updated, List<Lesson> Removed)> PlanAsync(
        EnoeDbContext db,
        int school,
        byte[] file,
        CancellationToken ct
    )
    {
        if (file.Length > MaxBytes)
            return (new(0, 0, 0, 0, 0, [TimetableMessages.FormatImport_TooLarge(MaxBytes / 1024 / 1024)]), [], 0, []);
        var (lines, errors) = TimetableCsv.Read(file, await settings.SlotsAsync(school, ct));
        var names = await TimetableNames.LoadAsync(db, school, ct);
        var lessons = new List<(int Line, Lesson Lesson)>();
        foreach (var line in lines)
        {
            if (names.Resolve(school, line, out var lesson) is { } reason)
                errors[line.Line] = reason;
            else
                lessons.Add((line.Line, lesson!));
        }
        foreach (var (line, reason) in TimetableClashes.Find(lessons))
            errors.TryAdd(line, reason);
        var messages = errors
            .Select(e => e.Key == 0 ? e.Value : TimetableMessages.FormatImport_Line(e.Key, e.Value))
            .ToList();
        if (messages.Count > 0)
            return (new(lines.Count, 0, 0, 0, 0, messages), [], 0, []);

        var existing = await db.Set<Lesson>().Where(l => l.SchoolId == school).ToListAsync(ct);
        var byKey = existing.ToLookup(TimetableClashes.Key);
        var matched = new HashSet<Lesson>(ReferenceEqualityComparer.Instance);
        var (added, updated, unchanged) = (new List<Lesson>(), 0, 0);
        foreach (var (_, lesson) in lessons)
        {
            var candidates = byKey[TimetableClashes.Key(lesson)].Where(l => !matched.Contains(l)).ToList();
            var same =
                candidates.FirstOrDefault(l => l.From == lesson.From && l.To == lesson.To)
                ?? candidates.FirstOrDefault();
            if (same is null)
            {
                added.Add(lesson);
                continue;
            }
            matched.Add(same);
            if (same.Room == lesson.Room && same.From == lesson.From && same.To == lesson.To)
            {
                unchanged++;
                continue;
            }
            (same.Room, same.From, same.To) = (lesson.Room, lesson.From, lesson.To);
            updated++;
        }
        var removed = existing.Where(l => !matched.Contains(l)).ToList();
        return (new(lessons.Count, added.Count, updated, unchanged, removed.Count, []), added, updated, removed);
    }
}
