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
/// Files on the local disk under the data folder, metadata in the database. A write goes to a
/// temporary file first (checked for size and content), is moved into place under a generated id
/// inside the caller's database transaction, and is removed again if that transaction fails: a
/// crash leaves at worst an unreferenced file, which <see cref="SweepAsync"/> deletes.
/// </summary>
public sealed partial class FileStore(
    IDbContextFactory<EnoeDbContext> dbFactory,
    IOptions<StorageOptions> options,
    TimeProvider clock,
    IEnumerable<IFileReadRule> readRules,
    ServiceAccess access,
    ILogger<FileStore> logger
)
{
    private readonly StorageOptions _options = options.Value;
    private string TempFolder => Path.Combine(_options.Root, "tmp");

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
        var kept = new List<StoredFile>();
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
            // Under the owner's lock: two uploads at once cannot both slip under the quota.
            if (staged.Count > 0)
            {
                await db.LockAsync<Person>(ownerId, ct);
                var used = await UsedBytesAsync(db, ownerId, ct);
                if (used + staged.Sum(s => s.Length) > _options.QuotaBytesPerPerson)
                    return QuotaExceeded(used);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var s in staged)
            {
                var file = new StoredFile
                {
                    BlobId = Guid.NewGuid(),
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
            {
                kept.Clear();
                return result;
            }
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < staged.Count; i++)
                staged[i].MoveTo(BlobPath(kept[i].BlobId));
            await transaction.CommitAsync(ct);
            kept.Clear(); // committed: the files are theirs now
            return result;
        }
        finally
        {
            foreach (var file in kept)
                DeleteBlob(file.BlobId); // moved, then the commit failed
            foreach (var s in staged)
                s.Dispose();
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
    ) => await ReadAsync(user, fileId, ct) is { Succeeded: true } read ? (read.Value!, OpenBlob(read.Value!)) : null;

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
    public Stream OpenBlob(StoredFile file) =>
        new FileStream(
            BlobPath(file.BlobId),
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            64 * 1024,
            FileOptions.Asynchronous | FileOptions.SequentialScan
        );

    /// <summary>Removes files whose rows the caller has just deleted (after its commit).</summary>
    public void DeleteBlobs(IEnumerable<Guid> blobIds)
    {
        foreach (var id in blobIds)
            DeleteBlob(id);
    }

    /// <summary>
    /// Run in the background (the host's FileSweepService): temporary files left by a crash, and files no row points to
    /// (older than an hour, so never one being saved).
    /// </summary>
    public async Task SweepAsync(CancellationToken ct = default)
    {
        var cutoff = DateTime.UtcNow.AddHours(-1);
        if (System.IO.Directory.Exists(TempFolder))
            foreach (
                var temp in System
                    .IO.Directory.EnumerateFiles(TempFolder)
                    .Where(f => File.GetLastWriteTimeUtc(f) < cutoff)
            )
                File.Delete(temp);
        if (!System.IO.Directory.Exists(_options.Root))
            return;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = (await db.StoredFiles.Select(f => f.BlobId).ToListAsync(ct)).ToHashSet();
        foreach (
            var folder in System
                .IO.Directory.EnumerateDirectories(_options.Root)
                .Where(d => Path.GetFileName(d).Length == 2)
        )
        foreach (var blob in System.IO.Directory.EnumerateFiles(folder))
            if (
                Guid.TryParse(Path.GetFileName(blob), out var id)
                && !known.Contains(id)
                && File.GetLastWriteTimeUtc(blob) < cutoff
            )
            {
                logger.LogWarning("Deleting unreferenced file {Blob}", id);
                File.Delete(blob);
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

    private string BlobPath(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(_options.Root, name[..2], name);
    }

    private void DeleteBlob(Guid id)
    {
        try
        {
            File.Delete(BlobPath(id));
        }
        catch (IOException ex)
        {
            logger.LogWarning(ex, "Could not delete file {Blob}; the sweep will", id);
        }
    }
}
