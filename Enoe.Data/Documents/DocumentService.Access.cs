using Enoe.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>
/// Who may read, write in or manage a space, and which documents they may change: checked for every object.
/// </summary>
public sealed partial class DocumentService
{
    /// <summary>Every space this person reads, with their rights in it.</summary>
    internal static IQueryable<SpaceAccess> Views(EnoeDbContext db, int me) =>
        from s in db.Set<DocumentSpace>()
        let teaches = db.TeachingAssignments.Any(t =>
            t.TeacherId == me
            && (
                (s.SchoolClassId != null && t.SchoolClassId == s.SchoolClassId)
                || (s.TeachingGroupId != null && t.TeachingGroupId == s.TeachingGroupId)
            )
        )
        let learns = db.Enrolments.Any(e =>
            e.StudentId == me && s.SchoolClassId != null && e.SchoolClassId == s.SchoolClassId
        )
            || db.GroupEnrolments.Any(e =>
                e.StudentId == me && s.TeachingGroupId != null && e.TeachingGroupId == s.TeachingGroupId
            )
        where s.OwnerId == me || teaches || learns
        select new SpaceAccess
        {
            Space = s,
            CanWrite = s.OwnerId == me || teaches || (learns && s.StudentsMayWrite),
            CanManage = s.OwnerId == me || teaches,
        };

    /// <summary>Spaces as this person sees them, named in their language ("Mes documents", "Classe 4eA").</summary>
    private static async Task<List<SpaceView>> ToViewsAsync(IQueryable<SpaceAccess> access, CancellationToken ct)
    {
        var rows = await access
            .Select(v => new
            {
                v.Space.Id,
                Personal = v.Space.OwnerId != null,
                v.Space.SchoolClassId,
                v.Space.TeachingGroupId,
                v.CanWrite,
                v.CanManage,
                v.Space.StudentsMayWrite,
                Class = v.Space.SchoolClass!.Name,
                Group = v.Space.TeachingGroup!.Name,
            })
            .ToListAsync(ct);
        return
        [
            .. rows.Select(v => new SpaceView(
                v.Id,
                v.Personal ? SpaceKind.Personal
                    : v.SchoolClassId != null ? SpaceKind.Class
                    : SpaceKind.Group,
                v.Personal ? DocumentMessages.MyDocuments
                    : v.SchoolClassId != null ? DocumentMessages.FormatClassSpace(v.Class)
                    : DocumentMessages.FormatGroupSpace(v.Group),
                v.CanWrite,
                v.CanManage,
                v.StudentsMayWrite,
                v.SchoolClassId,
                v.TeachingGroupId
            )),
        ];
    }

    private static Task<bool> CanWriteAsync(EnoeDbContext db, int me, int spaceId, CancellationToken ct) =>
        Views(db, me).AnyAsync(v => v.Space.Id == spaceId && v.CanWrite, ct);

    private static Task<bool> CanManageAsync(EnoeDbContext db, int me, int spaceId, CancellationToken ct) =>
        Views(db, me).AnyAsync(v => v.Space.Id == spaceId && v.CanManage, ct);

    private static async Task<Result<int>> WritableFolderAsync(
        EnoeDbContext db,
        int me,
        int spaceId,
        int? folderId,
        CancellationToken ct
    )
    {
        var school = await Views(db, me)
            .Where(v => v.Space.Id == spaceId && v.CanWrite)
            .Select(v => (int?)v.Space.SchoolId)
            .FirstOrDefaultAsync(ct);
        if (school is null)
            return Result.Forbidden(DocumentMessages.CannotAdd);
        if (folderId is int f && !await db.Set<Folder>().AnyAsync(x => x.Id == f && x.SpaceId == spaceId, ct))
            return FolderGone;
        return Result<int>.Ok(school.Value);
    }

    /// <summary>
    /// Documents this person may rename, move, delete or share: the space's manager's, or their own while they may
    /// still write there.
    /// </summary>
    private static IQueryable<Document> Changeable(EnoeDbContext db, int me)
    {
        var views = Views(db, me);
        return db.Set<Document>()
            .Where(d => views.Any(v => v.Space.Id == d.SpaceId && (v.CanManage || (v.CanWrite && d.AddedById == me))));
    }
}

/// <summary>A space and what one person may do in it (an initializer, so EF can filter on it).</summary>
internal sealed class SpaceAccess
{
    public DocumentSpace Space { get; init; } = default!;
    public bool CanWrite { get; init; }
    public bool CanManage { get; init; }
}
