using Enoe.Data.Common;
using Enoe.Data.Database;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Schools;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.PublicSite;

[System.ComponentModel.ImmutableObject(true)]
public sealed record ArticleSummary(
    int Id,
    ArticleKind Kind,
    string Title,
    string Slug,
    string? Summary,
    ArticleStatus Status,
    DateTime PublishAt,
    string? AuthorName
);

/// <summary>
/// The public site's articles. Readers see only published articles whose date has come, and only
/// where the établissement runs its public site; editors are those <see cref="Right.PublicSiteEdit"/> names there
/// (direction, documentaliste, secrétariat, the ENT admin).
/// </summary>
public sealed partial class ArticleService(
    IDbContextFactory<EnoeDbContext> dbFactory,
    TimeProvider clock,
    ServiceAccess access,
    IEventBus events,
    Caching.EnoeCache cache,
    Notifications.NotificationService notifications,
    Notifications.QuietHoursService quietHours
)
{
    private static readonly ArticleDraftValidator Validator = new();

    public async Task<IReadOnlyList<ArticleSummary>> GetPublishedAsync(
        int schoolId,
        ArticleKind kind,
        int skip = 0,
        int take = 10,
        CancellationToken ct = default
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (skip == 0 && take <= Kept && await LatestAsync(schoolId, kind, ct) is { } latest && now < latest.Until)
            return [.. latest.Items.Take(Math.Max(take, 1))];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Published(db, schoolId, kind, now)
            .OrderByDescending(a => a.PublishAt)
            .ThenByDescending(a => a.Id)
            .Skip(skip)
            .Take(Math.Clamp(take, 1, 50))
            .Select(Summary)
            .ToListAsync(ct);
    }

    public async Task<Article?> FindPublishedAsync(
        int schoolId,
        ArticleKind kind,
        string slug,
        CancellationToken ct = default
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await Published(db, schoolId, kind, now).AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, ct);
    }

    public async Task<Result<IReadOnlyList<ArticleSummary>>> ListForEditorAsync(
        CurrentUser user,
        int schoolId,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.PublicSite, schoolId, ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var denied = await CheckEditorAsync(db, user, schoolId, ct);
        if (denied is not null)
            return denied;
        IReadOnlyList<ArticleSummary> list = await db
            .Articles.Where(a => a.SchoolId == schoolId)
            .OrderBy(a => a.Kind)
            .ThenByDescending(a => a.PublishAt)
            .Select(Summary)
            .ToListAsync(ct);
        return Result<IReadOnlyList<ArticleSummary>>.Ok(list);
    }

    public async Task<Result<ArticleDraft>> GetForEditAsync(
        CurrentUser user,
        int articleId,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.PublicSite, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null)
            return Result.NotFound(ArticleMessages.NotFound);
        var denied = await CheckEditorAsync(db, user, article.SchoolId, ct);
        return denied is null ? Result<ArticleDraft>.Ok(ArticleDraft.From(article)) : denied;
    }

    /// <summary>
    /// Creates or updates; returns the stored draft (new id and version). Nothing is written on refusal.
    /// </summary>
    public async Task<Result<ArticleDraft>> SaveAsync(
        CurrentUser user,
        ArticleDraft draft,
        CancellationToken ct = default
    )
    {
        if (await access.RefusalAsync(user, EntService.PublicSite, draft.SchoolId, ct) is { } refused)
            return refused;
        var validation = await Validator.ValidateAsync(draft, ct);
        if (!validation.IsValid)
            return Result.Invalid(validation.Errors.Select(e => e.ErrorMessage));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        Article? article;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (draft.Id == 0)
        {
            var denied = await CheckEditorAsync(db, user, draft.SchoolId, ct);
            if (denied is not null)
                return denied;
            await db.LockAsync<Schools.School>(draft.SchoolId, ct); // the free slug stays free until written
            article = new Article
            {
                SchoolId = draft.SchoolId,
                Kind = draft.Kind,
                Title = "",
                Slug = await FreeSlugAsync(db, draft, ct),
                CreatedAt = now,
                AuthorId = user.PersonId,
            };
            db.Articles.Add(article);
        }
        else
        {
            article = await db.Articles.FirstOrDefaultAsync(a => a.Id == draft.Id, ct);
            if (article is null)
                return Result.NotFound(ArticleMessages.DeletedMeanwhile);
            // The school an article belongs to comes from the database, never from the submitted draft.
            var denied = await CheckEditorAsync(db, user, article.SchoolId, ct);
            if (denied is not null)
                return denied;
            if (article.Version != draft.Version)
                return Conflict();
            db.Entry(article).Property(a => a.Version).OriginalValue = draft.Version;
            article.Kind = draft.Kind;
        }

        var publishing = draft.Status == ArticleStatus.Published && article.Status != ArticleStatus.Published;
        article.Title = draft.Title.Trim();
        article.Summary = string.IsNullOrWhiteSpace(draft.Summary) ? null : draft.Summary.Trim();
        article.BodyMarkdown = draft.BodyMarkdown;
        article.Status = draft.Status;
        article.PublishAt =
            draft.PublishAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc)
            : draft.Status == ArticleStatus.Published && article.Status != ArticleStatus.Published ? now
            : article.PublishAt == default ? now
            : article.PublishAt;
        article.UpdatedAt = now;
        article.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
        await ChangedAsync(article.SchoolId);
        if (publishing && article.Kind == ArticleKind.News)
            await NotifyPublishedAsync(article, ct);
        return Result<ArticleDraft>.Ok(ArticleDraft.From(article));

        static Result<ArticleDraft> Conflict() => Result.Conflict(ArticleMessages.Conflict);
    }

    public async Task<Result> DeleteAsync(CurrentUser user, int articleId, int version, CancellationToken ct = default)
    {
        if (await access.RefusalAsync(user, EntService.PublicSite, ct: ct) is { } refused)
            return refused;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null)
            return Result.NotFound(ArticleMessages.AlreadyDeleted);
        var denied = await CheckEditorAsync(db, user, article.SchoolId, ct);
        if (denied is not null)
            return denied;
        if (article.Version != version)
            return Result.Conflict(ArticleMessages.ChangedBeforeDelete);
        db.Articles.Remove(article);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(article.SchoolId);
        return Result.Ok();
    }

    private static IQueryable<Article> Published(EnoeDbContext db, int schoolId, ArticleKind kind, DateTime now) =>
        db.Articles.Where(a =>
            a.SchoolId == schoolId
            && a.Kind == kind
            && a.Status == ArticleStatus.Published
            && a.PublishAt <= now
            && db.Schools.Where(EntServices.RunningIn(EntService.PublicSite)).Any(s => s.Id == schoolId)
        );

    /// <summary>Null when the user may edit this établissement's public site; otherwise the refusal.</summary>
    private static async Task<Refusal?> CheckEditorAsync(
        EnoeDbContext db,
        CurrentUser user,
        int schoolId,
        CancellationToken ct
    )
    {
        var school = await db
            .Schools.AsNoTracking()
            .Where(s => s.Id == schoolId)
            .Select(s => new { SiteOff = s.ClosedServices.Any(c => c.ServiceKey == EntService.PublicSite.Key) })
            .FirstOrDefaultAsync(ct);
        if (school is null)
            return Result.NotFound(ArticleMessages.SchoolUnknown);
        if (school.SiteOff)
            return Result.Forbidden(ArticleMessages.SiteOff);
        var isEditor = await db.HoldsAsync(user.PersonId, schoolId, Right.PublicSiteEdit, ct);
        return isEditor ? null : Result.Forbidden(ArticleMessages.EditorsOnly);
    }

    private static async Task<string> FreeSlugAsync(EnoeDbContext db, ArticleDraft draft, CancellationToken ct)
    {
        var baseSlug = Slugs.From(draft.Title);
        var taken = await db
            .Articles.Where(a => a.SchoolId == draft.SchoolId && a.Kind == draft.Kind && a.Slug.StartsWith(baseSlug))
            .Select(a => a.Slug)
            .ToListAsync(ct);
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
            slug = $"{baseSlug}-{n}";
        return slug;
    }
}
