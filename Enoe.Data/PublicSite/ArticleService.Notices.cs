using Enoe.Data.Notifications;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.PublicSite;

/// <summary>
/// A news article published tells everyone of its établissement, once (from its publication time, and out of the quiet
/// window): one statement for the whole établissement.
/// </summary>
public sealed partial class ArticleService
{
    private async Task NotifyPublishedAsync(Article article, CancellationToken ct)
    {
        var source = $"article:{article.Id}";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Notification>().AnyAsync(n => n.Source == source, ct))
            return; // published before, unpublished, published again: told once
        var slug = await db.Schools.Where(s => s.Id == article.SchoolId).Select(s => s.Slug).FirstAsync(ct);
        var members = await db
            .Memberships.Where(m => m.SchoolId == article.SchoolId && m.Profiles != Profile.AcademyAdmin)
            .Select(m => m.PersonId)
            .Distinct()
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = (await quietHours.WindowAsync(article.SchoolId, ct)).ReleaseAt(
            article.PublishAt > now ? article.PublishAt : now
        );
        await notifications.NotifyAsync(
            [
                .. members.Select(person => new NewNotification(
                    person,
                    article.SchoolId,
                    null,
                    NotificationKind.NewsPublished,
                    article.Title,
                    $"/{slug}/actualites/{article.Slug}",
                    source,
                    visible
                )),
            ],
            ct
        );
    }
}
