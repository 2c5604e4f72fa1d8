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
/// Weekly series on the page: shown week by week before they are confirmed, approved in one click, and the
/// requester told live.
/// </summary>
public sealed partial class BookingsPageTests
{
    [Fact]
    public async Task ASeries_IsShownWeekByWeek_WithWhoHoldsATakenWeekAndTheHolidays_AndNothingSavedBeforeConfirming()
    {
        await StoreBookingAsync(Monday.AddDays(14), new(10, 5), new(11, 0), F.StaffA); // 7 December is taken
        var page = OpenAs(F.TeacherA, Profile.Teacher);
        Fill(page, _room, Monday, "Programmation");
        AskForAWeeklySeries(page, new DateOnly(2026, 12, 28));

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("ul[aria-label='Semaines de la série'] li").Count));
        var weeks = page.FindAll("ul[aria-label='Semaines de la série'] li").Select(li => li.TextContent).ToList();
        Assert.Contains("libre", weeks[0]);
        Assert.Contains("déjà réservé par StaffA Test", weeks[2]);
        Assert.Contains("vacances (Vacances de Noël)", weeks[4]);
        Assert.Equal("Réserver 3 semaines", page.Find("#bk-confirm-series").TextContent);
        Assert.Single(await StoredAsync()); // only the colleague's

        page.Find("#bk-reason").Change("Programmation Python"); // a changed form hides what no longer matches it
        Assert.Empty(page.FindAll("#bk-confirm-series"));
        page.Find("#bk-submit").Click();
        page.WaitForAssertion(() => page.Find("#bk-confirm-series").Click());

        page.WaitForAssertion(() => Assert.Contains("Série réservée : 3 semaines.", page.Markup));
        var series = (await StoredAsync()).Where(b => b.PersonId == F.TeacherA.Id).ToList();
        Assert.Equal(
            [Monday, Monday.AddDays(7), Monday.AddDays(21)],
            series.Select(b => DateOnly.FromDateTime(SchoolTime.ToLocal(b.StartsAt)))
        );
        Assert.Single(series.Select(b => b.SeriesId).Distinct());
        Assert.All(series, b => Assert.Equal("Programmation Python", b.Reason));
    }

    [Fact]
    public async Task AManager_ApprovesAWholePendingSeriesInOneClick()
    {
        var bookings = Database.Get<BookingService>();
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var request = new BookingRequest(_lab, Monday, new(10, 5), new(11, 0));
        Assert.Equal(
            3,
            (
                await bookings.BookSeriesAsync(
                    teacher,
                    request,
                    Monday.AddDays(14),
                    [Monday, Monday.AddDays(7), Monday.AddDays(14)]
                )
            ).Value
        );
        Assert.True((await bookings.BookAsync(teacher, request with { Date = Monday.AddDays(1) })).Succeeded);

        var page = OpenAs(F.StaffA, Profile.Staff);
        page.WaitForAssertion(() => Assert.Contains("À valider (4)", page.Markup));
        Assert.Contains(
            "Série de 3 semaines en attente, chaque lundi de 10:05 à 11:00, du 23 nov. au 7 déc.",
            page.Find(".enoe-pending-series").TextContent
        );
        page.FindAll("button").Single(b => b.TextContent == "Valider la série").Click();

        page.WaitForAssertion(() => Assert.Contains("Série validée : 3 semaines.", page.Markup));
        Assert.Equal(
            [BookingStatus.Approved, BookingStatus.Pending, BookingStatus.Approved, BookingStatus.Approved],
            (await StoredAsync()).Select(b => b.Status)
        );
        page.WaitForAssertion(() => Assert.Contains("À valider (1)", page.Markup));
    }

    [Fact]
    public async Task TheRequester_IsToldLive_WhenTheirWholeSeriesIsApproved()
    {
        var bookings = Database.Get<BookingService>();
        var request = new BookingRequest(_lab, Monday, new(10, 5), new(11, 0));
        Assert.Equal(
            2,
            (
                await bookings.BookSeriesAsync(
                    TwoSchools.As(F.TeacherA, F.A),
                    request,
                    Monday.AddDays(7),
                    [Monday, Monday.AddDays(7)]
                )
            ).Value
        );
        var page = OpenAs(F.TeacherA, Profile.Teacher);
        Assert.Equal(2, page.FindAll(".enoe-status-late").Count); // en attente de validation
        var series = (await StoredAsync())[0].SeriesId!.Value;

        Assert.Equal(2, (await bookings.DecideSeriesAsync(TwoSchools.As(F.StaffA, F.A), series, approve: true)).Value);

        page.WaitForAssertion(() =>
            Assert.Equal("Votre série pour Laboratoire a été validée.", page.Find("[role=status]").TextContent)
        );
        Assert.Equal(2, page.FindAll(".enoe-status-ok").Count);
    }
}
