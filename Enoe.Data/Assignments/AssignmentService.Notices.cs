using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Assignments;

/// <summary>
/// A copy returned is notified to its student and their parents (a return again replaces the notice).
/// </summary>
public sealed partial class AssignmentService
{
    /// <summary>Publishes <paramref name="returned"/> carrying the notices of the copy returned.</summary>
    private Task NotifyReturnedAsync(AssignmentChanged returned, CancellationToken ct)
    {
        var (assignmentId, studentId) = (returned.AssignmentId, returned.StudentId!.Value);
        var source = $"returned:{assignmentId}:{studentId}";
        return notifications.ReplaceCarryingAsync(
            returned,
            source,
            async () =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var title = await db.Assignments.Where(a => a.Id == assignmentId).Select(a => a.Title).FirstAsync(ct);
                var release = await notifications.ReleaseAtAsync(returned.SchoolId, ct);
                return await NotificationService.ForFamiliesAsync(
                    db,
                    [studentId],
                    new(
                        returned.SchoolId,
                        NotificationKind.CopyReturned,
                        title,
                        $"/devoirs/{assignmentId}",
                        source,
                        release
                    ),
                    ct: ct
                );
            },
            (e, delivered) => e with { Delivered = delivered },
            ct
        );
    }
}
