using Enoe.Data.Bookings;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Bookings;

/// <summary>A booking's state as words and colour, plain markup (no component per row).</summary>
public static class BookingStatusLabel
{
    public static RenderFragment Render(BookingStatus status) => builder =>
    {
        var (text, css) = status switch
        {
            BookingStatus.Approved => ("confirmée", "ok"),
            BookingStatus.Pending => ("en attente de validation", "late"),
            BookingStatus.Refused => ("refusée", "missing"),
            _ => ("annulée", "todo"),
        };
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", $"enoe-status enoe-status-{css}");
        builder.AddContent(2, text);
        builder.CloseElement();
    };
}
