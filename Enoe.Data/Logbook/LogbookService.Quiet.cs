using Enoe.Data.Common;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Logbook;

/// <summary>
/// Homework and the right to disconnect: written in the quiet window, it reaches families when the window ends (the
/// teachers and the direction see it at once), and its notification with it. New homework notifies the class's
/// families; homework changed notifies them when it is due by the next school day.
/// </summary>
public sealed partial class LogbookService
{
    public static string Source(int entryId) => $"logbook:{entryId}";

    /// <summary>
    /// When homework written now for <paramref name="schoolId"/> reaches families (now, outside the window).
    /// </summary>
    public async Task<DateTime> HomeworkReleaseAsync(int schoolId, CancellationToken ct = default) =>
        (await quietHours.WindowAsync(schoolId, ct)).ReleaseAt(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The holiday of <paramref name="schoolId"/> (or the académie's) today falls in, if any: homework written then
    /// for the first day back reaches families who may not look before it (a warning, never a block).
    /// </summary>
    public async Task<(string Name, DateOnly To)?> HolidayTodayAsync(int schoolId, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var holiday = await db.Set<Bookings.HolidayPeriod>()
            .Where(h => (h.SchoolId == null || h.SchoolId == schoolId) && h.From <= today && today <= h.To)
            .OrderByDescending(h => h.To)
            .Select(h => new { h.Name, h.To })
            .FirstOrDefaultAsync(ct);
        return holiday is null ? null : (holiday.Name, holiday.To);
    }

    private static IQueryable<LogbookEntry> HeldFromFamilies(
        EnoeDbContext db,
        IQueryable<LogbookEntry> entries,
        int me,
        DateTime now
    )
    {
        var classes = db
            .TeachingAssignments.Where(a => a.TeacherId == me && a.SchoolClassId != null)
            .Select(a => a.SchoolClassId!.Value);
        var groups = db
            .TeachingAssignments.Where(a => a.TeacherId == me && a.TeachingGroupId != null)
            .Select(a => a.TeachingGroupId!.Value);
        var oversees = db
            .Memberships.Holding(Right.LogbookEveryClass)
            .Where(m => m.PersonId == me)
            .Select(m => m.SchoolId);
        return entries.Where(e =>
            e.HomeworkVisibleAt == null
            || e.HomeworkVisibleAt <= now
            || oversees.Contains(e.SchoolId)
            || (e.SchoolClassId != null && classes.Contains(e.SchoolClassId.Value))
            || (e.TeachingGroupId != null && groups.Contains(e.TeachingGroupId.Value))
        );
    }

    /// <summary>Holds the entry's homework if written in the window, and says whom to tell.</summary>
    private async Task<List<NewNotification>> HomeworkNoticesAsync(
        EnoeDbContext db,
        LogbookEntry entry,
        (string? Text, DateOnly? Due) before,
        DateTime now,
        CancellationToken ct
    )
    {
        if (entry.Homework is null || (entry.Homework, entry.HomeworkDueDate) == before)
            return [];
        var release = await HomeworkReleaseAsync(entry.SchoolId, ct);
        entry.HomeworkVisibleAt = release > now ? release : null;
        var isNew = before.Text is null;
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(now));
        var nextSchoolDay = await timetable.NextSchoolDayAsync(entry.SchoolId, today, ct);
        if (!isNew && entry.HomeworkDueDate > nextSchoolDay)
            return [];
        var students = Audiences.StudentsOf(db, entry.SchoolClassId, entry.TeachingGroupId);
        var subject = await db.Subjects.Where(s => s.Id == entry.SubjectId).Select(s => s.Name).FirstAsync(ct);
        var title = entry.HomeworkDueDate is { } due
            ? NotificationService.Stored(() =>
                LogbookMessages.FormatNotice_HomeworkDue(subject, due.ToString("d MMMM"))
            )
            : subject;
        return await NotificationService.ForFamiliesAsync(
            db,
            await students.ToListAsync(ct),
            new(
                entry.SchoolId,
                isNew ? NotificationKind.HomeworkSet : NotificationKind.HomeworkChanged,
                title,
                "/carnet-de-bord",
                Source(entry.Id),
                entry.HomeworkVisibleAt ?? now
            ),
            ct: ct
        );
    }
}
