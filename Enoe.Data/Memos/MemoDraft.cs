using FluentValidation;

namespace Enoe.Data.Memos;

/// <summary>What the compose form submits. A reply names the mémo it answers; a forward the one it passes on.</summary>
public sealed class MemoDraft
{
    public List<MemoAddress> To { get; set; } = [];
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public int? AboutChildId { get; set; }
    public int? ReplyToId { get; set; }

    /// <summary>Forwarding: the earlier mémo whose attachments go along.</summary>
    public int? ForwardOfId { get; set; }
}

public sealed class MemoDraftValidator : AbstractValidator<MemoDraft>
{
    public const int SubjectMax = 200,
        BodyMax = 20_000,
        AddressesMax = 50;

    /// <remarks>The forms' <c>maxlength</c> are these numbers: what a form lets through, the server accepts.</remarks>
    public MemoDraftValidator()
    {
        RuleFor(d => d.To)
            .NotEmpty()
            .WithMessage(_ => MemoMessages.Draft_NoRecipient)
            .Must(t => t.Count <= AddressesMax)
            .WithMessage(_ => MemoMessages.FormatDraft_TooManyRecipients(AddressesMax));
        RuleFor(d => d.Subject)
            .Must(s => !string.IsNullOrWhiteSpace(s))
            .WithMessage(_ => MemoMessages.Draft_NoSubject)
            .MaximumLength(SubjectMax)
            .WithMessage(_ => MemoMessages.FormatDraft_SubjectTooLong(SubjectMax.ToString("N0")));
        RuleFor(d => d.Body)
            .Must(s => !string.IsNullOrWhiteSpace(s))
            .WithMessage(_ => MemoMessages.Draft_NoBody)
            .MaximumLength(BodyMax)
            .WithMessage(_ => MemoMessages.FormatDraft_BodyTooLong(BodyMax.ToString("N0")));
    }
}
