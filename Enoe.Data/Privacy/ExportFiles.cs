using Enoe.Data.Storage;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Privacy;

/// <summary>
/// Where export zips live: in the file store's root, <c>exports/</c>, written in its <c>tmp/</c> first and moved in
/// whole (a crash leaves a temporary file the store's sweep removes, never half a zip to download).
/// </summary>
public sealed class ExportFiles(IOptions<StorageOptions> options)
{
    public string Folder => Path.Combine(options.Value.Root, "exports");
    public string TempFolder => Path.Combine(options.Value.Root, "tmp");

    /// <summary>The zip of a key; keys are made here (a Guid), never taken from a request.</summary>
    public string PathOf(string key) => Path.Combine(Folder, Path.GetFileName(key));

    public static string NewKey() => Guid.NewGuid().ToString("N") + ".zip";

    public void Delete(string? key)
    {
        if (key is not null && File.Exists(PathOf(key)))
            File.Delete(PathOf(key));
    }

    /// <summary>Zips in the folder no ready export points to (a deleted person's), older than an hour.</summary>
    public IEnumerable<string> Orphans(IReadOnlySet<string> keep) =>
        System.IO.Directory.Exists(Folder)
            ? System
                .IO.Directory.EnumerateFiles(Folder)
                .Where(f =>
                    !keep.Contains(Path.GetFileName(f)) && File.GetLastWriteTimeUtc(f) < DateTime.UtcNow.AddHours(-1)
                )
                .Select(Path.GetFileName)
                .OfType<string>()
            : [];
}
