using Enoe.Data.Notifications;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Timetable;

/// <summary>
/// A lesson cancelled, moved or given another room is notified to its students, their parents and its teacher (held
/// by the quiet window like everything for families); a second change replaces the notice, an undo removes it.
/// </summary>
public sealed partial class TimetableService
{
    public static string Source(int lessonId, DateOnly date) => $"lesson:{lessonId}:{date.DayNumber}";

    /// <summary>
    /// Replaces the occurrence's notices (none once undone) and publishes <paramref name="changed"/> carrying them:
    /// a student's tab hears one event for its day, its bell and its feed.
    /// </summary>
    private Task NotifyChangeAsync(
        Lesson lesson,
        DateOnly date,
        LessonChange? change,
        LessonChanged changed,
        CancellationToken ct
    ) =>
        notifications.ReplaceCarryingAsync(
            changed,
            Source(lesson.Id, date),
            () => change is null ? Task.FromResult<List<NewNotification>>([]) : NoticesAsync(lesson, date, change, ct),
            (e, delivered) => e with { Delivered = delivered },
            ct
        );

    private async Task<List<NewNotification>> NoticesAsync(
        Lesson lesson,
        DateOnly date,
        LessonChange change,
        CancellationToken ct
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var students = Audiences.StudentsOf(db, lesson.SchoolClassId, lesson.TeachingGroupId);
        var subject = await db.Subjects.Where(s => s.Id == lesson.SubjectId).Select(s => s.Name).FirstAsync(ct);
        var release = await notifications.ReleaseAtAsync(lesson.SchoolId, ct);
        var kind = change.Kind switch
        {
            LessonChangeKind.Cancelled => NotificationKind.LessonCancelled,
            LessonChangeKind.Moved => NotificationKind.LessonMoved,
            _ => NotificationKind.RoomChanged,
        };
        var title = NotificationService.Stored(() =>
            TimetableMessages.FormatNotice_LessonChanged(
                subject,
                date.ToString("dd/MM"),
                lesson.StartsAt.ToString("HH:mm"),
                change.Reason
            )
        );
        var notice = new FamilyNotice(
            lesson.SchoolId,
            kind,
            title,
            $"/emploi-du-temps?date={date:yyyy-MM-dd}",
            Source(lesson.Id, date),
            release
        );
        var notices = await NotificationService.ForFamiliesAsync(db, await students.ToListAsync(ct), notice, ct: ct);
        notices.Add(notice.To(lesson.TeacherId, null, release)); // the teacher too, not as anyone's family
        return notices;
    }
}
