using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Assignments;

/// <summary>
/// A copy returned is notified to its student and their parents (a return again replaces the notice).
/// </summary>
public sealed partial class AssignmentService
{
    private async Task NotifyReturnedAsync(int assignmentId, int studentId, int schoolId, CancellationToken ct)
    {
        var source = $"returned:{assignmentId}:{studentId}";
        List<NewNotification> notices;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var title = await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Title).FirstAsync(ct);
            var release = await notifications.ReleaseAtAsync(schoolId, ct);
            notices = await NotificationService.ForFamiliesAsync(
                db,
                [studentId],
                new(schoolId, NotificationKind.CopyReturned, title, $"/devoirs/{assignmentId}", source, release),
                ct: ct
            );
        }
        await notifications.ReplaceAsync(source, notices, ct);
    }
}
