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
    public const int SubjectMax = 200, BodyMax = 20_000, AddressesMax = 50;

    public MemoDraftValidator()
    {
        RuleFor(d => d.To).NotEmpty().WithMessage("Choisissez au moins un destinataire.")
            .Must(t => t.Count <= AddressesMax).WithMessage($"{AddressesMax} destinataires ou groupes au plus : écrivez plutôt à une classe ou un profil.");
        RuleFor(d => d.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Donnez un objet au mémo.")
            .MaximumLength(SubjectMax).WithMessage($"L'objet ne doit pas dépasser {SubjectMax} caractères.");
        RuleFor(d => d.Body).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Le mémo est vide : écrivez votre message.")
            .MaximumLength(BodyMax).WithMessage($"Le message ne doit pas dépasser {BodyMax} caractères.");
    }
}
