using System.DirectoryServices.Protocols;
using System.Net;

namespace Enoe.Data.Directory.Ldap;

public sealed partial class LdapDirectory
{
    /// <summary>
    /// Finds the login's entry with the service account, then binds as that entry with the typed password on a
    /// connection of its own. The password is sent to the directory and nowhere else: never stored, never logged.
    /// </summary>
    public Task<bool> CheckAsync(string login, string directoryKey, string password, CancellationToken ct = default) =>
        // An empty password would be an "unauthenticated bind" (RFC 4513), which many servers accept for any DN.
        string.IsNullOrWhiteSpace(password) || string.IsNullOrWhiteSpace(login)
            ? Task.FromResult(false)
            : Task.Run(() => Check(login, directoryKey, password), ct);

    private bool Check(string login, string directoryKey, string password)
    {
        var settings = Settings;
        string dn;
        using (var service = LdapConnections.OpenAsService(settings))
        {
            var request = new SearchRequest(
                settings.People,
                LdapFilter.OfClass("ENTPerson", LdapFilter.Equal("ENTPersonLogin", login)),
                SearchScope.Subtree,
                "ENTPersonJointure"
            );
            var found = Search(service, request, settings).Entries.Cast<SearchResultEntry>().ToList();
            if (found is not [var entry] || SdetAttributes.ToPerson(entry).Key != directoryKey)
                return false;
            dn = entry.DistinguishedName;
        }
        using var asPerson = LdapConnections.Open(settings);
        try
        {
            asPerson.Bind(new NetworkCredential(dn, password));
            return true;
        }
        catch (LdapException e) when (!LdapConnections.IsUnreachable(e.ErrorCode))
        {
            // A wrong password, or the directory refusing this person (locked there, for one): no sign-in.
            return false;
        }
        catch (Exception e) when (e is DirectoryException or InvalidOperationException)
        {
            throw LdapConnections.Unreachable(settings, e);
        }
    }
}
