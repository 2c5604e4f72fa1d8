using System.Globalization;
using Bunit;
using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

/// <summary>
/// The bookings page in bUnit over a real database. The fake clock says Friday 20 November 2026, 10:00 in Paris.
/// </summary>
public sealed partial class BookingsPageTests : SchoolComponentTest
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private int _room,
        _lab;

    protected override async Task ArrangeAsync()
    {
        await using var db = Database.NewContext();
        var rooms = new ResourceCategory { SchoolId = F.A.Id, Name = "Salles" };
        var room = new BookableResource
        {
            SchoolId = F.A.Id,
            Category = rooms,
            Name = "Salle informatique",
        };
        var lab = new BookableResource
        {
            SchoolId = F.A.Id,
            Category = rooms,
            Name = "Laboratoire",
            NeedsApproval = true,
            ManagerId = F.StaffA.Id,
        };
        db.AddRange(room, lab);
        db.Add(
            new HolidayPeriod
            {
                Name = "Vacances de Noël",
                From = new(2026, 12, 19),
                To = new(2027, 1, 3),
            }
        );
        await db.SaveChangesAsync();
        (_room, _lab) = (room.Id, lab.Id);
        // The confirmation box opens and closes
        JSInterop.SetupModule("./js/dialog.js").SetupVoid(_ => true).SetVoidResult();
    }

    private async Task<int> StoreBookingAsync(DateOnly day, TimeOnly from, TimeOnly to, Person? person = null)
    {
        await using var db = Database.NewContext();
        var booking = new Booking
        {
            SchoolId = F.A.Id,
            ResourceId = _room,
            PersonId = (person ?? F.TeacherA).Id,
            Status = BookingStatus.Approved,
            StartsAt = SchoolTime.ToUtc(day.ToDateTime(from)),
            EndsAt = SchoolTime.ToUtc(day.ToDateTime(to)),
        };
        db.Add(booking);
        await db.SaveChangesAsync();
        return booking.Id;
    }

    private async Task<List<Booking>> StoredAsync()
    {
        await using var db = Database.NewContext();
        return await db.Bookings.OrderBy(b => b.StartsAt).ToListAsync();
    }

    private IRenderedComponent<BookingsPage> OpenAs(Person person, Profile profile)
    {
        this.SignInAs(person, F.A.Id, profile);
        var page = Render<BookingsPage>();
        // Loaded: no render is left to come
        page.WaitForAssertion(() => Assert.Equal("false", page.Find(".enoe-bookings").GetAttribute("aria-busy")));
        return page;
    }

    /// <summary>Fills the form for the M3 slot (10:05–11:00) of <paramref name="day"/>.</summary>
    private static void Fill(IRenderedComponent<BookingsPage> page, int resource, DateOnly day, string reason)
    {
        page.Find("#bk-resource").Change(resource.ToString());
        page.Find("#bk-date").Change(day.ToString("yyyy-MM-dd"));
        page.Find("#bk-slot").Change("M3");
        page.Find("#bk-reason").Change(reason);
    }

    private static void AskForAWeeklySeries(IRenderedComponent<BookingsPage> page, DateOnly until)
    {
        page.Find("#bk-weekly").Change(true);
        page.Find("#bk-until").Change(until.ToString("yyyy-MM-dd"));
        Assert.Equal("Voir les semaines", page.Find("#bk-submit").TextContent);
        page.Find("#bk-submit").Click();
    }

    [Fact]
    public async Task AfterABooking_TheFormReturnsToItsDefaults_SoTheNextRequestIsASingleBooking()
    {
        var page = OpenAs(F.TeacherA, Profile.Teacher);
        Fill(page, _room, Monday, "Programmation");
        AskForAWeeklySeries(page, Monday.AddDays(14));
        page.WaitForAssertion(() => page.Find("#bk-confirm-series").Click());
        page.WaitForAssertion(() => Assert.Contains("Série réservée : 3 semaines.", page.Markup));

        Assert.False(page.Find("#bk-weekly").HasAttribute("checked"));
        Assert.Empty(page.FindAll("#bk-until"));
        Assert.True(string.IsNullOrEmpty(page.Find("#bk-reason").GetAttribute("value")));
        Assert.Equal("0", page.Find("#bk-resource").GetAttribute("value"));
        Assert.Equal("Réserver", page.Find("#bk-submit").TextContent);

        page.Find("#bk-resource").Change(_room.ToString());
        page.Find("#bk-date").Change(Monday.AddDays(1).ToString("yyyy-MM-dd"));
        page.Find("#bk-submit").Click();
        page.WaitForAssertion(() => Assert.Contains("Réservation confirmée.", page.Markup));
        var single = Assert.Single(await StoredAsync(), b => b.SeriesId is null);
        Assert.Equal(Monday.AddDays(1), DateOnly.FromDateTime(SchoolTime.ToLocal(single.StartsAt)));
        Assert.Equal(4, (await StoredAsync()).Count);
    }

    [Fact]
    public async Task CancellingABooking_AsksFirst_AndOnlyAYesCancelsIt()
    {
        var id = await StoreBookingAsync(Monday, new(10, 0), new(11, 0));
        var page = OpenAs(F.TeacherA, Profile.Teacher);
        var cancel = () =>
            page.FindAll("section[aria-label='Mes prochaines réservations'] button")
                .Single(b => b.TextContent == "Annuler");

        cancel().Click();
        page.WaitForAssertion(() =>
            Assert.Equal(
                "Annuler la réservation de Salle informatique, "
                    + "lundi 23 novembre à 10:00 ? Le créneau sera libéré.",
                page.Find("dialog p").TextContent
            )
        );
        Assert.Equal(BookingStatus.Approved, (await StoredAsync()).Single().Status);
        var renders = page.RenderCount;
        page.FindAll("dialog button")[1].Click(); // "Annuler": keep it
        page.Find("dialog").TriggerEvent("onclose", EventArgs.Empty); // what the browser says once the box is closed
        page.WaitForState(() => page.RenderCount > renders); // the page has its answer
        Assert.Equal(BookingStatus.Approved, (await StoredAsync()).Single().Status);

        cancel().Click();
        page.WaitForAssertion(() => page.Find("dialog button.enoe-tool-danger").Click());

        page.WaitForAssertion(() => Assert.Contains("Réservation annulée.", page.Markup));
        Assert.Equal((id, BookingStatus.Cancelled), (await StoredAsync()).Select(b => (b.Id, b.Status)).Single());
    }

    [Fact]
    public async Task RemovingAHolidayPeriod_AsksFirst()
    {
        await using (var db = Database.NewContext())
        {
            db.Add(
                new HolidayPeriod
                {
                    SchoolId = F.A.Id,
                    Name = "Pont de l'Ascension",
                    From = new(2027, 5, 6),
                    To = new(2027, 5, 7),
                }
            );
            await db.SaveChangesAsync();
        }
        this.SignInAs(F.AdminA, F.A.Id, Profile.SchoolAdmin);
        var page = Render<BookableResourcesPage>();
        page.WaitForAssertion(() => page.Find("button[aria-label=\"Retirer Pont de l'Ascension\"]").Click());

        page.WaitForAssertion(() =>
            Assert.Contains("Retirer la période « Pont de l'Ascension »", page.Find("dialog p").TextContent)
        );
        Assert.Equal(2, (await Database.Get<BookingService>().HolidaysAsync(F.A.Id)).Count);
        page.Find("dialog button.enoe-tool-danger").Click();

        page.WaitForAssertion(() => Assert.Contains("Période retirée.", page.Markup));
        Assert.Equal(
            ["Vacances de Noël"],
            (await Database.Get<BookingService>().HolidaysAsync(F.A.Id)).Select(h => h.Name)
        );
    }

    [Fact]
    public async Task InEnglish_ThePageSpeaksEnglish()
    {
        await StoreBookingAsync(Monday, new(10, 0), new(11, 0));
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            var page = OpenAs(F.TeacherA, Profile.Teacher);
            page.WaitForAssertion(() => Assert.Contains("confirmed", page.Markup));

            Assert.Equal("Bookings", page.Find("h1").TextContent);
            Assert.Equal("Week of 16 November 2026", page.Find(".enoe-week").TextContent);
            Assert.Equal("10:00", page.FindAll(".enoe-calendar-hours span")[3].TextContent);
            Assert.Equal("Book", page.Find("#bk-submit").TextContent);
            Assert.Contains("My upcoming bookings", page.Markup);
            Assert.Contains("Laboratoire (needs approval)", page.Markup);
            foreach (
                var french in new[]
                {
                    "Réserv",
                    "Semaine",
                    "Calendrier",
                    "Mes ",
                    "Annuler",
                    "Motif",
                    "Créneau",
                    "confirmée",
                }
            )
                Assert.DoesNotContain(french, page.Markup);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task UnderFrench_ABookingAt10_IsPlacedAQuarterDownTheDay_WithADecimalPoint()
    {
        Assert.Equal("fr-FR", CultureInfo.CurrentCulture.Name); // the page's culture writes "8,333"
        await StoreBookingAsync(new DateOnly(2026, 11, 20), new(10, 0), new(11, 0));
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);

        var page = Render<BookingsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".enoe-calendar-booking")));
        // 7 h to 19 h: 10:00 is 3 hours of 12 down (25%), one hour tall (8.333%).
        Assert.Equal("top:25%;height:8.333%", page.Find(".enoe-calendar-booking").GetAttribute("style"));
        Assert.DoesNotContain(",", page.Find(".enoe-calendar").GetAttribute("style"));
    }
}
