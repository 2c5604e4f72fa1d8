using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace Enoe.Widgets.News;

public sealed class NewsSettings
{
    public const int Min = 1,
        Max = 10;

    [Display(Name = nameof(NewsText.CountLabel), ResourceType = typeof(NewsText))]
    public int Count { get; set; } = 5;
}

public sealed class NewsSettingsValidator : AbstractValidator<NewsSettings>
{
    // The message is read when the rule fails, in the reader's language (a validator is built once).
    public NewsSettingsValidator() =>
        RuleFor(s => s.Count)
            .InclusiveBetween(NewsSettings.Min, NewsSettings.Max)
            .WithMessage(_ => NewsText.FormatCountRange(NewsSettings.Min, NewsSettings.Max));
}
