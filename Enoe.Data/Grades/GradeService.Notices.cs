using Enoe.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Grades;

/// <summary>
/// Publishing marks notifies each marked student when they see them and each of their parents when they do (later:
/// the établissement's delay). Publishing again replaces those notifications; withdrawing the marks removes them.
/// </summary>
public sealed partial class GradeService
{
    public static string Source(int assessmentId) => $"assessment:{assessmentId}";

    private static async Task<List<NewNotification>> MarkNoticesAsync(
        EnoeDbContext db,
        Assessment assessment,
        CancellationToken ct
    )
    {
        var marked = await db.Set<Grade>()
            .Where(g => g.AssessmentId == assessment.Id)
            .Select(g => g.StudentId)
            .ToListAsync(ct);
        var subject = await db.Subjects.Where(s => s.Id == assessment.SubjectId).Select(s => s.Name).FirstAsync(ct);
        var title = NotificationService.Stored(() => GradeMessages.FormatNotice_Marks(subject, assessment.Title));
        return await NotificationService.ForFamiliesAsync(
            db,
            marked,
            new(
                assessment.SchoolId,
                NotificationKind.MarksPublished,
                title,
                "/notes",
                Source(assessment.Id),
                assessment.ParentsSeeAt!.Value
            )
            {
                StudentSeesAt = assessment.PublishedAt!.Value,
            },
            ct: ct
        );
    }
}
