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
    public const int TitleMax = 200,
        InstructionsMax = 20_000;

    // Messages are read when a rule fails, in the reader's language (a validator is built once).
    public AssignmentDraftValidator()
    {
        RuleFor(d => d)
            .Must(d => (d.SchoolClassId is null) != (d.TeachingGroupId is null))
            .WithMessage(_ => AssignmentMessages.ChooseClassOrGroup);
        RuleFor(d => d.Title)
            .NotEmpty()
            .WithMessage(_ => AssignmentMessages.TitleRequired)
            .MaximumLength(TitleMax)
            .WithMessage(_ => AssignmentMessages.FormatTitleTooLong(TitleMax));
        RuleFor(d => d.Instructions)
            .MaximumLength(InstructionsMax)
            .WithMessage(_ => AssignmentMessages.FormatInstructionsTooLong(InstructionsMax));
    }
}
