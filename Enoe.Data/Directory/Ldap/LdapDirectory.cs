using System.DirectoryServices.Protocols;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Enoe.Data.Directory.Ldap;

/// <summary>
/// The académie's directory read over LDAP with the service account: établissements, then people page by page with
/// the paged-results control (RFC 2696), so a server size limit below the number of people cuts nothing short. A
/// failure at any point, even after some pages, throws <see cref="DirectoryUnavailableException"/>: never a silent
/// partial result. Callers check <see cref="DirectoryOptions.IsConfigured"/> first; unconfigured, every call throws.
/// </summary>
public sealed partial class LdapDirectory(IOptions<DirectoryOptions> options)
    : IDirectorySource,
        IDirectoryPasswordCheck
{
    private LdapSettings Settings => options.Value.Ldap;

    public async IAsyncEnumerable<DirectoryStructureEntry> ReadStructuresAsync(
        [EnumeratorCancellation] CancellationToken ct = default
    )
    {
        await foreach (var page in SearchPagesAsync(Settings.Structures, "ENTStructure", SdetAttributes.Structure, ct))
        foreach (var entry in page)
            yield return SdetAttributes.ToStructure(entry);
    }

    public async IAsyncEnumerable<IReadOnlyList<DirectoryPersonEntry>> ReadPeopleAsync(
        [EnumeratorCancellation] CancellationToken ct = default
    )
    {
        await foreach (var page in SearchPagesAsync(Settings.People, "ENTPerson", SdetAttributes.Person, ct))
            yield return [.. page.Select(SdetAttributes.ToPerson)];
    }

    private async IAsyncEnumerable<IReadOnlyList<SearchResultEntry>> SearchPagesAsync(
        string baseDn,
        string objectClass,
        string[] attributes,
        [EnumeratorCancellation] CancellationToken ct
    )
    {
        var settings = Settings;
        using var connection = await Task.Run(() => LdapConnections.OpenAsService(settings), ct);
        var paging = new PageResultRequestControl(settings.PageSize) { IsCritical = true };
        var request = new SearchRequest(baseDn, LdapFilter.OfClass(objectClass), SearchScope.Subtree, attributes);
        request.Controls.Add(paging);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var response = await Task.Run(() => Search(connection, request, settings), ct);
            yield return [.. response.Entries.Cast<SearchResultEntry>()];
            var next = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault();
            if (next is null || next.Cookie.Length == 0)
                yield break;
            paging.Cookie = next.Cookie;
        }
    }

    private static SearchResponse Search(LdapConnection connection, SearchRequest request, LdapSettings settings)
    {
        try
        {
            var response = (SearchResponse)connection.SendRequest(request, settings.Timeout);
            // A size or time limit reached answers with the entries found so far: not a result to build on.
            if (response.ResultCode != ResultCode.Success)
                throw new DirectoryUnavailableException(
                    LdapMessages.FormatReadFailed(request.DistinguishedName, response.ResultCode.ToString())
                );
            return response;
        }
        catch (DirectoryOperationException e)
        {
            throw new DirectoryUnavailableException(
                LdapMessages.FormatReadFailed(request.DistinguishedName, $"{e.Response?.ResultCode}: {e.Message}"),
                e
            );
        }
        catch (Exception e) when (e is DirectoryException or InvalidOperationException)
        {
            throw LdapConnections.Unreachable(settings, e);
        }
    }
}
