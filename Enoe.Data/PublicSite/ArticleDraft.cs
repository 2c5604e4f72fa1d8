using FluentValidation;

namespace Enoe.Data.PublicSite;

/// <summary>What an editor submits. <see cref="Id"/> 0 creates; <see cref="Version"/> is the one they loaded.</summary>
public sealed class ArticleDraft
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public ArticleKind Kind { get; set; } = ArticleKind.News;
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;

    /// <summary>UTC; null means "now" when published.</summary>
    public DateTime? PublishAt { get; set; }
    public int Version { get; set; }

    public static ArticleDraft From(Article a) =>
        new()
        {
            Id = a.Id,
            SchoolId = a.SchoolId,
            Kind = a.Kind,
            Title = a.Title,
            Summary = a.Summary,
            BodyMarkdown = a.BodyMarkdown,
            Status = a.Status,
            PublishAt = a.PublishAt,
            Version = a.Version,
        };
}

public sealed class ArticleDraftValidator : AbstractValidator<ArticleDraft>
{
    public const int TitleMax = 200;
    public const int SummaryMax = 500;
    public const int BodyMax = 100_000;

    /// <remarks>The editor's <c>maxlength</c> are these numbers: what the form lets through, the server
    /// accepts.</remarks>
    public ArticleDraftValidator()
    {
        RuleFor(a => a.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t))
            .WithMessage(_ => ArticleMessages.Title_Required)
            .MaximumLength(TitleMax)
            .WithMessage(_ => ArticleMessages.FormatTitle_TooLong(TitleMax.ToString("N0")));
        RuleFor(a => a.Title)
            .Must(t => Common.Slugs.From(t ?? "").Length > 0)
            .When(a => !string.IsNullOrWhiteSpace(a.Title))
            .WithMessage(_ => ArticleMessages.Title_NoLetter);
        RuleFor(a => a.Summary)
            .MaximumLength(SummaryMax)
            .WithMessage(_ => ArticleMessages.FormatSummary_TooLong(SummaryMax.ToString("N0")));
        RuleFor(a => a.BodyMarkdown)
            .Must(b => !string.IsNullOrWhiteSpace(b))
            .WithMessage(_ => ArticleMessages.Body_Empty)
            .MaximumLength(BodyMax)
            .WithMessage(_ => ArticleMessages.FormatBody_TooLong(BodyMax.ToString("N0")));
        RuleFor(a => a.Kind).IsInEnum().WithMessage(_ => ArticleMessages.Kind_Unknown);
        RuleFor(a => a.Status).IsInEnum().WithMessage(_ => ArticleMessages.Status_Unknown);
    }
}
