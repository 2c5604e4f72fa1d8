using FluentValidation;

namespace Enoe.Data.Logbook;

/// <summary>
/// What a teacher submits. <see cref="Id"/> 0 creates; <see cref="Version"/> is the one they started from.
/// </summary>
public sealed class LogbookDraft
{
    public int Id { get; set; }
    public int? SchoolClassId { get; set; }
    public int? TeachingGroupId { get; set; }
    public int SubjectId { get; set; }
    public DateOnly SessionDate { get; set; }
    public TimeOnly StartsAt { get; set; }
    public TimeOnly EndsAt { get; set; }
    public string Content { get; set; } = "";
    public string? Homework { get; set; }
    public DateOnly? HomeworkDueDate { get; set; }
    public int? HomeworkMinutes { get; set; }
    public int Version { get; set; }

    /// <summary>The entry as it stands, to change one field and save it back under its version.</summary>
    public static LogbookDraft From(LogbookEntryView e) =>
        new()
        {
            Id = e.Id,
            Version = e.Version,
            SchoolClassId = e.SchoolClassId,
            TeachingGroupId = e.TeachingGroupId,
            SubjectId = e.SubjectId,
            SessionDate = e.SessionDate,
            StartsAt = e.StartsAt,
            EndsAt = e.EndsAt,
            Content = e.Content,
            Homework = e.Homework,
            HomeworkDueDate = e.HomeworkDueDate,
            HomeworkMinutes = e.HomeworkMinutes,
        };
}

public sealed class LogbookDraftValidator : AbstractValidator<LogbookDraft>
{
    public const int TextMax = 20_000;

    // Messages are read when a rule fails, in the reader's language (a validator is built once).
    public LogbookDraftValidator()
    {
        RuleFor(d => d)
            .Must(d => (d.SchoolClassId is null) != (d.TeachingGroupId is null))
            .WithMessage(_ => LogbookMessages.ChooseClassOrGroup);
        RuleFor(d => d.EndsAt).GreaterThan(d => d.StartsAt).WithMessage(_ => LogbookMessages.EndsAfterStart);
        RuleFor(d => d.Content).MaximumLength(TextMax).WithMessage(_ => LogbookMessages.FormatContentTooLong(TextMax));
        RuleFor(d => d.Homework)
            .MaximumLength(TextMax)
            .WithMessage(_ => LogbookMessages.FormatHomeworkTooLong(TextMax));
        RuleFor(d => d)
            .Must(d => !string.IsNullOrWhiteSpace(d.Content) || !string.IsNullOrWhiteSpace(d.Homework))
            .WithMessage(_ => LogbookMessages.ContentOrHomework);
        When(
            d => !string.IsNullOrWhiteSpace(d.Homework),
            () =>
            {
                RuleFor(d => d.HomeworkDueDate).NotNull().WithMessage(_ => LogbookMessages.DueDateNeeded);
                RuleFor(d => d.HomeworkDueDate)
                    .Must((d, due) => due is null || due.Value >= d.SessionDate)
                    .WithMessage(_ => LogbookMessages.DueBeforeLesson);
                RuleFor(d => d.HomeworkMinutes)
                    .InclusiveBetween(5, 600)
                    .When(d => d.HomeworkMinutes is not null)
                    .WithMessage(_ => LogbookMessages.MinutesRange);
            }
        );
    }
}
