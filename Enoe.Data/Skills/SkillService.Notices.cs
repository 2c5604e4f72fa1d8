using Enoe.Data.Common;
using Enoe.Data.People;

namespace Enoe.Data.Skills;

public sealed partial class SkillService
{
    /// <summary>
    /// A teacher assesses skills one tap at a time: the family gets one notice per teacher and day, replaced as the
    /// taps go on (not one per skill).
    /// </summary>
    private async Task NotifyAssessedAsync(
        EnoeDbContext db,
        CurrentUser user,
        int studentId,
        int schoolId,
        CancellationToken ct
    )
    {
        var day = DateOnly.FromDateTime(SchoolTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var source = $"skills:{studentId}:{user.PersonId}:{day.DayNumber}";
        var release = await notifications.ReleaseAtAsync(schoolId, ct);
        var notices = await Notifications.NotificationService.ForFamiliesAsync(
            db,
            [studentId],
            new(
                schoolId,
                Notifications.NotificationKind.SkillsAssessed,
                user.DisplayName,
                "/competences",
                source,
                release
            ),
            ct: ct
        );
        await notifications.ReplaceAsync(source, notices, ct);
    }
}
