using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Storage;

/// <summary>
/// Blobs as files under <see cref="StorageOptions.Root"/> (the default): a key is a relative path under it. A write
/// goes to <c>tmp/</c> first, flushed to disk, then is renamed into place, so a reader never sees half a file.
/// Several instances share it by mounting one directory (NFS…) at the same root: a rename within it is atomic.
/// </summary>
public sealed partial class LocalDirectoryBlobStore(IOptions<StorageOptions> options) : IBlobStore
{
    /// <summary>Writes in progress; never a key's first part.</summary>
    public const string TempFolderName = "tmp";

    private readonly string _root = Path.GetFullPath(options.Value.Root);
    private string TempFolder => Path.Combine(_root, TempFolderName);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")]
    private static partial Regex KeyPattern();

    public async Task WriteAsync(string key, Stream content, CancellationToken ct = default)
    {
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(TempFolder);
        var temp = Path.Combine(TempFolder, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            await using (
                var target = new FileStream(
                    temp,
                    FileMode.CreateNew,
                    FileAccess.Write,
                    FileShare.None,
                    1,
                    FileOptions.Asynchronous
                )
            )
            {
                await content.CopyToAsync(target, 81920, ct);
                await target.FlushAsync(ct);
                target.Flush(flushToDisk: true); // on disk before the rename makes it visible
            }
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // moved: nothing there any more
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken ct = default) =>
        Task.FromResult<Stream>(
            new FileStream(
                PathOf(key),
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                64 * 1024,
                FileOptions.Asynchronous | FileOptions.SequentialScan
            )
        );

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) =>
        Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException) { } // its folder was never made: no blob either
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListWrittenBeforeAsync(
        DateTime before,
        string? under = null,
        [EnumeratorCancellation] CancellationToken ct = default
    )
    {
        await Task.Yield(); // a walk through every file: never on the caller's synchronous path
        var folder = under is null ? _root : PathOf(under);
        if (!System.IO.Directory.Exists(folder))
            yield break;
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (IsKey(key) && File.GetLastWriteTimeUtc(file) < before)
                yield return key;
        }
    }

    public Task<int> DeleteAbandonedWritesAsync(DateTime before, CancellationToken ct = default)
    {
        var deleted = 0;
        if (System.IO.Directory.Exists(TempFolder))
            foreach (
                var temp in System
                    .IO.Directory.EnumerateFiles(TempFolder)
                    .Where(f => File.GetLastWriteTimeUtc(f) < before)
            )
            {
                File.Delete(temp);
                deleted++;
            }
        return Task.FromResult(deleted);
    }

    private static bool IsKey(string key) => KeyPattern().IsMatch(key) && key.Split('/')[0] != TempFolderName;

    /// <summary>The key's file under the root; a key that is not a plain relative name is refused.</summary>
    private string PathOf(string key)
    {
        if (!IsKey(key))
            throw new ArgumentException($"Not a blob key: \"{key}\"", nameof(key));
        var path = Path.GetFullPath(Path.Combine(_root, key));
        // The pattern already keeps out "..", rooted paths and back-slashes; this is the last word.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Not a blob key: \"{key}\"", nameof(key));
        return path;
    }
}
