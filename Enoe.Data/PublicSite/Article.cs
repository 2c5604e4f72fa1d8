using Enoe.Data.People;
using Enoe.Data.Schools;

namespace Enoe.Data.PublicSite;

public enum ArticleKind
{
    /// <summary>An actualité, listed on the home page by publication date.</summary>
    News = 1,

    /// <summary>A practical page (horaires, restauration, inscriptions), linked from the menu.</summary>
    Page = 2,
}

public enum ArticleStatus
{
    Draft = 1,
    Published = 2,
}

/// <summary>Editorial content of an établissement's public site, written in Markdown.</summary>
public sealed class Article
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public ArticleKind Kind { get; set; } = ArticleKind.News;
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>UTC; a published article stays hidden until then.</summary>
    public DateTime PublishAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int? AuthorId { get; set; }
    public Person? Author { get; set; }

    /// <summary>
    /// When the établissement was told of its publication (news): set once, by the one publication that wins it, so
    /// two at once, or publishing again after withdrawing, never tell twice.
    /// </summary>
    public DateTime? NotifiedAt { get; set; }

    /// <summary>Optimistic concurrency: two editors never silently overwrite each other.</summary>
    public int Version { get; set; }
}
