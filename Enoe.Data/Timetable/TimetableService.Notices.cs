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

    private async Task NotifyChangeAsync(Lesson lesson, DateOnly date, LessonChange? change, CancellationToken ct)
    {
        var source = Source(lesson.Id, date);
        if (change is null)
        {
            await notifications.ReplaceAsync(source, [], ct);
            return;
        }
        List<NewNotification> notices;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
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
                source,
                release
            );
            notices = await NotificationService.ForFamiliesAsync(db, await students.ToListAsync(ct), notice, ct: ct);
            notices.Add(notice.To(lesson.TeacherId, null, release)); // the teacher too, not as anyone's family
        }
        await notifications.ReplaceAsync(source, notices, ct);
    }
}
