using System.ComponentModel;
using Enoe.Data.Schools;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.PublicSite;

/// <summary>
/// An établissement's latest articles of a kind, as cached: valid <see cref="Until"/> the next scheduled article's
/// date (or for the cache's minute), after which it is read again.
/// </summary>
[ImmutableObject(true)]
internal sealed record LatestArticles(IReadOnlyList<ArticleSummary> Items, DateTime Until);

/// <summary>
/// The latest articles are read by every dashboard's "Actualités" and every public page, and change when an editor
/// saves: the first <see cref="Kept"/> of each kind are cached per établissement (<see cref="Caching.EnoeCache"/>,
/// shared between instances), dropped on every save or deletion and when the public site is switched.
/// </summary>
public sealed partial class ArticleService
{
    /// <summary>How many of the latest articles are kept: more than any list asks for at once.</summary>
    private const int Kept = 20;

    private static string Tag(int schoolId) => $"articles:{schoolId}";

    private ValueTask<LatestArticles> LatestAsync(int schoolId, ArticleKind kind, CancellationToken ct) =>
        cache.GetOrCreateAsync(
            $"articles:{schoolId}:{(int)kind}",
            c => LoadLatestAsync(schoolId, kind, c),
            [Tag(schoolId), ServiceAccess.Tag(schoolId)],
            ct
        );

    private async ValueTask<LatestArticles> LoadLatestAsync(int schoolId, ArticleKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await Published(db, schoolId, kind, now)
            .OrderByDescending(a => a.PublishAt)
            .ThenByDescending(a => a.Id)
            .Take(Kept)
            .Select(Summary)
            .ToListAsync(ct);
        // An article scheduled for later appears at its date, not a minute after.
        var next = await db
            .Articles.Where(a =>
                a.SchoolId == schoolId && a.Kind == kind && a.Status == ArticleStatus.Published && a.PublishAt > now
            )
            .MinAsync(a => (DateTime?)a.PublishAt, ct);
        return new LatestArticles(items, next ?? DateTime.MaxValue);
    }

    /// <summary>An article as lists show it.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Article, ArticleSummary>> Summary = a =>
        new(
            a.Id,
            a.Kind,
            a.Title,
            a.Slug,
            a.Summary,
            a.Status,
            a.PublishAt,
            a.Author == null ? null : a.Author.FirstName + " " + a.Author.LastName
        );

    /// <summary>
    /// Once an article of <paramref name="schoolId"/> is saved or deleted and committed: the latest are dropped here
    /// at once (the editor's next read sees the change), then on every instance (<see cref="HeardAsync"/>).
    /// </summary>
    private async Task ChangedAsync(int schoolId)
    {
        await cache.ForgetLocallyAsync([Tag(schoolId)]);
        await events.PublishAsync(new PublicSiteChanged(schoolId));
    }

    /// <summary>
    /// An article written through any instance: this instance's latest are dropped. The public site's kept pages
    /// call it before they go (<c>PublicSiteCacheEviction</c>), so that no page is rendered again from the old list.
    /// </summary>
    public Task HeardAsync(PublicSiteChanged change) => cache.ForgetLocallyAsync([Tag(change.SchoolId)]).AsTask();
}
