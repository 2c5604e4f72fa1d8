using Enoe.App.Hosting;
using Microsoft.Extensions.Options;

namespace Enoe.App.PublicSite;

/// <summary>
/// Lets an établissement's own host name (configured in <c>Enoe:PublicSiteHosts</c>) serve its public
/// site at the root: <c>www.college-hugo.fr/</c> is <c>/college-victor-hugo</c>, and its articles follow.
/// </summary>
internal sealed class PublicSiteHostMapping(RequestDelegate next, IOptionsMonitor<EnoeOptions> options)
{
    private static readonly string[] SitePaths = ["/actualites", "/infos"];

    public Task InvokeAsync(HttpContext http)
    {
        if (options.CurrentValue.PublicSiteHosts.TryGetValue(http.Request.Host.Host, out var slug))
        {
            var path = http.Request.Path;
            if (path == "/" || SitePaths.Any(p => path.StartsWithSegments(p)))
                http.Request.Path = "/" + slug + (path == "/" ? "" : path.Value);
        }
        return next(http);
    }
}
