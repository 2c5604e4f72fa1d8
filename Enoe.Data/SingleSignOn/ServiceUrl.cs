using System.Text;

namespace Enoe.Data.SingleSignOn;

/// <summary>
/// A service URL as ENOE compares it. Real CAS clients send the same address in many spellings
/// (<c>HTTP://Res.Example:80/a%2db;jsessionid=1?x=1&amp;amp;y=2</c>), so both the registered pattern and every URL a
/// client sends are normalised, then compared as strings:
/// <list type="bullet">
/// <item>scheme and host in lower case, the scheme's default port dropped, an empty path written <c>/</c>;</item>
/// <item>percent-encoding canonical: unreserved characters decoded (<c>%2d</c> is <c>-</c>), every other escape in
/// upper case, characters outside ASCII encoded as UTF-8;</item>
/// <item><c>;jsessionid=…</c> removed (Java servers add it to the path), <c>&amp;amp;</c> read as <c>&amp;</c> (an
/// address copied out of HTML), the fragment dropped (a browser never sends it).</item>
/// </list>
/// Only http and https addresses with a host and no user name are services.
/// </summary>
public static class ServiceUrl
{
    public const int MaxLength = CasTicket.ServiceMax;

    /// <summary>The normalised form of <paramref name="url"/>, or null when it is no service URL.</summary>
    public static string? Normalize(string? url)
    {
        url = url?.Trim();
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url.Any(char.IsControl))
            return null;
        // A backslash ends the host for browsers and for Uri alike (https://a.example\..\b/): none in a service URL.
        if (url.Contains('\\'))
            return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return null;
        if (!url.AsSpan(uri.Scheme.Length).StartsWith("://", StringComparison.Ordinal))
            return null;
        if (uri.UserInfo.Length > 0 || uri.Host.Length == 0)
            return null;
        // The path and query as sent (Uri unescapes some characters and not others): from the first '/', '?' or
        // '#' after the authority.
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], url.IndexOf("//", StringComparison.Ordinal) + 2);
        var rest = authorityEnd < 0 ? "" : url[authorityEnd..];
        var hash = rest.IndexOf('#');
        if (hash >= 0)
            rest = rest[..hash];
        var question = rest.IndexOf('?');
        var path = question < 0 ? rest : rest[..question];
        var query = question < 0 ? null : rest[(question + 1)..].Replace("&amp;", "&", StringComparison.Ordinal);
        path = WithoutSessionId(path);
        // A dot segment (also spelled %2e) would let a URL under a prefix reach another path of its host.
        path = Canonical(path);
        if (path.Split('/').Any(segment => segment is "." or ".."))
            return null;
        var result = new StringBuilder(url.Length + 8);
        // IdnHost drops an IPv6 address's brackets, which the port then could not be told from.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        result.Append(uri.Scheme).Append("://").Append(host.ToLowerInvariant());
        if (!uri.IsDefaultPort)
            result.Append(':').Append(uri.Port);
        result.Append(path.Length == 0 ? "/" : path);
        if (!string.IsNullOrEmpty(query))
            result.Append('?').Append(Canonical(query));
        return result.Length <= MaxLength ? result.ToString() : null;
    }

    /// <summary>
    /// Whether <paramref name="normalized"/> is a URL <paramref name="pattern"/> lets in, under the registration's
    /// <paramref name="options"/> (scheme, host and port are always compared exactly, as normalised).
    /// </summary>
    public static bool Matches(
        string normalized,
        string pattern,
        ServiceMatch match,
        ServiceUrlOptions options = ServiceUrlOptions.None
    )
    {
        if (options.HasFlag(ServiceUrlOptions.IgnoreQuery))
            (normalized, pattern) = (WithoutQuery(normalized), WithoutQuery(pattern));
        var (origin, path) = Split(normalized);
        var (patternOrigin, patternPath) = Split(pattern);
        if (!string.Equals(origin, patternOrigin, StringComparison.Ordinal))
            return false;
        var comparison = options.HasFlag(ServiceUrlOptions.PathCaseInsensitive)
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        return match == ServiceMatch.Exact
            ? string.Equals(path, patternPath, comparison)
            : path.StartsWith(patternPath, comparison);
    }

    private static string WithoutQuery(string url) => url.IndexOf('?') is var q and >= 0 ? url[..q] : url;

    /// <summary>
    /// A normalised URL's scheme, host and port, then its path and query (from the '/' after the host).
    /// </summary>
    private static (string Origin, string PathAndQuery) Split(string url)
    {
        var slash = url.IndexOf('/', url.IndexOf("//", StringComparison.Ordinal) + 2);
        return slash < 0 ? (url, "") : (url[..slash], url[slash..]);
    }

    /// <summary>
    /// Why <paramref name="pattern"/> cannot be registered, or null: it must be a service URL already normalised;
    /// a prefix must end with <c>/</c> (so that <c>/app/</c> cannot match <c>/application</c>).
    /// </summary>
    public static string? Refusal(string pattern, ServiceMatch match)
    {
        var normalized = Normalize(pattern);
        if (normalized is null || normalized != pattern)
            return SingleSignOnMessages.Pattern_Invalid;
        // Tickets travel in the URL: in clear only to a service on this very machine (a test, the demo).
        if (normalized.StartsWith("http://", StringComparison.Ordinal) && !IsLoopback(normalized))
            return SingleSignOnMessages.Pattern_Https;
        if (match == ServiceMatch.Prefix && (normalized.Contains('*') || !normalized.EndsWith('/')))
            return SingleSignOnMessages.Pattern_Prefix;
        return null;
    }

    private static bool IsLoopback(string normalized) =>
        Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static string WithoutSessionId(string path)
    {
        var at = path.IndexOf(";jsessionid=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return path;
        var end = path.IndexOfAny(['/', ';'], at + 1);
        return path[..at] + (end < 0 ? "" : path[end..]);
    }

    private static string Canonical(string part)
    {
        var text = new StringBuilder(part.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '%' && i + 2 < part.Length && IsHex(part[i + 1]) && IsHex(part[i + 2]))
            {
                var b = (char)Convert.ToByte(part.Substring(i + 1, 2), 16);
                if (IsUnreserved(b))
                    text.Append(b);
                else
                    text.Append('%')
                        .Append(char.ToUpperInvariant(part[i + 1]))
                        .Append(char.ToUpperInvariant(part[i + 2]));
                i += 2;
            }
            else if (
                c > 0x7E
                || c == ' '
                || c == '"'
                || c == '\''
                || c == '<'
                || c == '>'
                || c == '\\'
                || c == '^'
                || c == '`'
                || c == '{'
                || c == '|'
                || c == '}'
                || c == '%'
            )
            {
                // Raw characters a URL cannot hold: encoded as UTF-8 (a surrogate pair as one code point).
                var length =
                    char.IsHighSurrogate(c) && i + 1 < part.Length
                        ? Encoding.UTF8.GetBytes(part.AsSpan(i++, 2), utf8)
                        : Encoding.UTF8.GetBytes(part.AsSpan(i, 1), utf8);
                foreach (var b in utf8[..length])
                    text.Append('%').Append(b.ToString("X2"));
            }
            else
                text.Append(c);
        }
        return text.ToString();
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
