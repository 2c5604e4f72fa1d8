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
    /// <summary>
    /// Claims the article's <see cref="Article.NotifiedAt"/> (a conditional update: only one publication wins it, on
    /// either database) and writes the notifications in the same transaction, so the claim and the notices stand or
    /// fall together.
    /// </summary>
    internal async Task NotifyPublishedAsync(Article article, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = (await quietHours.WindowAsync(article.SchoolId, ct)).ReleaseAt(
            article.PublishAt > now ? article.PublishAt : now
        );
        List<NewNotification> notices;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db
                .Articles.Where(a => a.Id == article.Id && a.NotifiedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.NotifiedAt, now), ct);
            if (claimed == 0)
                return; // told already: published before, withdrawn, published again; or another publication now
            var slug = await db.Schools.Where(s => s.Id == article.SchoolId).Select(s => s.Slug).FirstAsync(ct);
            var members = await db
                .Memberships.Where(m => m.SchoolId == article.SchoolId && m.Profiles != Profile.AcademyAdmin)
                .Select(m => m.PersonId)
                .Distinct()
                .ToListAsync(ct);
            notices =
            [
                .. members.Select(person => new NewNotification(
                    person,
                    article.SchoolId,
                    null,
                    NotificationKind.NewsPublished,
                    article.Title,
                    $"/{slug}/actualites/{article.Slug}",
                    $"article:{article.Id}",
                    visible
                )),
            ];
            await NotificationService.WriteAsync(db, notices, now, ct);
            await transaction.CommitAsync(ct);
        }
        await notifications.AnnounceAsync(notices);
    }
}
