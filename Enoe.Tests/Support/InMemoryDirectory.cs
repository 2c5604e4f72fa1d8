using System.Runtime.CompilerServices;
using Enoe.Data.Directory;

namespace Enoe.Tests.Support;

/// <summary>
/// An <see cref="IDirectorySource"/> over lists of raw SDET records, served in pages of <see cref="PageSize"/>; it can
/// fail after some pages, as a directory that goes down mid-read does, or wait on a gate (a run kept under way).
/// </summary>
public sealed class InMemoryDirectory : IDirectorySource
{
    public List<DirectoryStructureEntry> Structures { get; } = [];
    public List<DirectoryPersonEntry> People { get; } = [];
    public int PageSize { get; set; } = 4;

    /// <summary>
    /// Pages served before the read fails with <see cref="DirectoryUnavailableException"/>; null: never.
    /// </summary>
    public int? FailAfterPages { get; set; }

    /// <summary>When set, reading waits for it (to hold a run under way).</summary>
    public Task? Gate { get; set; }

    /// <summary>Completed when a run starts reading.</summary>
    public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async IAsyncEnumerable<DirectoryStructureEntry> ReadStructuresAsync(
        [EnumeratorCancellation] CancellationToken ct = default
    )
    {
        Reading.TrySetResult();
        if (Gate is not null)
            await Gate;
        foreach (var structure in Structures.ToList())
            yield return structure;
    }

    public async IAsyncEnumerable<IReadOnlyList<DirectoryPersonEntry>> ReadPeopleAsync(
        [EnumeratorCancellation] CancellationToken ct = default
    )
    {
        var served = 0;
        foreach (var page in People.ToList().Chunk(PageSize))
        {
            if (served++ == FailAfterPages)
                throw new DirectoryUnavailableException("ldap://test: connection lost");
            await Task.Yield();
            yield return page;
        }
        if (served == FailAfterPages)
            throw new DirectoryUnavailableException("ldap://test: connection lost");
    }

    /// <summary>Replaces the entry with this jointure by <paramref name="change"/>(it).</summary>
    public void Change(string key, Func<DirectoryPersonEntry, DirectoryPersonEntry> change)
    {
        var i = People.FindIndex(p => p.Key == key);
        People[i] = change(People[i]);
    }

    public DirectoryPersonEntry Remove(string key)
    {
        var entry = People.Single(p => p.Key == key);
        People.Remove(entry);
        return entry;
    }
}
