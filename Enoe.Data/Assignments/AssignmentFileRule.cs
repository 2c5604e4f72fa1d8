using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Assignments;

/// <summary>
/// Who reads a devoir's files: its subject, everyone it is set to (and their parents) and its
/// teachers; a submission and its return, the student, their parents and the devoir's teachers.
/// </summary>
public sealed class AssignmentFileRule(TimeProvider clock) : IFileReadRule
{
    public EntService Service => EntService.Documents;

    public async Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var learners = Audiences.Learners(db, personId);
        var subject = db.Set<AssignmentFile>().Where(f => f.FileId == fileId).Select(f => f.AssignmentId);
        if (await subject.AnyAsync(ct))
        {
            var classes = Audiences.Classes(db, personId, learners);
            var groups = Audiences.Groups(db, personId, learners);
            return await db.Set<Assignment>()
                .AnyAsync(
                    a =>
                        subject.Contains(a.Id)
                        && (
                            (a.SchoolClassId != null && classes.Contains(a.SchoolClassId.Value))
                            || (a.TeachingGroupId != null && groups.Contains(a.TeachingGroupId.Value))
                        ),
                    ct
                );
        }
        var handedIn = db.Set<Submission>()
            .Where(s => s.Files.Any(f => f.FileId == fileId))
            .Select(s => new { s.AssignmentId, s.StudentId })
            .Concat(
                db.Set<SubmissionReturn>()
                    .Where(r => r.FileId == fileId)
                    .Select(r => new { r.AssignmentId, r.StudentId })
            );
        var managed = AssignmentService.Managed(db, personId).Select(a => a.Id);
        return await handedIn.AnyAsync(c => learners.Contains(c.StudentId) || managed.Contains(c.AssignmentId), ct);
    }

    /// <summary>A copy handed in, downloaded by anyone but its student's family, goes into the access log.</summary>
    public async Task ReadingAsync(EnoeDbContext db, CurrentUser reader, int fileId, CancellationToken ct) =>
        await Privacy.AccessLog.RecordAsync(
            db,
            clock,
            reader,
            await db.Set<Submission>()
                .Where(s => s.Files.Any(f => f.FileId == fileId))
                .Select(s => s.StudentId)
                .Distinct()
                .ToListAsync(ct),
            Privacy.PersonalDataKind.Submissions,
            ct
        );
}
