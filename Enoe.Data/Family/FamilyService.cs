using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Family;

/// <summary>
/// What is new for one child, as their parent sees it. A count is null where the child's établissement
/// does not run the service.
/// </summary>
public sealed record ChildSummary(ChildRef Child, int? HomeworkDue, int? NewGrades, int? UnreadMemos);

/// <summary>
/// "Tous mes enfants": for a parent of several children, possibly in several établissements, what
/// each child has coming or new, in one round trip. Only the parent's own children are ever read.
/// </summary>
public sealed class FamilyService(IDbContextFactory<EnoeDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Homework due from today to this many days ahead, not ticked done by the child.</summary>
    public const int HomeworkDays = 7;

    /// <summary>Grades published in the last this many days.</summary>
    public const int NewGradeDays = 7;

    public async Task<IReadOnlyList<ChildSummary>> SummaryAsync(CurrentUser parent, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(now));
        var until = today.AddDays(HomeworkDays);
        var since = now.AddDays(-NewGradeDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
            from g in db.Guardianships
            where g.ParentId == parent.PersonId
            join e in db.Enrolments on g.StudentId equals e.StudentId
            let school = e.SchoolClass!.School!
            orderby g.Student!.FirstName
            select new
            {
                g.StudentId,
                Name = g.Student!.FirstName + " " + g.Student.LastName,
                school.Id,
                SchoolName = school.Name,
                ClassName = e.SchoolClass!.Name,
                Closed = school.ClosedServices.Select(c => c.ServiceKey).ToList(),
                Homework = db.LogbookEntries.Count(l =>
                    l.DeletedAt == null
                    && l.Homework != null
                    && (l.HomeworkVisibleAt == null || l.HomeworkVisibleAt <= now)
                    && l.HomeworkDueDate >= today
                    && l.HomeworkDueDate <= until
                    // The class's homework through the établissement's due dates, the groups' (of any établissement:
                    // a cité scolaire) through the group's index: tested on each row, the académie's were read.
                    && (
                        (l.SchoolId == school.Id && l.SchoolClassId == e.SchoolClassId)
                        || db.GroupEnrolments.Where(ge => ge.StudentId == g.StudentId)
                            .Select(ge => (int?)ge.TeachingGroupId)
                            .Contains(l.TeachingGroupId)
                    )
                    && !db.Set<HomeworkDone>().Any(d => d.EntryId == l.Id && d.StudentId == g.StudentId)
                ),
                Grades = db.Set<Grade>()
                    .Count(m =>
                        m.StudentId == g.StudentId
                        && m.Assessment!.ParentsSeeAt != null
                        && m.Assessment.ParentsSeeAt <= now
                        && m.Assessment.ParentsSeeAt >= since
                    ),
                // A mémo of the child's établissement concerns them, unless the parent wrote it about another child.
                Memos = db.Set<MemoRecipient>()
                    .Count(r =>
                        r.PersonId == parent.PersonId
                        && r.Folder == MemoFolder.Inbox
                        && r.ReadAt == null
                        && (r.HeldUntil == null || r.HeldUntil <= now)
                        && r.Memo!.SchoolId == school.Id
                        && (r.Memo.AboutChildId == null || r.Memo.AboutChildId == g.StudentId)
                    ),
            }
        )
            .AsNoTracking()
            .ToListAsync(ct);

        static int? If(IReadOnlyList<string> closed, EntService service, int count) =>
            closed.Contains(service.Key) ? null : count;
        return
        [
            .. rows.Select(r => new ChildSummary(
                new ChildRef(r.StudentId, r.Name, r.Id, r.SchoolName, r.ClassName),
                If(r.Closed, EntService.Logbook, r.Homework),
                If(r.Closed, EntService.Grades, r.Grades),
                If(r.Closed, EntService.Memos, r.Memos)
            )),
        ];
    }
}
