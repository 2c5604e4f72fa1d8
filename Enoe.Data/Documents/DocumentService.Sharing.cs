using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Memos;
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
        if (await DocumentGateAsync(user, documentId, ct) is { } refused)
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
        var label = await TargetLabelAsync(db, school.Value, target, ct);
        if (label is null)
            return Result.Invalid([DocumentMessages.ShareWithinSchool]);
        // Sharing reaches whom a mémo would reach, under the same rules of the établissement.
        if (await Reach.SenderAsync(db, user.PersonId, school.Value, ct) is not { } sharer)
            return Result.Forbidden();
        var address = target switch
        {
            { PersonId: int p } => new MemoAddress(AudienceKind.Person, p, label),
            { SchoolClassId: int c } => new MemoAddress(AudienceKind.ClassStudents, c, label),
            _ => new MemoAddress(AudienceKind.GroupStudents, target.TeachingGroupId!.Value, label),
        };
        var people = Reach.Expand(db, school.Value, address);
        var isPerson = address.Kind == AudienceKind.Person;
        if (!isPerson && !await people.AnyAsync(ct))
            return Result.Invalid([DocumentMessages.FormatShare_AudienceEmpty(label)]);
        if (await Reach.BlockedAsync(db, sharer, people, ct) is { } no)
            return Result.Forbidden(
                isPerson
                    ? DocumentMessages.FormatShare_PersonNotAllowed(label, no.ForSender(audience: false))
                    : DocumentMessages.FormatShare_AudienceNotAllowed(label, no.ForSender(audience: true))
            );
        // Under the document's lock: the same share asked twice at once is stored once.
        await using var transaction = await db.BeginTurnAsync<Document>(documentId, ct);
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

    /// <summary>What a share target is called, or null when it is not of the établissement.</summary>
    private static async Task<string?> TargetLabelAsync(
        EnoeDbContext db,
        int school,
        ShareTarget target,
        CancellationToken ct
    ) =>
        target switch
        {
            { PersonId: int p } => await db
                .Memberships.Where(m => m.PersonId == p && m.SchoolId == school)
                .Select(m => m.Person!.FirstName + " " + m.Person.LastName)
                .FirstOrDefaultAsync(ct),
            { SchoolClassId: int c } => await db
                .Classes.Where(x => x.Id == c && x.SchoolId == school)
                .Select(x => DocumentMessages.FormatClassSpace(x.Name))
                .FirstOrDefaultAsync(ct),
            _ => await db
                .Groups.Where(x => x.Id == target.TeachingGroupId && x.SchoolId == school)
                .Select(x => DocumentMessages.FormatGroupSpace(x.Name))
                .FirstOrDefaultAsync(ct),
        };

    /// <summary>Who a document is shared with, by name, for its owner.</summary>
    public async Task<Result<IReadOnlyList<(int ShareId, string With)>>> SharesAsync(
        CurrentUser user,
        int documentId,
        CancellationToken ct = default
    )
    {
        if (await DocumentGateAsync(user, documentId, ct) is { } refused)
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
        if (await DocumentGateAsync(user, documentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Changeable(db, user.PersonId).AnyAsync(d => d.Id == documentId, ct))
            return NotYourDocument;
        await db.Set<DocumentShare>().Where(s => s.Id == shareId && s.DocumentId == documentId).ExecuteDeleteAsync(ct);
        return Result.Ok();
    }

    private const int SharedPageSize = 200,
        SharedPageRounds = 10;

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
        var candidates = SharedWith(db, user.PersonId)
            .Where(s => s.Document!.DeletedAt == null && s.Document.Space!.SchoolId == user.SchoolId)
            .OrderByDescending(s => s.SharedAt)
            .ThenByDescending(s => s.Id); // a stable order from one page of candidates to the next
        var page = new List<SharedDocumentView>();
        // Shares no longer allowed are dropped after reading (StillSharedAsync): read on until the page is full, within
        // a bound, so that a page is not cut short by old shares nor read forever.
        for (var round = 0; round < SharedPageRounds && page.Count < SharedPageSize; round++)
        {
            var rows = await candidates
                .Skip(round * SharedPageSize)
                .Take(SharedPageSize)
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
            var ids = rows.Select(r => r.Id).Distinct().ToList();
            var kept = await StillSharedAsync(
                db,
                user.PersonId,
                db.Set<Document>().Where(d => ids.Contains(d.Id)).Select(d => d.Id),
                ct
            );
            page.AddRange(rows.Where(r => kept.Contains(r.Id)).Take(SharedPageSize - page.Count));
            if (rows.Count < SharedPageSize)
                break;
        }
        return page;
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
