using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>
/// Mes documents, the spaces of classes and groups, sharing and the trash. A personal space is
/// its owner's alone; a class or group space is written by its teachers (and its students when a
/// teacher allows it) and read by its students. Rights are checked here for every object.
/// </summary>
public sealed partial class DocumentService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    FileStore files,
    TimeProvider clock,
    ServiceAccess access
)
{
    public const int FolderNameMax = 120;

    // Refusals are built when they happen, in the reader's language.
    private static Refusal NoSpace => Result.NotFound(DocumentMessages.NoSpace);
    private static Refusal NotYourDocument => Result.NotFound(DocumentMessages.NotYourDocument);
    private static Refusal FolderGone => Result.NotFound(DocumentMessages.FolderGone);

    /// <summary>
    /// This person's spaces in their current établissement, created on first visit: theirs first, then classes and
    /// groups.
    /// </summary>
    public async Task<IReadOnlyList<SpaceView>> SpacesAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.Documents, ct: ct) is not null)
            return [];
        if (user.SchoolId is not int school)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        if (!await db.Memberships.AnyAsync(m => m.PersonId == me && m.SchoolId == school, ct))
            return []; // the cookie's school, checked
        var classes = db
            .Enrolments.Where(e => e.StudentId == me)
            .Select(e => e.SchoolClassId)
            .Union(
                db.TeachingAssignments.Where(t => t.TeacherId == me && t.SchoolClassId != null)
                    .Select(t => t.SchoolClassId!.Value)
            );
        var groups = db
            .GroupEnrolments.Where(e => e.StudentId == me)
            .Select(e => e.TeachingGroupId)
            .Union(
                db.TeachingAssignments.Where(t => t.TeacherId == me && t.TeachingGroupId != null)
                    .Select(t => t.TeachingGroupId!.Value)
            );
        var missingClasses = await db
            .Classes.Where(c =>
                c.SchoolId == school
                && classes.Contains(c.Id)
                && !db.Set<DocumentSpace>().Any(s => s.SchoolClassId == c.Id)
            )
            .Select(c => c.Id)
            .ToListAsync(ct);
        var missingGroups = await db
            .Groups.Where(g =>
                g.SchoolId == school
                && groups.Contains(g.Id)
                && !db.Set<DocumentSpace>().Any(s => s.TeachingGroupId == g.Id)
            )
            .Select(g => g.Id)
            .ToListAsync(ct);
        var hasOwn = await db.Set<DocumentSpace>().AnyAsync(s => s.OwnerId == me && s.SchoolId == school, ct);
        if (!hasOwn || missingClasses.Count > 0 || missingGroups.Count > 0)
        {
            // Under the school's lock, re-read: a second tab, or a colleague, may have created them meanwhile.
            await using var transaction = await db.BeginTurnAsync<Schools.School>(school, ct);
            if (!await db.Set<DocumentSpace>().AnyAsync(s => s.OwnerId == me && s.SchoolId == school, ct))
                db.Add(new DocumentSpace { SchoolId = school, OwnerId = me });
            var made = await db.Set<DocumentSpace>()
                .Where(s =>
                    missingClasses.Contains(s.SchoolClassId ?? 0) || missingGroups.Contains(s.TeachingGroupId ?? 0)
                )
                .Select(s => new { s.SchoolClassId, s.TeachingGroupId })
                .ToListAsync(ct);
            foreach (var c in missingClasses.Where(c => !made.Any(m => m.SchoolClassId == c)))
                db.Add(new DocumentSpace { SchoolId = school, SchoolClassId = c });
            foreach (var g in missingGroups.Where(g => !made.Any(m => m.TeachingGroupId == g)))
                db.Add(new DocumentSpace { SchoolId = school, TeachingGroupId = g });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var spaces = await ToViewsAsync(Views(db, me).Where(v => v.Space.SchoolId == school), ct);
        return
        [
            .. spaces.OrderBy(v => v.Kind != SpaceKind.Personal).ThenBy(v => v.Name, StringComparer.CurrentCulture),
        ];
    }

    /// <summary>
    /// A folder of a space (its root when <paramref name="folderId"/> is null), or the space's trash.
    /// </summary>
    public async Task<Result<SpaceListing>> BrowseAsync(
        CurrentUser user,
        int spaceId,
        int? folderId,
        bool trash = false,
        CancellationToken ct = default
    )
    {
        if (await SpaceGateAsync(user, spaceId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var space = (await ToViewsAsync(Views(db, me).Where(v => v.Space.Id == spaceId), ct)).FirstOrDefault();
        if (space is null)
            return NoSpace;
        // A space's folders are few: one query for all of them, paths built here.
        var all = await db.Set<Folder>()
            .AsNoTracking()
            .Where(x => x.SpaceId == spaceId)
            .ToDictionaryAsync(x => x.Id, ct);
        if (folderId is int current && !all.ContainsKey(current))
            return FolderGone;
        List<FolderView> PathOf(int? id)
        {
            var path = new List<FolderView>();
            for (; id is int f && all.TryGetValue(f, out var folder); id = folder.ParentId)
                path.Insert(0, new FolderView(folder.Id, folder.Name));
            return path;
        }
        var folders = trash
            ? []
            : all
                .Values.Where(x => x.ParentId == folderId)
                .OrderBy(x => x.Name)
                .Select(x => new FolderView(x.Id, x.Name))
                .ToList();
        var everyFolder = all
            .Keys.Select(id => new FolderView(id, string.Join(" / ", PathOf(id).Select(p => p.Name))))
            .OrderBy(f => f.Name)
            .ToList();
        var documents = db.Set<Document>().AsNoTracking().Where(d => d.SpaceId == spaceId);
        documents = trash
            ? documents.Where(d => d.DeletedAt != null && (space.CanManage || d.AddedById == me))
            : documents.Where(d => d.DeletedAt == null && d.FolderId == folderId);
        var rows = await documents
            .OrderBy(d => d.File!.Name)
            .Take(500)
            .Select(d => new DocumentView(
                d.Id,
                d.FileId,
                d.File!.Name,
                d.File.Length,
                d.AddedBy!.FirstName + " " + d.AddedBy.LastName,
                d.AddedAt,
                space.CanManage || (space.CanWrite && d.AddedById == me),
                d.Shares.Count
            ))
            .ToListAsync(ct);
        return Result<SpaceListing>.Ok(new SpaceListing(space, folderId, PathOf(folderId), folders, rows, everyFolder));
    }

    public async Task<Result<int>> CreateFolderAsync(
        CurrentUser user,
        int spaceId,
        int? parentId,
        string name,
        CancellationToken ct = default
    )
    {
        if (await SpaceGateAsync(user, spaceId, ct) is { } refused)
            return refused;
        name = name.Trim();
        if (FolderNameProblem(name) is { } problem)
            return Result.Invalid([problem]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await CanWriteAsync(db, user.PersonId, spaceId, ct))
            return NoSpace;
        if (parentId is int p && !await db.Set<Folder>().AnyAsync(f => f.Id == p && f.SpaceId == spaceId, ct))
            return FolderGone;
        if (await db.Set<Folder>().AnyAsync(f => f.SpaceId == spaceId && f.ParentId == parentId && f.Name == name, ct))
            return Result.Invalid([DocumentMessages.FormatFolderExists(name)]);
        var folder = new Folder
        {
            SpaceId = spaceId,
            ParentId = parentId,
            Name = name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(folder);
        if (!await SavedUnlessDuplicateAsync(db, ct))
            return Result.Invalid([DocumentMessages.FormatFolderExists(name)]);
        return Result<int>.Ok(folder.Id);
    }

    /// <summary>Renames a folder of a space this person manages.</summary>
    public async Task<Result> RenameFolderAsync(
        CurrentUser user,
        int folderId,
        string name,
        CancellationToken ct = default
    )
    {
        if (await FolderGateAsync(user, folderId, ct) is { } refused)
            return refused;
        name = name.Trim();
        if (FolderNameProblem(name) is { } problem)
            return Result.Invalid([problem]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var folder = await db.Set<Folder>().FirstOrDefaultAsync(f => f.Id == folderId, ct);
        if (folder is null || !await CanManageAsync(db, user.PersonId, folder.SpaceId, ct))
            return Result.NotFound(DocumentMessages.CannotRenameFolder);
        if (
            await db.Set<Folder>()
                .AnyAsync(
                    f =>
                        f.SpaceId == folder.SpaceId
                        && f.ParentId == folder.ParentId
                        && f.Name == name
                        && f.Id != folderId,
                    ct
                )
        )
            return Result.Invalid([DocumentMessages.FormatFolderExists(name)]);
        folder.Name = name;
        return await SavedUnlessDuplicateAsync(db, ct)
            ? Result.Ok()
            : Result.Invalid([DocumentMessages.FormatFolderExists(name)]);
    }

    /// <summary>False when a unique index refused the row: someone just gave the same name in the same place.</summary>
    private static async Task<bool> SavedUnlessDuplicateAsync(EnoeDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (Contention.IsDuplicate(e))
        {
            return false;
        }
    }

    /// <summary>Moves a document to another folder of its space (null: the space's root).</summary>
    public async Task<Result> MoveAsync(CurrentUser user, int documentId, int? folderId, CancellationToken ct = default)
    {
        if (await DocumentGateAsync(user, documentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await Changeable(db, user.PersonId).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
            return NotYourDocument;
        if (folderId is int f && !await db.Set<Folder>().AnyAsync(x => x.Id == f && x.SpaceId == document.SpaceId, ct))
            return Result.NotFound(DocumentMessages.FolderNotInSpace);
        document.FolderId = folderId;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>
    /// Removes an empty folder (documents go to the trash one by one, so nothing disappears with a folder).
    /// </summary>
    public async Task<Result> DeleteFolderAsync(CurrentUser user, int folderId, CancellationToken ct = default)
    {
        if (await FolderGateAsync(user, folderId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var folder = await db.Set<Folder>().FirstOrDefaultAsync(f => f.Id == folderId, ct);
        if (folder is null || !await CanManageAsync(db, user.PersonId, folder.SpaceId, ct))
            return Result.NotFound(DocumentMessages.CannotDeleteFolder);
        if (
            await db.Set<Folder>().AnyAsync(f => f.ParentId == folderId, ct)
            || await db.Set<Document>().AnyAsync(d => d.FolderId == folderId, ct)
        )
            return Result.Invalid([DocumentMessages.FolderNotEmpty]);
        db.Remove(folder);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    public static string? FolderNameProblem(string name) =>
        name.Length == 0 ? DocumentMessages.FolderNameRequired
        : name.Length > FolderNameMax ? DocumentMessages.FormatFolderNameTooLong(FolderNameMax)
        : FileNames.Problem(name) is not null ? DocumentMessages.FolderNameInvalid
        : null;
}
