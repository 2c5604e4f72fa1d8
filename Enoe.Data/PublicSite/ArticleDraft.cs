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

    public static ArticleDraft From(Article a) => new()
    {
        Id = a.Id, SchoolId = a.SchoolId, Kind = a.Kind, Title = a.Title, Summary = a.Summary,
        BodyMarkdown = a.BodyMarkdown, Status = a.Status, PublishAt = a.PublishAt, Version = a.Version,
    };
}

public sealed class ArticleDraftValidator : AbstractValidator<ArticleDraft>
{
    public const int TitleMax = 200;
    public const int SummaryMax = 500;
    public const int BodyMax = 100_000;

    public ArticleDraftValidator()
    {
        RuleFor(a => a.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Le titre est obligatoire.")
            .MaximumLength(TitleMax).WithMessage($"Le titre ne doit pas dépasser {TitleMax} caractères.");
        RuleFor(a => a.Title).Must(t => Common.Slugs.From(t ?? "").Length > 0)
            .When(a => !string.IsNullOrWhiteSpace(a.Title))
            .WithMessage("Le titre doit contenir au moins une lettre ou un chiffre.");
        RuleFor(a => a.Summary).MaximumLength(SummaryMax).WithMessage($"Le résumé ne doit pas dépasser {SummaryMax} caractères.");
        RuleFor(a => a.BodyMarkdown).Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage("Le texte de l'article est vide.")
            .MaximumLength(BodyMax).WithMessage($"Le texte ne doit pas dépasser {BodyMax} caractères.");
        RuleFor(a => a.Kind).IsInEnum().WithMessage("Type d'article inconnu.");
        RuleFor(a => a.Status).IsInEnum().WithMessage("État de publication inconnu.");
    }
}
