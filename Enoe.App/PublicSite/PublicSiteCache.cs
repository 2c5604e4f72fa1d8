using System.Globalization;
using Enoe.Data.Caching;
using Enoe.Data.Events;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Enoe.App.PublicSite;

/// <summary>
/// The public site's pages as anonymous readers get them, kept whole in each instance's memory (ASP.NET Core's output
/// cache): a school's home page read a thousand times after a news item costs one rendering. Signed-in readers, whose
/// page names them, are neither served from it nor stored in it (the framework's default rules: anonymous GETs, 200
/// answers setting no cookie). A page names what it shows (<see cref="DependsOn"/>, the établissement's tag or the
/// académie's, as <see cref="ServiceAccess"/> names them) and is dropped on every instance when that changes: an
/// article written (<see cref="PublicSiteChanged"/>), a service switched, the établissement's record edited. Kept a
/// minute at most, for an article whose publication date comes and for an announcement lost.
/// </summary>
public static class PublicSiteCache
{
    public const string Policy = "public-site";

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPublicSiteCache(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
            o.AddPolicy(
                Policy,
                page => page.Expire(MaxAge).VaryByValue(_ => new("culture", CultureInfo.CurrentUICulture.Name))
            )
        );
        services.AddHostedService<PublicSiteCacheEviction>();
        // After AddRazorComponents, which registers the framework's antiforgery.
        var antiforgery = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(antiforgery);
        services.AddSingleton<IAntiforgery>(sp => new NoTokenInKeptPages(
            (IAntiforgery)ActivatorUtilities.CreateInstance(sp, antiforgery.ImplementationType!),
            sp.GetRequiredService<IOptions<AntiforgeryOptions>>()
        ));
        return services;
    }

    /// <summary>The page being rendered shows <paramref name="tag"/>'s data: it is dropped when that changes.</summary>
    public static void DependsOn(HttpContext? http, string tag) =>
        http?.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);

    /// <summary>
    /// Whether this response may be kept and served to others: then it holds nothing that is this request's alone,
    /// such as the nonce of its security policy.
    /// </summary>
    public static bool MayKeep(HttpContext http) =>
        http.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true };
}

/// <summary>Drops this instance's kept pages on the announcements of every instance (the event bus).</summary>
internal sealed class PublicSiteCacheEviction(IEventBus events, IOutputCacheStore store, ArticleService articles)
    : IHostedService
{
    private IDisposable[] _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions =
        [
            // The articles the pages are made from first: a page rendered between the two would keep the old ones.
            events.Subscribe<PublicSiteChanged>(async e =>
            {
                await articles.HeardAsync(e);
                await EvictAsync(ServiceAccess.Tag(e.SchoolId));
            }),
            // A switch (the public site itself, an archiving) changes the académie's list too.
            events.Subscribe<SchoolServicesChanged>(e =>
                EvictAsync(ServiceAccess.Tag(e.SchoolId), ServiceAccess.AcademyTag)
            ),
            // An établissement's record edited (name, colours, logo), the académie's list.
            events.Subscribe<CacheInvalidated>(e => EvictAsync(e.Tags)),
        ];
        return Task.CompletedTask;
    }

    private async Task EvictAsync(params string[] tags)
    {
        foreach (var tag in tags)
            await store.EvictByTagAsync(tag, CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
            subscription.Dispose();
        return Task.CompletedTask;
    }
}
