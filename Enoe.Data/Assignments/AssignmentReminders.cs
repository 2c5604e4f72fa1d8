using Enoe.Data.Common;
using Enoe.Data.Jobs;
using Enoe.Data.Notifications;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Assignments;

/// <summary>
/// The day before a devoir is due, each student who has not handed it in (and their parents) is reminded, once: a
/// daily run after school (one instance at a time), which skips a reminder already written.
/// </summary>
public sealed class AssignmentReminders(
    IDbContextFactory<EnoeDbContext> dbFactory,
    NotificationService notifications,
    JobLeases leases,
    TimeProvider clock
)
{
    public const string Job = "assignment-reminders";

    /// <summary>After school: families read it in the evening, before the window closes.</summary>
    public static readonly TimeOnly At = new(17, 0);

    public static string Source(int assignmentId, int studentId) => $"due:{assignmentId}:{studentId}";

    /// <summary>Today's run, if its hour has come and no instance did it yet: how many were reminded.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var local = SchoolTime.ToLocal(clock.GetUtcNow().UtcDateTime);
        var runAt = SchoolTime.ToUtc(DateOnly.FromDateTime(local).ToDateTime(At));
        if (TimeOnly.FromDateTime(local) < At)
            return 0;
        var reminded = 0;
        await leases.RunOnceAsync(
            Job,
            TimeSpan.FromMinutes(30),
            runAt,
            async token => reminded = await RemindAsync(DateOnly.FromDateTime(local).AddDays(1), token),
            ct
        );
        return reminded;
    }

    /// <summary>Reminds whoever has not handed in a devoir due on <paramref name="day"/>.</summary>
    public async Task<int> RemindAsync(DateOnly day, CancellationToken ct = default)
    {
        var start = SchoolTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));
        var end = SchoolTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db
            .Assignments.Where(a => a.DueAt >= start && a.DueAt < end)
            .Select(a => new
            {
                a.Id,
                a.SchoolId,
                a.Title,
                a.SchoolClassId,
                a.TeachingGroupId,
            })
            .ToListAsync(ct);
        var ids = due.Select(a => a.Id).ToList();
        var handedIn = (
            await db.Set<Submission>()
                .Where(s => ids.Contains(s.AssignmentId))
                .Select(s => new { s.AssignmentId, s.StudentId })
                .ToListAsync(ct)
        )
            .Select(s => (s.AssignmentId, s.StudentId))
            .ToHashSet();
        var missing = new List<Missing>();
        // One read per class or group with something due: a day's devoirs share few audiences.
        foreach (var audience in due.GroupBy(a => (a.SchoolClassId, a.TeachingGroupId)))
        {
            var students = await Audiences
                .StudentsOf(db, audience.Key.SchoolClassId, audience.Key.TeachingGroupId)
                .ToListAsync(ct);
            missing.AddRange(
                from a in audience
                from student in students
                where !handedIn.Contains((a.Id, student))
                select new Missing(a.Id, a.SchoolId, a.Title, student)
            );
        }
        var written = (
            await db.Set<Notification>()
                .Where(n => n.Kind == NotificationKind.AssignmentDueTomorrow && n.CreatedAt >= start.AddDays(-2))
                .Select(n => n.Source)
                .ToListAsync(ct)
        ).ToHashSet();
        var notices = new List<NewNotification>();
        foreach (
            var school in missing.Where(m => !written.Contains(Source(m.Id, m.StudentId))).GroupBy(m => m.SchoolId)
        )
        {
            var release = await notifications.ReleaseAtAsync(school.Key, ct);
            notices.AddRange(
                await NotificationService.ForFamiliesAsync(
                    db,
                    [
                        .. school.Select(m =>
                            (
                                m.StudentId,
                                new FamilyNotice(
                                    m.SchoolId,
                                    NotificationKind.AssignmentDueTomorrow,
                                    m.Title,
                                    $"/devoirs/{m.Id}",
                                    Source(m.Id, m.StudentId),
                                    release
                                )
                            )
                        ),
                    ],
                    ct: ct
                )
            );
        }
        await notifications.NotifyAsync(notices, ct);
        return missing.Count;
    }

    private sealed record Missing(int Id, int SchoolId, string Title, int StudentId);
}
