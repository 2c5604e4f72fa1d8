using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>
/// Mes documents, the spaces of classes and groups, sharing and the trash. A personal space is
/// its owner's alone; a class or group space is written by its teachers (and its students when a
/// teacher allows it) and read by its students. Rights are checked here for every object.
/// </summary>
public sealed class DocumentService(IDbContextFactory<EnoeDbContext> dbFactory, FileStore files, TimeProvider clock)
{
    public const int FolderNameMax = 120;
    // Refusals are built when they happen, in the reader's language.
    private static Refusal NoSpace => Result.NotFound(DocumentMessages.NoSpace);
    private static Refusal NotYourDocument => Result.NotFound(DocumentMessages.NotYourDocument);
    private static Refusal FolderGone => Result.NotFound(DocumentMessages.FolderGone);

    /// <summary>This person's spaces in their current établissement, created on first visit: theirs first, then classes and groups.</summary>
    public async Task<IReadOnlyList<SpaceView>> SpacesAsync(CurrentUser user, CancellationToken ct = default)
    {
        if (user.SchoolId is not int school) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        if (!await db.Memberships.AnyAsync(m => m.PersonId == me && m.SchoolId == school, ct)) return []; // the cookie's school, checked
        var classes = db.Enrolments.Where(e => e.StudentId == me).Select(e => e.SchoolClassId)
            .Union(db.TeachingAssignments.Where(t => t.TeacherId == me && t.SchoolClassId != null).Select(t => t.SchoolClassId!.Value));
        var groups = db.GroupEnrolments.Where(e => e.StudentId == me).Select(e => e.TeachingGroupId)
            .Union(db.TeachingAssignments.Where(t => t.TeacherId == me && t.TeachingGroupId != null).Select(t => t.TeachingGroupId!.Value));
        var missingClasses = await db.Classes.Where(c => c.SchoolId == school && classes.Contains(c.Id) && !db.Set<DocumentSpace>().Any(s => s.SchoolClassId == c.Id)).Select(c => c.Id).ToListAsync(ct);
        var missingGroups = await db.Groups.Where(g => g.SchoolId == school && groups.Contains(g.Id) && !db.Set<DocumentSpace>().Any(s => s.TeachingGroupId == g.Id)).Select(g => g.Id).ToListAsync(ct);
        var hasOwn = await db.Set<DocumentSpace>().AnyAsync(s => s.OwnerId == me && s.SchoolId == school, ct);
        if (!hasOwn || missingClasses.Count > 0 || missingGroups.Count > 0)
        {
            // Under the write lock, re-read: a second tab may have created them meanwhile.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Set<DocumentSpace>().AnyAsync(s => s.OwnerId == me && s.SchoolId == school, ct))
                db.Add(new DocumentSpace { SchoolId = school, OwnerId = me });
            var made = await db.Set<DocumentSpace>().Where(s => missingClasses.Contains(s.SchoolClassId ?? 0) || missingGroups.Contains(s.TeachingGroupId ?? 0))
                .Select(s => new { s.SchoolClassId, s.TeachingGroupId }).ToListAsync(ct);
            foreach (var c in missingClasses.Where(c => !made.Any(m => m.SchoolClassId == c)))
                db.Add(new DocumentSpace { SchoolId = school, SchoolClassId = c });
            foreach (var g in missingGroups.Where(g => !made.Any(m => m.TeachingGroupId == g)))
                db.Add(new DocumentSpace { SchoolId = school, TeachingGroupId = g });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var spaces = await ToViewsAsync(Views(db, me).Where(v => v.Space.SchoolId == school), ct);
        return [.. spaces.OrderBy(v => v.Kind != SpaceKind.Personal).ThenBy(v => v.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>A folder of a space (its root when <paramref name="folderId"/> is null), or the space's trash.</summary>
    public async Task<Result<SpaceListing>> BrowseAsync(CurrentUser user, int spaceId, int? folderId, bool trash = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = user.PersonId;
        var space = (await ToViewsAsync(Views(db, me).Where(v => v.Space.Id == spaceId), ct)).FirstOrDefault();
        if (space is null) return NoSpace;
        // A space's folders are few: one query for all of them, paths built here.
        var all = await db.Set<Folder>().AsNoTracking().Where(x => x.SpaceId == spaceId).ToDictionaryAsync(x => x.Id, ct);
        if (folderId is int current && !all.ContainsKey(current)) return FolderGone;
        List<FolderView> PathOf(int? id)
        {
            var path = new List<FolderView>();
            for (; id is int f && all.TryGetValue(f, out var folder); id = folder.ParentId) path.Insert(0, new FolderView(folder.Id, folder.Name));
            return path;
        }
        var folders = trash ? [] : all.Values.Where(x => x.ParentId == folderId).OrderBy(x => x.Name).Select(x => new FolderView(x.Id, x.Name)).ToList();
        var everyFolder = all.Keys.Select(id => new FolderView(id, string.Join(" / ", PathOf(id).Select(p => p.Name)))).OrderBy(f => f.Name).ToList();
        var documents = db.Set<Document>().AsNoTracking().Where(d => d.SpaceId == spaceId);
        documents = trash
            ? documents.Where(d => d.DeletedAt != null && (space.CanManage || d.AddedById == me))
            : documents.Where(d => d.DeletedAt == null && d.FolderId == folderId);
        var rows = await documents.OrderBy(d => d.File!.Name).Take(500)
            .Select(d => new DocumentView(d.Id, d.FileId, d.File!.Name, d.File.Length, d.AddedBy!.FirstName + " " + d.AddedBy.LastName, d.AddedAt,
                space.CanManage || (space.CanWrite && d.AddedById == me), d.Shares.Count))
            .ToListAsync(ct);
        return Result<SpaceListing>.Ok(new SpaceListing(space, folderId, PathOf(folderId), folders, rows, everyFolder));
    }

    public async Task<Result<int>> CreateFolderAsync(CurrentUser user, int spaceId, int? parentId, string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (FolderNameProblem(name) is { } problem) return Result.Invalid([problem]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await CanWriteAsync(db, user.PersonId, spaceId, ct)) return NoSpace;
        if (parentId is int p && !await db.Set<Folder>().AnyAsync(f => f.Id == p && f.SpaceId == spaceId, ct))
            return FolderGone;
        if (await db.Set<Folder>().AnyAsync(f => f.SpaceId == spaceId && f.ParentId == parentId && f.Name == name, ct))
            return Result.Invalid([DocumentMessages.FormatFolderExists(name)]);
        var folder = new Folder { SpaceId = spaceId, ParentId = parentId, Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(folder);
        await db.SaveChangesAsync(ct);
        return Result<int>.Ok(folder.Id);
    }

    /// <summary>Renames a folder of a space this person manages.</summary>
    public async Task<Result> RenameFolderAsync(CurrentUser user, int folderId, string name, CancellationToken ct = default)
    {
        name = name.Trim();
        if (FolderNameProblem(name) is { } problem) return Result.Invalid([problem]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var folder = await db.Set<Folder>().FirstOrDefaultAsync(f => f.Id == folderId, ct);
        if (folder is null || !await CanManageAsync(db, user.PersonId, folder.SpaceId, ct)) return Result.NotFound(DocumentMessages.CannotRenameFolder);
        if (await db.Set<Folder>().AnyAsync(f => f.SpaceId == folder.SpaceId && f.ParentId == folder.ParentId && f.Name == name && f.Id != folderId, ct))
            return Result.Invalid([DocumentMessages.FormatFolderExists(name)]);
        folder.Name = name;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Moves a document to another folder of its space (null: the space's root).</summary>
    public async Task<Result> MoveAsync(CurrentUser user, int documentId, int? folderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await Changeable(db, user.PersonId).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return NotYourDocument;
        if (folderId is int f && !await db.Set<Folder>().AnyAsync(x => x.Id == f && x.SpaceId == document.SpaceId, ct))
            return Result.NotFound(DocumentMessages.FolderNotInSpace);
        document.FolderId = folderId;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Removes an empty folder (documents go to the trash one by one, so nothing disappears with a folder).</summary>
    public async Task<Result> DeleteFolderAsync(CurrentUser user, int folderId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var folder = await db.Set<Folder>().FirstOrDefaultAsync(f => f.Id == folderId, ct);
        if (folder is null || !await CanManageAsync(db, user.PersonId, folder.SpaceId, ct)) return Result.NotFound(DocumentMessages.CannotDeleteFolder);
        if (await db.Set<Folder>().AnyAsync(f => f.ParentId == folderId, ct) || await db.Set<Document>().AnyAsync(d => d.FolderId == folderId, ct))
            return Result.Invalid([DocumentMessages.FolderNotEmpty]);
        db.Remove(folder);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Adds files to a folder of a space the person may write in.</summary>
    public async Task<Result<int>> UploadAsync(CurrentUser user, int spaceId, int? folderId, IReadOnlyList<FileUpload> uploads, CancellationToken ct = default)
    {
        if (uploads.Count == 0) return Result.Invalid([DocumentMessages.ChooseAFile]);
        int school;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var check = await WritableFolderAsync(db, user.PersonId, spaceId, folderId, ct);
            if (!check.Succeeded) return check;
            school = check.Value;
        }
        return await files.SaveWithFilesAsync(user.PersonId, school, uploads, async (db, stored) =>
        {
            var again = await WritableFolderAsync(db, user.PersonId, spaceId, folderId, ct);
            if (!again.Succeeded) return again;
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var file in stored)
                db.Add(new Document { SpaceId = spaceId, FolderId = folderId, File = file, AddedById = user.PersonId, AddedAt = now });
            return Result<int>.Ok(stored.Count);
        }, ct);
    }

    public async Task<Result> RenameAsync(CurrentUser user, int documentId, string name, CancellationToken ct = default)
    {
        name = name.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await Changeable(db, user.PersonId).Where(d => d.Id == documentId).Select(d => d.File!).FirstOrDefaultAsync(ct);
        if (file is null) return NotYourDocument;
        var extension = Path.GetExtension(file.Name);
        if (Path.GetExtension(name).Length == 0) name += extension; // keep the type when the user drops it
        if (FileNames.Problem(name) is { } problem) return Result.Invalid([problem]);
        if (!string.Equals(Path.GetExtension(name), extension, StringComparison.OrdinalIgnoreCase))
            return Result.Invalid([DocumentMessages.FormatKeepExtension(extension)]);
        file.Name = name;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>To the trash (<paramref name="deleted"/>) or back out of it.</summary>
    public async Task<Result> SetDeletedAsync(CurrentUser user, int documentId, bool deleted, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await Changeable(db, user.PersonId).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null) return NotYourDocument;
        document.DeletedAt = deleted ? clock.GetUtcNow().UtcDateTime : null;
        // Restored into a folder deleted meanwhile? Back to the space's root.
        if (!deleted && document.FolderId is int f && !await db.Set<Folder>().AnyAsync(x => x.Id == f, ct)) document.FolderId = null;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Deletes documents of the trash for good, with their files (the quota is freed).</summary>
    public async Task<Result<int>> PurgeAsync(CurrentUser user, int spaceId, int? documentId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var manages = await CanManageAsync(db, user.PersonId, spaceId, ct);
        var doomed = await db.Set<Document>().Include(d => d.File)
            .Where(d => d.SpaceId == spaceId && d.DeletedAt != null && (documentId == null || d.Id == documentId) && (manages || d.AddedById == user.PersonId))
            .ToListAsync(ct);
        var blobs = doomed.Select(d => d.File!.BlobId).ToList();
        db.RemoveRange(doomed);
        db.RemoveRange(doomed.Select(d => d.File!));
        await db.SaveChangesAsync(ct);
        files.DeleteBlobs(blobs);
        return Result<int>.Ok(doomed.Count);
    }

    /// <summary>A teacher of the class or group lets its students add documents to its space, or stops them.</summary>
    public async Task<Result> SetStudentsMayWriteAsync(CurrentUser user, int spaceId, bool allowed, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var space = await db.Set<DocumentSpace>().FirstOrDefaultAsync(s => s.Id == spaceId && s.OwnerId == null, ct);
        if (space is null || !await CanManageAsync(db, user.PersonId, spaceId, ct)) return Result.Forbidden(DocumentMessages.OnlyTeachersSetSpace);
        space.StudentsMayWrite = allowed;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Shares a document read-only with a person, class or group of the same établissement.</summary>
    public async Task<Result> ShareAsync(CurrentUser user, int documentId, ShareTarget target, CancellationToken ct = default)
    {
        var targets = (target.PersonId is null ? 0 : 1) + (target.SchoolClassId is null ? 0 : 1) + (target.TeachingGroupId is null ? 0 : 1);
        if (targets != 1) return Result.Invalid([DocumentMessages.ChooseShareTarget]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var school = await Changeable(db, user.PersonId).Where(d => d.Id == documentId).Select(d => (int?)d.Space!.SchoolId).FirstOrDefaultAsync(ct);
        if (school is null) return NotYourDocument;
        var sameSchool = target switch
        {
            { PersonId: int p } => await db.Memberships.AnyAsync(m => m.PersonId == p && m.SchoolId == school, ct),
            { SchoolClassId: int c } => await db.Classes.AnyAsync(x => x.Id == c && x.SchoolId == school, ct),
            _ => await db.Groups.AnyAsync(x => x.Id == target.TeachingGroupId && x.SchoolId == school, ct),
        };
        if (!sameSchool) return Result.Invalid([DocumentMessages.ShareWithinSchool]);
        var exists = await db.Set<DocumentShare>().AnyAsync(s => s.DocumentId == documentId && s.PersonId == target.PersonId
            && s.SchoolClassId == target.SchoolClassId && s.TeachingGroupId == target.TeachingGroupId, ct);
        if (!exists)
        {
            db.Add(new DocumentShare { DocumentId = documentId, PersonId = target.PersonId, SchoolClassId = target.SchoolClassId, TeachingGroupId = target.TeachingGroupId, SharedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return Result.Ok();
    }

    /// <summary>Who a document is shared with, by name, for its owner.</summary>
    public async Task<Result<IReadOnlyList<(int ShareId, string With)>>> SharesAsync(CurrentUser user, int documentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Changeable(db, user.PersonId).AnyAsync(d => d.Id == documentId, ct)) return NotYourDocument;
        var rows = await db.Set<DocumentShare>().Where(s => s.DocumentId == documentId)
            .Select(s => new { s.Id, Person = s.Person != null ? s.Person.FirstName + " " + s.Person.LastName : null, Class = s.SchoolClass!.Name, Group = s.TeachingGroup!.Name })
            .ToListAsync(ct);
        return Result<IReadOnlyList<(int, string)>>.Ok([.. rows.Select(r => (r.Id, r.Person ?? (r.Class is not null ? DocumentMessages.FormatClassSpace(r.Class) : DocumentMessages.FormatGroupSpace(r.Group))))]);
    }

    public async Task<Result> UnshareAsync(CurrentUser user, int documentId, int shareId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await Changeable(db, user.PersonId).AnyAsync(d => d.Id == documentId, ct)) return NotYourDocument;
        await db.Set<DocumentShare>().Where(s => s.Id == shareId && s.DocumentId == documentId).ExecuteDeleteAsync(ct);
        return Result.Ok();
    }

    /// <summary>Documents others shared with this person in their current établissement, directly or through their classes and groups.</summary>
    public async Task<IReadOnlyList<SharedDocumentView>> SharedWithMeAsync(CurrentUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SharedWith(db, user.PersonId).Where(s => s.Document!.DeletedAt == null && s.Document.Space!.SchoolId == user.SchoolId)
            .OrderByDescending(s => s.SharedAt).Take(200)
            .Select(s => new SharedDocumentView(s.DocumentId, s.Document!.FileId, s.Document.File!.Name, s.Document.File.Length,
                s.Document.AddedBy!.FirstName + " " + s.Document.AddedBy.LastName, s.SharedAt))
            .AsNoTracking().ToListAsync(ct);
    }

    public static string? FolderNameProblem(string name) =>
        name.Length == 0 ? DocumentMessages.FolderNameRequired
        : name.Length > FolderNameMax ? DocumentMessages.FormatFolderNameTooLong(FolderNameMax)
        : FileNames.Problem(name) is not null ? DocumentMessages.FolderNameInvalid
        : null;

    internal static IQueryable<DocumentShare> SharedWith(EnoeDbContext db, int me) =>
        db.Set<DocumentShare>().Where(s => s.PersonId == me
            || (s.SchoolClassId != null && db.Enrolments.Any(e => e.StudentId == me && e.SchoolClassId == s.SchoolClassId))
            || (s.TeachingGroupId != null && db.GroupEnrolments.Any(e => e.StudentId == me && e.TeachingGroupId == s.TeachingGroupId)));

    /// <summary>Every space this person reads, with their rights in it.</summary>
    internal static IQueryable<SpaceAccess> Views(EnoeDbContext db, int me) =>
        from s in db.Set<DocumentSpace>()
        let teaches = db.TeachingAssignments.Any(t => t.TeacherId == me
            && ((s.SchoolClassId != null && t.SchoolClassId == s.SchoolClassId) || (s.TeachingGroupId != null && t.TeachingGroupId == s.TeachingGroupId)))
        let learns = db.Enrolments.Any(e => e.StudentId == me && s.SchoolClassId != null && e.SchoolClassId == s.SchoolClassId)
            || db.GroupEnrolments.Any(e => e.StudentId == me && s.TeachingGroupId != null && e.TeachingGroupId == s.TeachingGroupId)
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
        var rows = await access.Select(v => new
        {
            v.Space.Id, Personal = v.Space.OwnerId != null, v.Space.SchoolClassId, v.Space.TeachingGroupId, v.CanWrite, v.CanManage, v.Space.StudentsMayWrite,
            Class = v.Space.SchoolClass!.Name, Group = v.Space.TeachingGroup!.Name,
        }).ToListAsync(ct);
        return [.. rows.Select(v => new SpaceView(v.Id,
            v.Personal ? SpaceKind.Personal : v.SchoolClassId != null ? SpaceKind.Class : SpaceKind.Group,
            v.Personal ? DocumentMessages.MyDocuments : v.SchoolClassId != null ? DocumentMessages.FormatClassSpace(v.Class) : DocumentMessages.FormatGroupSpace(v.Group),
            v.CanWrite, v.CanManage, v.StudentsMayWrite, v.SchoolClassId, v.TeachingGroupId))];
    }

    private static Task<bool> CanWriteAsync(EnoeDbContext db, int me, int spaceId, CancellationToken ct) =>
        Views(db, me).AnyAsync(v => v.Space.Id == spaceId && v.CanWrite, ct);

    private static Task<bool> CanManageAsync(EnoeDbContext db, int me, int spaceId, CancellationToken ct) =>
        Views(db, me).AnyAsync(v => v.Space.Id == spaceId && v.CanManage, ct);

    private static async Task<Result<int>> WritableFolderAsync(EnoeDbContext db, int me, int spaceId, int? folderId, CancellationToken ct)
    {
        var school = await Views(db, me).Where(v => v.Space.Id == spaceId && v.CanWrite).Select(v => (int?)v.Space.SchoolId).FirstOrDefaultAsync(ct);
        if (school is null) return Result.Forbidden(DocumentMessages.CannotAdd);
        if (folderId is int f && !await db.Set<Folder>().AnyAsync(x => x.Id == f && x.SpaceId == spaceId, ct))
            return FolderGone;
        return Result<int>.Ok(school.Value);
    }

    /// <summary>Documents this person may rename, move, delete or share: the space's manager's, or their own while they may still write there.</summary>
    private static IQueryable<Document> Changeable(EnoeDbContext db, int me)
    {
        var views = Views(db, me);
        return db.Set<Document>().Where(d => views.Any(v => v.Space.Id == d.SpaceId && (v.CanManage || (v.CanWrite && d.AddedById == me))));
    }
}

/// <summary>A space and what one person may do in it (an initializer, so EF can filter on it).</summary>
internal sealed class SpaceAccess
{
    public DocumentSpace Space { get; init; } = default!;
    public bool CanWrite { get; init; }
    public bool CanManage { get; init; }
}

/// <summary>Who reads a document's file: readers of its space (the trash only for who may restore it), and those it is shared with.</summary>
public sealed class DocumentFileRule : IFileReadRule
{
    public Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct)
    {
        var views = DocumentService.Views(db, personId);
        var shared = DocumentService.SharedWith(db, personId);
        return db.Set<Document>().AnyAsync(d => d.FileId == fileId
            && (views.Any(v => v.Space.Id == d.SpaceId && (d.DeletedAt == null || v.CanManage || d.AddedById == personId))
                || (d.DeletedAt == null && shared.Any(s => s.DocumentId == d.Id))), ct);
    }
}
