using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.Documents;

/// <summary>Documents in a space: upload, rename, the trash and back, deleting for good, and who may add.</summary>
public sealed partial class DocumentService
{
    /// <summary>Adds files to a folder of a space the person may write in.</summary>
    public async Task<Result<int>> UploadAsync(
        CurrentUser user,
        int spaceId,
        int? folderId,
        IReadOnlyList<FileUpload> uploads,
        CancellationToken ct = default
    )
    {
        if (await SpaceGateAsync(user, spaceId, ct) is { } refused)
            return refused;
        if (uploads.Count == 0)
            return Result.Invalid([DocumentMessages.ChooseAFile]);
        int school;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var check = await WritableFolderAsync(db, user.PersonId, spaceId, folderId, ct);
            if (!check.Succeeded)
                return check;
            school = check.Value;
        }
        return await files.SaveWithFilesAsync(
            user.PersonId,
            school,
            uploads,
            async (db, stored) =>
            {
                var again = await WritableFolderAsync(db, user.PersonId, spaceId, folderId, ct);
                if (!again.Succeeded)
                    return again;
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var file in stored)
                    db.Add(
                        new Document
                        {
                            SpaceId = spaceId,
                            FolderId = folderId,
                            File = file,
                            AddedById = user.PersonId,
                            AddedAt = now,
                        }
                    );
                return Result<int>.Ok(stored.Count);
            },
            ct
        );
    }

    public async Task<Result> RenameAsync(CurrentUser user, int documentId, string name, CancellationToken ct = default)
    {
        if (await DocumentGateAsync(user, documentId, ct) is { } refused)
            return refused;
        name = name.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await Changeable(db, user.PersonId)
            .Where(d => d.Id == documentId)
            .Select(d => d.File!)
            .FirstOrDefaultAsync(ct);
        if (file is null)
            return NotYourDocument;
        var extension = Path.GetExtension(file.Name);
        if (Path.GetExtension(name).Length == 0)
            name += extension; // keep the type when the user drops it
        if (FileNames.Problem(name) is { } problem)
            return Result.Invalid([problem]);
        if (!string.Equals(Path.GetExtension(name), extension, StringComparison.OrdinalIgnoreCase))
            return Result.Invalid([DocumentMessages.FormatKeepExtension(extension)]);
        file.Name = name;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>To the trash (<paramref name="deleted"/>) or back out of it.</summary>
    public async Task<Result> SetDeletedAsync(
        CurrentUser user,
        int documentId,
        bool deleted,
        CancellationToken ct = default
    )
    {
        if (await DocumentGateAsync(user, documentId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var document = await Changeable(db, user.PersonId).FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
            return NotYourDocument;
        document.DeletedAt = deleted ? clock.GetUtcNow().UtcDateTime : null;
        // Restored into a folder deleted meanwhile? Back to the space's root.
        if (!deleted && document.FolderId is int f && !await db.Set<Folder>().AnyAsync(x => x.Id == f, ct))
            document.FolderId = null;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    /// <summary>Deletes documents of the trash for good, with their files (the quota is freed).</summary>
    public async Task<Result<int>> PurgeAsync(
        CurrentUser user,
        int spaceId,
        int? documentId = null,
        CancellationToken ct = default
    )
    {
        if (await SpaceGateAsync(user, spaceId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var manages = await CanManageAsync(db, user.PersonId, spaceId, ct);
        var doomed = await db.Set<Document>()
            .Include(d => d.File)
            .Where(d =>
                d.SpaceId == spaceId
                && d.DeletedAt != null
                && (documentId == null || d.Id == documentId)
                && (manages || d.AddedById == user.PersonId)
            )
            .ToListAsync(ct);
        var blobs = doomed.Select(d => d.File!.BlobId).ToList();
        db.RemoveRange(doomed);
        db.RemoveRange(doomed.Select(d => d.File!));
        await db.SaveChangesAsync(ct);
        await files.DeleteBlobsAsync(blobs);
        return Result<int>.Ok(doomed.Count);
    }

    /// <summary>A teacher of the class or group lets its students add documents to its space, or stops them.</summary>
    public async Task<Result> SetStudentsMayWriteAsync(
        CurrentUser user,
        int spaceId,
        bool allowed,
        CancellationToken ct = default
    )
    {
        if (await SpaceGateAsync(user, spaceId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var space = await db.Set<DocumentSpace>().FirstOrDefaultAsync(s => s.Id == spaceId && s.OwnerId == null, ct);
        if (space is null || !await CanManageAsync(db, user.PersonId, spaceId, ct))
            return Result.Forbidden(DocumentMessages.OnlyTeachersSetSpace);
        space.StudentsMayWrite = allowed;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
