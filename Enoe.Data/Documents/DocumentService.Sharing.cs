using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>
/// Sharing a document read-only with a person, class or group, and what others shared with this person.
/// </summary>
public sealed partial class DocumentService
{
    /// <summary>Shares a document read-only with a person, class or group of the same établissement.</summary>
    public async Task<Result> ShareAsync(
        CurrentUser user,
        int documentId,
        ShareTarget target,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Documents, ct: ct) is { } refused)
            return refused;
        var targets =
            (target.PersonId is null ? 0 : 1)
            + (target.SchoolClassId is null ? 0 : 1)
            + (target.TeachingGroupId is null ? 0 : 1);
        if (targets != 1)
            return Result.Invalid([DocumentMessages.ChooseShareTarget]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var school = await Changeable(db, user.PersonId)
            .Where(d => d.Id == documentId)
            .Select(d => (int?)d.Space!.SchoolId)
            .FirstOrDefaultAsync(ct);
        if (school is null)
            return NotYourDocument;
        var sameSchool = target switch
        {
            { PersonId: int p } => await db.Memberships.AnyAsync(m => m.PersonId == p && m.SchoolId == school, ct),
            { SchoolClassId: int c } => await db.Classes.AnyAsync(x => x.Id == c && x.SchoolId == school, ct),
            _ => await db.Groups.AnyAsync(x => x.Id == target.TeachingGroupId && x.SchoolId == school, ct),
        };
        if (!sameSchool)
            return Result.Invalid([DocumentMessages.ShareWithinSchool]);
        // Under the document's lock: the same share asked twice at once is stored once.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockAsync<Document>(documentId, ct);
        var exists = await db.Set<DocumentShare>()
            .AnyAsync(
                s =>
                    s.DocumentId == documentId
                    && s.PersonId == target.PersonId
                    && s.SchoolClassId == target.SchoolClassId
                    && s.TeachingGroupId == target.TeachingGroupId,
                ct
            );
        if (!exists)
        {
            db.Add(
                new DocumentShare
                {
                    DocumentId = documentId,
                    PersonId = target.PersonId,
                    SchoolClassId = target.SchoolClassId,
                    TeachingGroupId = target.TeachingGroupId,
                    SharedAt = clock.GetUtcNow().UtcDateTime,
                }
            );
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    /// <summary>Who a document is shared with, by name, for its owner.</summary>
    public async Task<Result<IReadOnlyList<(int ShareId, string With)>>> SharesAsync(
        CurrentUser user,
        int documentId,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Documents, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Changeable(db, user.PersonId).AnyAsync(d => d.Id == documentId, ct))
            return NotYourDocument;
        var rows = await db.Set<DocumentShare>()
            .Where(s => s.DocumentId == documentId)
            .Select(s => new
            {
                s.Id,
                Person = s.Person != null ? s.Person.FirstName + " " + s.Person.LastName : null,
                Class = s.SchoolClass!.Name,
                Group = s.TeachingGroup!.Name,
            })
            .ToListAsync(ct);
        return Result<IReadOnlyList<(int, string)>>.Ok([
            .. rows.Select(r =>
                (
                    r.Id,
                    r.Person
                        ?? (
                            r.Class is not null
                                ? DocumentMessages.FormatClassSpace(r.Class)
                                : DocumentMessages.FormatGroupSpace(r.Group)
                        )
                )
            ),
        ]);
    }

    public async Task<Result> UnshareAsync(
        CurrentUser user,
        int documentId,
        int shareId,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Documents, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Changeable(db, user.PersonId).AnyAsync(d => d.Id == documentId, ct))
            return NotYourDocument;
        await db.Set<DocumentShare>().Where(s => s.Id == shareId && s.DocumentId == documentId).ExecuteDeleteAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// Documents others shared with this person in their current établissement, directly or through their classes and
    /// groups.
    /// </summary>
    public async Task<IReadOnlyList<SharedDocumentView>> SharedWithMeAsync(
        CurrentUser user,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.Documents, ct: ct) is not null)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SharedWith(db, user.PersonId)
            .Where(s => s.Document!.DeletedAt == null && s.Document.Space!.SchoolId == user.SchoolId)
            .OrderByDescending(s => s.SharedAt)
            .Take(200)
            .Select(s => new SharedDocumentView(
                s.DocumentId,
                s.Document!.FileId,
                s.Document.File!.Name,
                s.Document.File.Length,
                s.Document.AddedBy!.FirstName + " " + s.Document.AddedBy.LastName,
                s.SharedAt
            ))
            .AsNoTracking()
            .ToListAsync(ct);
    }

    internal static IQueryable<DocumentShare> SharedWith(EnoeDbContext db, int me) =>
        db.Set<DocumentShare>()
            .Where(s =>
                s.PersonId == me
                || (
                    s.SchoolClassId != null
                    && db.Enrolments.Any(e => e.StudentId == me && e.SchoolClassId == s.SchoolClassId)
                )
                || (
                    s.TeachingGroupId != null
                    && db.GroupEnrolments.Any(e => e.StudentId == me && e.TeachingGroupId == s.TeachingGroupId)
                )
            );
}
