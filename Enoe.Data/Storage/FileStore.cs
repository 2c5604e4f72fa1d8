using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Storage;

/// <summary>A file as it arrives from the browser (its stream may report progress to the page).</summary>
public sealed record FileUpload(string Name, long Length, Stream Content);

/// <summary>
/// Who may read a stored file besides its owner: each service that attaches files says so for its own objects.
/// </summary>
public interface IFileReadRule
{
    /// <summary>
    /// The service whose objects hold these files: its gate (switched off, inside-only) applies to them.
    /// </summary>
    EntService Service { get; }

    Task<bool> CanReadAsync(EnoeDbContext db, int personId, int fileId, CancellationToken ct);

    /// <summary>Called once the read is allowed, before the bytes go: a student's copy writes the access log.</summary>
    Task ReadingAsync(EnoeDbContext db, CurrentUser reader, int fileId, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Files' bytes in the blob store (<see cref="IBlobStore"/>: by default a folder under the data folder), metadata in
/// the database. An upload is written under a generated id while it is checked for size and content, then its row is
/// written in the caller's database transaction; the bytes are deleted again if a check or that transaction fails: a
/// crash leaves at worst an unreferenced blob, which <see cref="SweepAsync"/> deletes.
/// </summary>
public sealed partial class FileStore(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IOptions<StorageOptions> options,
    IBlobStore blobs,
    TimeProvider clock,
    IEnumerable<IFileReadRule> readRules,
    ServiceAccess access,
    ILogger<FileStore> logger
)
{
    private readonly StorageOptions _options = options.Value;

    public long MaxFileBytes => _options.MaxFileBytes;

    /// <summary>
    /// Stores <paramref name="uploads"/> for <paramref name="ownerId"/> and runs <paramref name="write"/>
    /// in the same write transaction (it attaches the files to its own rows, after re-checking rights).
    /// Any refusal — a file's name, size, type or the quota, or <paramref name="write"/>'s result —
    /// leaves nothing on disk or in the database.
    /// </summary>
    public async Task<Result<T>> SaveWithFilesAsync<T>(
        int ownerId,
        int schoolId,
        IReadOnlyList<FileUpload> uploads,
        Func<EnoeDbContext, IReadOnlyList<StoredFile>, Task<Result<T>>> write,
        CancellationToken ct = default
    )
    {
        if (uploads.Count > 0)
        {
            var precheck = await CheckUploadsAsync(ownerId, uploads, ct);
            if (!precheck.Succeeded)
                return precheck.Failure;
        }

        var staged = new List<StagedFile>();
        var committed = false;
        try
        {
            foreach (var upload in uploads)
            {
                var one = await StageAsync(upload, ct);
                if (!one.Succeeded)
                    return one.Failure;
                staged.Add(one.Value!);
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A failed save ends the whole write, so EF's savepoints around each SaveChanges (two round trips each,
            // on the sender's clock) would protect nothing.
            db.Database.AutoSavepointsEnabled = false;
            // Under the owner's lock: two uploads at once cannot both slip under the quota.
            if (staged.Count > 0)
            {
                await db.LockAsync<Person>(ownerId, ct);
                var used = await UsedBytesAsync(db, ownerId, ct);
                if (used + staged.Sum(s => s.Length) > _options.QuotaBytesPerPerson)
                    return QuotaExceeded(used);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var kept = new List<StoredFile>();
            foreach (var s in staged)
            {
                var file = new StoredFile
                {
                    BlobId = s.BlobId,
                    SchoolId = schoolId,
                    OwnerId = ownerId,
                    Name = s.Name,
                    ContentType = s.ContentType,
                    Length = s.Length,
                    CreatedAt = now,
                };
                db.Add(file);
                kept.Add(file);
            }
            var result = await write(db, kept);
            if (!result.Succeeded)
                return result;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            committed = true; // the files are theirs now
            return result;
        }
        finally
        {
            if (!committed) // refused, or the write or the commit failed: no row points to these bytes
                foreach (var s in staged)
                    await DeleteBlobAsync(s.BlobId);
        }
    }

    /// <summary>The refusals that need no copying: names, types, declared sizes, quota.</summary>
    public async Task<Result> CheckUploadsAsync(
        int ownerId,
        IReadOnlyList<FileUpload> uploads,
        CancellationToken ct = default
    )
    {
        var errors = new List<string>();
        foreach (var upload in uploads)
        {
            if (FileNames.Problem(upload.Name) is { } problem)
                errors.Add(problem);
            else if (!FileTypes.IsAllowedExtension(upload.Name))
                errors.Add(StorageMessages.FormatTypeNotAccepted(upload.Name, FileTypes.Extensions));
            else if (upload.Length > _options.MaxFileBytes)
                errors.Add(TooLarge(upload.Name));
        }
        if (errors.Count > 0)
            return Result.Invalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var used = await UsedBytesAsync(db, ownerId, ct);
        return used + uploads.Sum(u => u.Length) > _options.QuotaBytesPerPerson ? QuotaExceeded(used) : Result.Ok();
    }

    /// <summary>The space a person's files take, and their quota.</summary>
    public async Task<(long Used, long Quota)> UsageAsync(int personId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await UsedBytesAsync(db, personId, ct), _options.QuotaBytesPerPerson);
    }

    /// <summary>A file for download, when its owner asks or a service's rule lets this person read it.</summary>
    public async Task<(StoredFile File, Stream Content)?> OpenAsync(
        CurrentUser user,
        int fileId,
        CancellationToken ct = default
    ) =>
        await ReadAsync(user, fileId, ct) is { Succeeded: true } read
            ? (read.Value!, await OpenBlobAsync(read.Value!, ct))
            : null;

    /// <summary>
    /// A file this person may download now: through a service that lets them read it and that its établissement runs
    /// for them from where they are (a devoir's copy from home refused when remise de copies is inside-only), or as
    /// its owner when no service holds it. Unknown and unreadable look the same (not found); the service's refusal
    /// says why.
    /// </summary>
    public async Task<Result<StoredFile>> ReadAsync(CurrentUser user, int fileId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.StoredFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null)
            return Result.NotFound();
        Refusal? refused = null;
        foreach (var rule in readRules)
        {
            if (!await rule.CanReadAsync(db, user.PersonId, fileId, ct))
                continue;
            refused = await access.RefusalAsync(user, rule.Service, file.SchoolId, ct);
            if (refused is null)
            {
                await rule.ReadingAsync(db, user, fileId, ct);
                return Result<StoredFile>.Ok(file);
            }
        }
        return refused ?? (file.OwnerId == user.PersonId ? Result<StoredFile>.Ok(file) : Result.NotFound());
    }

    /// <summary>
    /// The bytes of a file whose reader the caller has already checked (e.g. a zip of a teacher's copies).
    /// </summary>
    public Task<Stream> OpenBlobAsync(StoredFile file, CancellationToken ct = default) =>
        blobs.OpenReadAsync(BlobKey(file.BlobId), ct);

    /// <summary>Removes files whose rows the caller has just deleted (after its commit).</summary>
    public async Task DeleteBlobsAsync(IEnumerable<Guid> blobIds)
    {
        foreach (var id in blobIds)
            await DeleteBlobAsync(id);
    }

    /// <summary>
    /// Run in the background (the host's FileSweepService): writes a crash interrupted, and blobs no row points to
    /// (older than an hour, so never one being saved).
    /// </summary>
    public async Task SweepAsync(CancellationToken ct = default)
    {
        var cutoff = DateTime.UtcNow.AddHours(-1);
        await blobs.DeleteAbandonedWritesAsync(cutoff, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = (await db.StoredFiles.Select(f => f.BlobId).ToListAsync(ct)).ToHashSet();
        await foreach (var key in blobs.ListWrittenBeforeAsync(cutoff, ct: ct))
            if (BlobIdOf(key) is { } id && !known.Contains(id))
            {
                logger.LogWarning("Deleting unreferenced file {Blob}", id);
                await blobs.DeleteAsync(key, ct);
            }
    }

    private static Task<long> UsedBytesAsync(EnoeDbContext db, int ownerId, CancellationToken ct) =>
        db.StoredFiles.Where(f => f.OwnerId == ownerId).SumAsync(f => f.Length, ct);

    private Refusal QuotaExceeded(long used) =>
        Result.Invalid([
            StorageMessages.FormatQuotaFull(Sizes.Format(used), Sizes.Format(_options.QuotaBytesPerPerson)),
        ]);

    /// <summary>
    /// "« x.pdf » dépasse la taille maximale de 20 Mo.", in the reader's language (upload boxes say it before sending).
    /// </summary>
    public string TooLarge(string name) => StorageMessages.FormatTooLarge(name, Sizes.Format(_options.MaxFileBytes));

    /// <summary>"3f/3f2a…": a hundred-odd folders rather than one folder of every file.</summary>
    internal static string BlobKey(Guid id)
    {
        var name = id.ToString("N");
        return $"{name[..2]}/{name}";
    }

    /// <summary>The id behind a key this store made; null for another's (the exports' zips share the folder).</summary>
    private static Guid? BlobIdOf(string key) =>
        key.Split('/') is [var folder, var name] && Guid.TryParseExact(name, "N", out var id) && folder.Length == 2
            ? id
            : null;

    private async Task DeleteBlobAsync(Guid id)
    {
        try
        {
            await blobs.DeleteAsync(BlobKey(id));
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete file {Blob}; the sweep will", id);
        }
    }
}
