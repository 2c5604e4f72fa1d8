using System.Runtime.CompilerServices;
using Enoe.Data.Directory;

namespace Enoe.Tests.Support.TestDirectory;

/// <summary>
/// A <see cref="SampleDirectory"/> read straight from the generator, page by page, without LDAP: for benches and
/// tests that measure the sync alone. What <c>LdapDirectory</c> reads from the test slapd is the same records.
/// </summary>
public sealed class SampleDirectorySource(SampleDirectory sample, int pageSize = 500) : IDirectorySource
{
    public async IAsyncEnumerable<DirectoryStructureEntry> ReadStructuresAsync(
        [EnumeratorCancellation] CancellationToken ct = default
    )
    {
        foreach (var structure in sample.Structures)
            yield return structure;
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<IReadOnlyList<DirectoryPersonEntry>> ReadPeopleAsync(
        [EnumeratorCancellation] CancellationToken ct = default
    )
    {
        foreach (var page in sample.People.Chunk(pageSize))
        {
            ct.ThrowIfCancellationRequested();
            yield return page;
        }
        await Task.CompletedTask;
    }
}
