using System.Runtime.CompilerServices;
using Enoe.Data.Storage;

namespace Enoe.Data.Privacy;

/// <summary>
/// Where export zips live: in the blob store (<see cref="IBlobStore"/>), under <c>exports/</c> beside the files'
/// blobs. A zip is built in a temporary file (a <see cref="System.IO.Compression.ZipArchive"/> writes as it goes),
/// then written into the store, which shows it only once whole: never half a zip to download.
/// </summary>
public sealed class ExportFiles(IBlobStore blobs)
{
    private const string Folder = "exports";

    public static string NewKey() => Guid.NewGuid().ToString("N") + ".zip";

    /// <summary>
    /// Builds a zip with <paramref name="write"/> and stores it under <paramref name="key"/>; its size in bytes. The
    /// temporary file goes as soon as it is closed, whatever happened.
    /// </summary>
    public async Task<long> SaveAsync(string key, Func<Stream, Task> write, CancellationToken ct)
    {
        await using var temp = new FileStream(
            Path.Combine(Path.GetTempPath(), "enoe-export-" + key),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            64 * 1024,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose
        );
        await write(temp);
        temp.Position = 0;
        await blobs.WriteAsync(BlobKey(key), temp, ct);
        return temp.Length;
    }

    /// <summary>The zip of a key, or null when the store has none.</summary>
    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default) =>
        await blobs.ExistsAsync(BlobKey(key), ct) ? await blobs.OpenReadAsync(BlobKey(key), ct) : null;

    public async Task DeleteAsync(string? key, CancellationToken ct = default)
    {
        if (key is not null)
            await blobs.DeleteAsync(BlobKey(key), ct);
    }

    /// <summary>Zips in the store no ready export points to (a deleted person's), older than an hour.</summary>
    public async IAsyncEnumerable<string> OrphansAsync(
        IReadOnlySet<string> keep,
        [EnumeratorCancellation] CancellationToken ct = default
    )
    {
        await foreach (var blob in blobs.ListWrittenBeforeAsync(DateTime.UtcNow.AddHours(-1), Folder, ct))
            if (KeyOf(blob) is { } key && !keep.Contains(key))
                yield return key;
    }

    /// <summary>The store's key of a zip; keys are made here (a Guid), never taken from a request.</summary>
    private static string BlobKey(string key) => $"{Folder}/{Path.GetFileName(key)}";

    private static string? KeyOf(string blob) => blob.Split('/') is [Folder, var key] ? key : null;
}
