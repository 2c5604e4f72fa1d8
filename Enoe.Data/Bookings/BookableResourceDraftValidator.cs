using Enoe.Data.People;
using FluentValidation;

namespace Enoe.Data.Bookings;

/// <summary>
/// What a bookable resource's sheet must hold. The service checks it before writing; the admin page shows
/// the same messages under its fields while the direction types (messages read when shown, in the reader's language).
/// </summary>
public sealed class BookableResourceDraftValidator : AbstractValidator<BookableResourceDraft>
{
    public BookableResourceDraftValidator()
    {
        RuleFor(r => r.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= BookingService.NameMax)
            .WithMessage(_ => BookingMessages.FormatResource_NameRequired(BookingService.NameMax));
        RuleFor(r => r.Category)
            .Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length <= BookingService.CategoryMax)
            .WithMessage(_ => BookingMessages.Resource_CategoryRequired);
        RuleFor(r => r.Units)
            .InclusiveBetween(1, BookingService.UnitsMax)
            .WithMessage(_ => BookingMessages.FormatResource_UnitsRange(1, BookingService.UnitsMax));
        RuleFor(r => r.Units)
            .Equal(1)
            .When(r => r.Kind == ResourceKind.Room)
            .WithMessage(_ => BookingMessages.Resource_RoomOneUnit);
        RuleFor(r => r.ClosesAt)
            .GreaterThan(r => r.OpensAt)
            .WithMessage(_ => BookingMessages.Resource_ClosesAfterOpens);
        RuleFor(r => r.BookableBy).NotEqual(Profile.None).WithMessage(_ => BookingMessages.Resource_WhoBooks);
    }
}
