using Enoe.Data.Bookings;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Bookings;

/// <summary>A booking's state, in words.</summary>
public static class BookingStatusLabel
{
    public static RenderFragment Render(BookingStatus status) => status switch
    {
        BookingStatus.Approved => StatusLabel.Render("confirmée", "ok"),
        BookingStatus.Pending => StatusLabel.Render("en attente de validation", "late"),
        BookingStatus.Refused => StatusLabel.Render("refusée", "missing"),
        _ => StatusLabel.Render("annulée", "todo"),
    };
}
