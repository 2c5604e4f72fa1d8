namespace Enoe.Data.Storage;

/// <summary>
/// Where the bytes of stored files live, by key: a folder on this machine or a directory several instances mount
/// (<see cref="LocalDirectoryBlobStore"/>), and room for an object store later. Keys are relative names such as
/// <c>3f/3f2a…</c> (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, separated by <c>/</c>), never paths; the metadata
/// and the rights stay in the database (<see cref="FileStore"/>).
/// </summary>
public interface IBlobStore
{
    /// <summary>
    /// Stores all of <paramref name="content"/> under <paramref name="key"/>: nothing is visible under the key until
    /// the last byte is written, and a write that fails (the stream threw, the disk is full) leaves nothing.
    /// </summary>
    Task WriteAsync(string key, Stream content, CancellationToken ct = default);

    /// <summary>
    /// The bytes under <paramref name="key"/>; <see cref="FileNotFoundException"/> when there are none.
    /// </summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>Removes <paramref name="key"/>'s bytes; nothing happens when there are none.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// The keys last written before <paramref name="before"/> (the sweep's candidates), in no order; only those under
    /// the folder <paramref name="under"/> (a key's first part, e.g. <c>exports</c>) when given.
    /// </summary>
    IAsyncEnumerable<string> ListWrittenBeforeAsync(
        DateTime before,
        string? under = null,
        CancellationToken ct = default
    );

    /// <summary>
    /// Removes writes a crash interrupted that started before <paramref name="before"/>; how many.
    /// </summary>
    Task<int> DeleteAbandonedWritesAsync(DateTime before, CancellationToken ct = default);
}
