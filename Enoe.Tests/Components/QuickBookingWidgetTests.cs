using System.Globalization;
using Bunit;
using Enoe.Data.Bookings;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class QuickBookingWidgetTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.NewContext())
        {
            db.Add(
                new BookableResource
                {
                    SchoolId = F.A.Id,
                    Category = new ResourceCategory { SchoolId = F.A.Id, Name = "Salles" },
                    Name = "Salle informatique",
                }
            );
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task TheNextSlotsFreeRooms_AreBookedInOneClick()
    {
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var context = await WidgetContextAsync(teacher, new WidgetSize(4, 4));
        var widget = Render<QuickBookingWidget>(p => p.Add(w => w.Context, context));

        // The fake clock says Friday 20 November, 10:00 in Paris: the next slot is M3 (10:05–11:00).
        widget.WaitForAssertion(() => Assert.Equal("M3", widget.Find("select").GetAttribute("value")));
        widget.Find("button[aria-label='Réserver Salle informatique']").Click();

        widget.WaitForAssertion(() => Assert.Contains("Salle informatique : réservé", widget.Markup));
        Assert.Contains("Rien de libre sur ce créneau.", widget.Markup);
        await using var db = Database.NewContext();
        var booking = await db.Bookings.SingleAsync();
        Assert.Equal((F.TeacherA.Id, BookingStatus.Approved), (booking.PersonId, booking.Status));
        Assert.Equal(new DateTime(2026, 11, 20, 9, 5, 0), booking.StartsAt); // 10:05 Paris, stored in UTC
    }

    [Fact]
    public async Task InEnglish_TheWidgetSpeaksEnglish()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            var context = await WidgetContextAsync(TwoSchools.As(F.TeacherA, F.A), new WidgetSize(4, 4));
            var widget = Render<QuickBookingWidget>(p => p.Add(w => w.Context, context));

            widget.WaitForAssertion(() => widget.Find("button[aria-label='Book Salle informatique']").Click());

            widget.WaitForAssertion(() => Assert.Contains("Salle informatique: booked, Fri 20 Nov", widget.Markup));
            Assert.Contains("Nothing is free in this slot.", widget.Markup);
            Assert.Contains("Time slot", widget.Markup);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
