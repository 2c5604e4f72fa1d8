using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace Enoe.Widgets.News;

public sealed class NewsSettings
{
    [Display(Name = "Nombre d'actualités affichées")]
    public int Count { get; set; } = 5;
}

public sealed class NewsSettingsValidator : AbstractValidator<NewsSettings>
{
    public NewsSettingsValidator() =>
        RuleFor(s => s.Count).InclusiveBetween(1, 10).WithMessage("Affichez entre 1 et 10 actualités.");
}
