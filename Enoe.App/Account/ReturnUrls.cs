namespace Enoe.App.Account;

/// <summary>Where to go back to after a form post: an address that came from the browser, checked.</summary>
internal static class ReturnUrls
{
    private const int MaxLength = 2048;

    /// <summary>
    /// A path of this site, escaped for a Location header, or null. Refused: absolute and
    /// protocol-relative addresses (<c>//host</c>, <c>/\host</c>), control characters (a header cannot
    /// carry them), and anything too long.
    /// </summary>
    public static string? Local(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/')
            return null;
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
            return null;
        if (url.Any(char.IsControl))
            return null;
        // Non-ASCII letters are escaped (%C3%A9): response headers carry ASCII only.
        return Uri.TryCreate(new Uri("http://enoe.invalid"), url, out var resolved) && resolved.Host == "enoe.invalid"
            ? resolved.PathAndQuery
            : null;
    }

    /// <summary>
    /// The section a page belongs to ("/notes" for "/notes/12?x=1"): where to land when the établissement changes under
    /// it.
    /// </summary>
    public static string Section(string localUrl)
    {
        var path = localUrl.Split('?', '#')[0];
        var second = path.IndexOf('/', 1);
        return second < 0 ? path : path[..second];
    }
}
