using System.Globalization;
using System.Linq.Expressions;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Notifications;

/// <summary>
/// What concerns a student goes to their family: each responsable légal, and the student themself (all students, or
/// those a condition picks: the adults, for attendance). <see cref="ForFamiliesAsync(EnoeDbContext,
/// IReadOnlyCollection{int}, FamilyNotice, Expression{Func{Person, bool}}?, CancellationToken)"/> turns students and
/// what to say into the notifications to write, in one query for any number of students.
/// </summary>
public sealed partial class NotificationService
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// The notifications telling the families of <paramref name="studentIds"/> <paramref name="notice"/> (each line
    /// naming the child).
    /// </summary>
    /// <param name="studentsToo">Which students get it themselves; null: all of them, <c>_ =&gt; false</c>: none
    /// (their parents only).</param>
    public static Task<List<NewNotification>> ForFamiliesAsync(
        EnoeDbContext db,
        IReadOnlyCollection<int> studentIds,
        FamilyNotice notice,
        Expression<Func<Person, bool>>? studentsToo = null,
        CancellationToken ct = default
    ) => ForFamiliesAsync(db, [.. studentIds.Distinct().Select(s => (s, notice))], studentsToo, ct);

    /// <summary>
    /// The same, each student with a notice of their own (a reminder per student and assignment): one query however
    /// many.
    /// </summary>
    public static async Task<List<NewNotification>> ForFamiliesAsync(
        EnoeDbContext db,
        IReadOnlyCollection<(int StudentId, FamilyNotice Notice)> notices,
        Expression<Func<Person, bool>>? studentsToo = null,
        CancellationToken ct = default
    )
    {
        if (notices.Count == 0)
            return [];
        var studentIds = notices.Select(n => n.StudentId).Distinct().ToList();
        var parents = (
            await db
                .Guardianships.Where(g => studentIds.Contains(g.StudentId))
                .Select(g => new { g.ParentId, g.StudentId })
                .ToListAsync(ct)
        ).ToLookup(g => g.StudentId, g => g.ParentId);
        var themselves = studentsToo is null
            ? studentIds.ToHashSet()
            : (
                await db.Set<Person>()
                    .Where(p => studentIds.Contains(p.Id))
                    .Where(studentsToo)
                    .Select(p => p.Id)
                    .ToListAsync(ct)
            ).ToHashSet();
        var items = new List<NewNotification>();
        foreach (var (student, notice) in notices)
        {
            items.AddRange(parents[student].Select(parent => notice.To(parent, student, notice.VisibleAt)));
            if (themselves.Contains(student))
                items.Add(notice.To(student, student, notice.StudentSeesAt ?? notice.VisibleAt));
        }
        return items;
    }

    /// <summary>
    /// <see cref="ForFamiliesAsync(EnoeDbContext, IReadOnlyCollection{int}, FamilyNotice,
    /// Expression{Func{Person, bool}}?, CancellationToken)"/> in a context of its own, for a service without one.
    /// </summary>
    public async Task<List<NewNotification>> ForFamiliesAsync(
        IReadOnlyCollection<int> studentIds,
        FamilyNotice notice,
        Expression<Func<Person, bool>>? studentsToo = null,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ForFamiliesAsync(db, studentIds, notice, studentsToo, ct);
    }

    /// <summary>
    /// A title built from a service's texts: stored once and read by everyone, so written in French, the académie's
    /// language, whatever the writer's own (<c>() =&gt; GradeMessages.FormatNotice_Marks(subject, title)</c>); dates
    /// and numbers inside are French too.
    /// </summary>
    public static string Stored(Func<string> text)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (French, French);
        try
        {
            return text();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}

/// <summary>
/// What a family is told about their child (<see cref="NotificationService.ForFamiliesAsync(EnoeDbContext,
/// IReadOnlyCollection{int}, FamilyNotice, Expression{Func{Person, bool}}?, CancellationToken)"/>): the same kind,
/// title, link, source and moment for every recipient.
/// </summary>
/// <param name="VisibleAt">When it reaches them (the quiet window's end, the parents' delay).</param>
public sealed record FamilyNotice(
    int SchoolId,
    NotificationKind Kind,
    string Title,
    string Link,
    string Source,
    DateTime VisibleAt
)
{
    /// <summary>When the student themself sees it, if not at <see cref="VisibleAt"/> (marks: before parents).</summary>
    public DateTime? StudentSeesAt { get; init; }

    internal NewNotification To(int recipientId, int? childId, DateTime visibleAt) =>
        new(recipientId, SchoolId, childId, Kind, Title, Link, Source, visibleAt);
}
