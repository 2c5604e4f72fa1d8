using Enoe.Data.Bookings;
using Enoe.Widgets.Common;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Bookings;

/// <summary>A booking's state, in words (read in the reader's language when shown).</summary>
public static class BookingStatusLabel
{
    public static RenderFragment Render(BookingStatus status) =>
        status switch
        {
            BookingStatus.Approved => StatusLabel.Render(BookingsText.Status_Approved, "ok"),
            BookingStatus.Pending => StatusLabel.Render(BookingsText.Status_Pending, "late"),
            BookingStatus.Refused => StatusLabel.Render(BookingsText.Status_Refused, "missing"),
            _ => StatusLabel.Render(BookingsText.Status_Cancelled, "todo"),
        };
}
