using System.Globalization;
using Enoe.Data.Common;
using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// Families are told of an absence or lateness as the roll call records it (a tap undone removes the notice), and of
/// the vie scolaire's decision on their justification; a student of 18 or more is told too, being the one who
/// justifies. Like everything for families, held by the quiet window.
/// </summary>
public sealed class AttendanceNotices(NotificationService notifications, TimeProvider clock)
{
    public static string Source(int lessonId, DateOnly date, int studentId) =>
        $"absence:{lessonId}:{date.DayNumber}:{studentId}";

    /// <summary>
    /// After a roll call's tap is committed: tells the family of <paramref name="absence"/>, or forgets.
    /// </summary>
    public async Task RecordedAsync(int schoolId, int lessonId, DateOnly date, int studentId, Absence? absence)
    {
        var source = Source(lessonId, date, studentId);
        var notices = absence is null
            ? []
            : await NoticesAsync(
                schoolId,
                studentId,
                absence.Kind == AttendanceKind.Lateness
                    ? NotificationKind.LatenessRecorded
                    : NotificationKind.AbsenceRecorded,
                date,
                absence.StartsAt,
                source
            );
        await notifications.ReplaceAsync(source, notices);
    }

    /// <summary>After the vie scolaire accepted or refused a justification.</summary>
    public async Task DecidedAsync(Absence absence, bool accepted)
    {
        var notices = await NoticesAsync(
            absence.SchoolId,
            absence.StudentId,
            accepted ? NotificationKind.JustificationAccepted : NotificationKind.JustificationRefused,
            absence.Date,
            absence.StartsAt,
            $"justification:{absence.Id}"
        );
        await notifications.ReplaceAsync($"justification:{absence.Id}", notices);
    }

    private async Task<List<NewNotification>> NoticesAsync(
        int schoolId,
        int studentId,
        NotificationKind kind,
        DateOnly date,
        TimeOnly startsAt,
        string source
    )
    {
        var release = await notifications.ReleaseAtAsync(schoolId);
        var adultBorn = DateOnly.FromDateTime(SchoolTime.ToLocal(clock.GetUtcNow().UtcDateTime)).AddYears(-18);
        var title = string.Create(CultureInfo.InvariantCulture, $"{date:dd/MM} {startsAt:HH\\:mm}");
        return await notifications.ForFamiliesAsync(
            [studentId],
            new(schoolId, kind, title, "/absences", source, release),
            student => student.BirthDate != null && student.BirthDate <= adultBorn // the student once 18
        );
    }
}
