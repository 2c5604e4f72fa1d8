using FluentValidation;

namespace Enoe.Data.Assignments;

/// <summary>What a teacher fills in to set a devoir. <see cref="DueLocal"/> is Paris time.</summary>
public sealed class AssignmentDraft
{
    public int? SchoolClassId { get; set; }
    public int? TeachingGroupId { get; set; }
    public int SubjectId { get; set; }
    public string Title { get; set; } = "";
    public string Instructions { get; set; } = "";
    public DateTime DueLocal { get; set; }
    public bool AcceptsLate { get; set; } = true;
}

public sealed class AssignmentDraftValidator : AbstractValidator<AssignmentDraft>
{
    public const int TitleMax = 200, InstructionsMax = 20_000;

    public AssignmentDraftValidator()
    {
        RuleFor(d => d).Must(d => (d.SchoolClassId is null) != (d.TeachingGroupId is null)).WithMessage("Choisissez une classe ou un groupe.");
        RuleFor(d => d.Title).NotEmpty().WithMessage("Donnez un titre au devoir.")
            .MaximumLength(TitleMax).WithMessage($"Le titre ne doit pas dépasser {TitleMax} caractères.");
        RuleFor(d => d.Instructions).MaximumLength(InstructionsMax).WithMessage($"La consigne ne doit pas dépasser {InstructionsMax} caractères.");
    }
}
