namespace Enoe.Data.Directory;

/// <summary>
/// The source when no directory is configured (the LDAP reader, registered after it, takes its place): a sync reads
/// nothing, fails as an unreachable directory does, and so never takes anyone for gone.
/// </summary>
internal sealed class NoDirectorySource : IDirectorySource
{
    public IAsyncEnumerable<DirectoryStructureEntry> ReadStructuresAsync(CancellationToken ct = default) =>
        throw new DirectoryUnavailableException("No directory configured (Enoe:Directory:Ldap:Url).");

    public IAsyncEnumerable<IReadOnlyList<DirectoryPersonEntry>> ReadPeopleAsync(CancellationToken ct = default) =>
        throw new DirectoryUnavailableException("No directory configured (Enoe:Directory:Ldap:Url).");
}
