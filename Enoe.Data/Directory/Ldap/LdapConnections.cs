using System.DirectoryServices.Protocols;
using System.Net;

namespace Enoe.Data.Directory.Ldap;

/// <summary>
/// Connections to the académie directory: LDAP v3, the configured timeout, <c>ldaps://</c> over TLS, no referral
/// chasing (a referral to another server would hang a sign-in). Every LDAP error becomes a
/// <see cref="DirectoryUnavailableException"/> saying what failed: a sync never takes a partial read for a whole one.
/// </summary>
internal static class LdapConnections
{
    /// <summary>
    /// A connection bound as the service account, which reads for the sync and finds people to sign in.
    /// </summary>
    public static LdapConnection OpenAsService(LdapSettings settings)
    {
        var connection = Open(settings);
        try
        {
            connection.Bind(new NetworkCredential(settings.BindDn ?? "", settings.BindPassword ?? ""));
            return connection;
        }
        catch (LdapException e) when (e.ErrorCode == InvalidCredentials)
        {
            connection.Dispose();
            throw new DirectoryUnavailableException(
                LdapMessages.FormatServiceRefused(settings.BindDn ?? "", e.Message),
                e
            );
        }
        catch (Exception e) when (e is DirectoryException or InvalidOperationException)
        {
            connection.Dispose();
            throw Unreachable(settings, e);
        }
    }

    /// <summary>An unbound connection to the configured server.</summary>
    public static LdapConnection Open(LdapSettings settings)
    {
        var (host, port, secure) = Address(settings.Url);
        LibLdapTimeouts.Apply(settings.Timeout);
        var connection = new LdapConnection(new LdapDirectoryIdentifier(host, port, false, false))
        {
            AuthType = AuthType.Basic,
            Timeout = settings.Timeout,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
        if (secure)
            connection.SessionOptions.SecureSocketLayer = true;
        return connection;
    }

    /// <summary>LDAP result 49: wrong DN or password.</summary>
    public const int InvalidCredentials = 49;

    /// <summary>
    /// Busy (51), unavailable (52), server down (81), timeout (85), connect error (91): the directory did not
    /// answer. Any other error is the directory's answer, e.g. its refusal of a bind.
    /// </summary>
    public static bool IsUnreachable(int errorCode) => errorCode is 51 or 52 or 81 or 85 or 91;

    public static DirectoryUnavailableException Unreachable(LdapSettings settings, Exception e) =>
        new(LdapMessages.FormatUnreachable(settings.Url ?? "", e.Message), e);

    private static (string Host, int Port, bool Secure) Address(string? url)
    {
        if (
            !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("ldap" or "ldaps")
            || string.IsNullOrEmpty(uri.Host)
        )
            throw new DirectoryUnavailableException(
                string.IsNullOrWhiteSpace(url) ? LdapMessages.NotConfigured : LdapMessages.FormatBadUrl(url)
            );
        var secure = uri.Scheme == "ldaps";
        return (uri.Host, uri.IsDefaultPort || uri.Port < 0 ? (secure ? 636 : 389) : uri.Port, secure);
    }
}
