using Enoe.Data;
using Enoe.Data.Assignments;
using Enoe.Data.Bookings;
using Enoe.Data.Common;
using Enoe.Data.Documents;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Data.Skills;
using Enoe.Data.Storage;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Enoe.Tests.Data;

/// <summary>
/// The demo's data holds together: carnets, grades and bookings stay within their rules, each school has its own
/// news, and the year follows the clock.
/// </summary>
public sealed partial class DemoMonthTests
{
    [Fact]
    public async Task EveryClass_HasItsCarnet_WrittenOnlyByItsTeachers_OnSchoolDays_AndNotOverloaded()
    {
        await using var db = Database.NewContext();
        var entries = await db
            .LogbookEntries.Select(e => new
            {
                e.SchoolClassId,
                e.TeachingGroupId,
                e.SubjectId,
                e.UpdatedById,
                e.SessionDate,
                e.Homework,
                e.HomeworkDueDate,
            })
            .ToListAsync();
        var taught = (
            await db
                .TeachingAssignments.Select(t => new
                {
                    t.TeacherId,
                    t.SubjectId,
                    t.SchoolClassId,
                    t.TeachingGroupId,
                })
                .ToListAsync()
        ).ToHashSet();
        Assert.All(
            entries,
            e =>
                Assert.Contains(
                    new
                    {
                        TeacherId = e.UpdatedById,
                        e.SubjectId,
                        e.SchoolClassId,
                        e.TeachingGroupId,
                    },
                    taught
                )
        );
        foreach (var schoolClass in await db.Classes.Select(c => c.Id).ToListAsync())
        {
            Assert.Contains(entries, e => e.SchoolClassId == schoolClass);
            Assert.Contains(entries, e => e.SchoolClassId == schoolClass && e.Homework != null);
        }
        // No lesson at weekends, during the Toussaint holidays or on 11 November; none after today.
        Assert.All(
            entries,
            e =>
                Assert.True(
                    e.SessionDate.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                        && e.SessionDate >= new DateOnly(2026, 11, 2)
                        && e.SessionDate != new DateOnly(2026, 11, 11)
                        && e.SessionDate <= Today,
                    e.SessionDate.ToString()
                )
        );
        Assert.Contains(entries, e => e.HomeworkDueDate > Today);
        // Below the warning threshold (3) for every class on every day: the demo never shouts.
        Assert.All(
            entries
                .Where(e => e.SchoolClassId != null && e.Homework != null)
                .GroupBy(e => (e.SchoolClassId, e.HomeworkDueDate)),
            g => Assert.True(g.Count() <= 2)
        );
    }

    [Fact]
    public async Task Grades_StayWithinTheirScale_WithAbsencesAndExemptionsInSport()
    {
        await using var db = Database.NewContext();
        var grades = await db.Set<Grade>()
            .Select(g => new
            {
                g.Kind,
                g.Value,
                g.Assessment!.Scale,
                Subject = g.Assessment.Subject!.Code,
            })
            .ToListAsync();
        Assert.True(grades.Count > 3000, $"{grades.Count} marks");
        Assert.All(grades.Where(g => g.Kind == GradeKind.Numeric), g => Assert.InRange(g.Value!.Value, 0, g.Scale));
        Assert.All(grades.Where(g => g.Kind != GradeKind.Numeric), g => Assert.Null(g.Value));
        Assert.Contains(grades, g => g.Kind == GradeKind.Absent);
        Assert.All(grades.Where(g => g.Kind == GradeKind.Exempt), g => Assert.Equal("EPS", g.Subject));
        Assert.Contains(grades, g => g.Kind == GradeKind.Exempt);
        Assert.Contains(await db.Assessments.Select(a => a.Scale).Distinct().ToListAsync(), s => s == 10);
    }

    [Fact]
    public async Task Bookings_NeverExceedAResource_OneWaitsForApproval_AndTheComputerRoomIsFreeNextWeek()
    {
        await using var db = Database.NewContext();
        var bookings = await db
            .Bookings.Where(b => b.Status == BookingStatus.Approved || b.Status == BookingStatus.Pending)
            .Select(b => new
            {
                b.ResourceId,
                b.StartsAt,
                b.EndsAt,
                b.Units,
                ResourceUnits = b.Resource!.Units,
            })
            .ToListAsync();
        Assert.True(bookings.Count > 30, $"{bookings.Count} bookings");
        foreach (var b in bookings)
            Assert.True(
                bookings
                    .Where(o => o.ResourceId == b.ResourceId && o.StartsAt < b.EndsAt && o.EndsAt > b.StartsAt)
                    .Sum(o => o.Units) <= b.ResourceUnits
            );
        Assert.True(await db.Bookings.AnyAsync(b => b.SeriesId != null));
        Assert.True(await db.Bookings.AnyAsync(b => b.Status == BookingStatus.Refused));

        var principal = await UserAsync("helene.carpentier");
        var service = Database.Get<BookingService>();
        var pending = Assert.Single(await service.PendingAsync(principal));
        Assert.Equal("Salle polyvalente", pending.Resource);
        Assert.True(
            SchoolTime.ToLocal(pending.StartsAt) > new DateTime(2026, 11, 24, 9, 0, 0),
            "after next Tuesday's first hour, which the booking journey asks for"
        );
        var computerRoom = (await service.ResourcesAsync(principal)).Single(r => r.Name == "Salle informatique B12");
        Assert.Empty(
            await service.CalendarAsync(principal, new(2026, 11, 23), new(2026, 11, 27), resourceId: computerRoom.Id)
        );
        Assert.NotEmpty(
            await service.CalendarAsync(principal, new(2026, 11, 16), new(2026, 11, 20), resourceId: computerRoom.Id)
        );
        Assert.Contains(
            await service.UpcomingAsync(await UserAsync("lucas.martin")),
            b => b.Resource == "CDI – espace de travail"
        );
    }

    [Fact]
    public async Task EachSchool_HasNewsOfItsOwn_SignedWithItsAddressPhoneAndEmail()
    {
        await using var db = Database.NewContext();
        var articles = Database.Get<ArticleService>();
        var titles = new List<string>();
        foreach (var school in await db.Schools.ToListAsync())
        {
            Assert.Matches(@"^0\d( \d\d){4}$", school.Phone);
            Assert.Equal($"ce.{school.Uai.ToLowerInvariant()}@ac-besancon.fr", school.Email);
            var news = await articles.GetPublishedAsync(school.Id, ArticleKind.News);
            Assert.True(news.Select(n => n.PublishAt).Distinct().Count() >= 4);
            titles.AddRange(news.Select(n => n.Title));
            var body = (await db.Articles.SingleAsync(a => a.Id == news[0].Id)).BodyMarkdown;
            Assert.Contains(school.Phone!, body);
            Assert.Contains(school.Email!, body);
            var site = await Database.Get<SchoolDirectory>().FindPublicSiteAsync(school.Slug);
            Assert.Equal((school.Phone, school.Email), (site!.Phone, site.Email));
        }
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task TheYear_ComesFromTheClock_ZoneAHolidaysAndThreeTerms()
    {
        var school = (await UserAsync("lucas.martin")).SchoolId;
        var holidays = await Database.Get<BookingService>().HolidaysAsync(school);
        Assert.Contains(
            holidays,
            h =>
                h.Name == "Vacances de la Toussaint"
                && h.From == new DateOnly(2026, 10, 17)
                && h.To == new DateOnly(2026, 11, 1)
        );
        Assert.Contains(
            holidays,
            h =>
                h is { Name: "Vacances de Noël" }
                && h.From == new DateOnly(2026, 12, 19)
                && h.To == new DateOnly(2027, 1, 3)
        );
        Assert.Contains(holidays, h => h.Name == "Vacances d'hiver" && h.From == new DateOnly(2027, 2, 6));
        Assert.Contains(
            holidays,
            h =>
                h.Name == "Pont de l'Ascension"
                && h.From == new DateOnly(2027, 5, 6)
                && h.To == new DateOnly(2027, 5, 9)
        );
        Assert.Contains(holidays, h => h.From == new DateOnly(2026, 11, 11) && h.To == h.From);
        var terms = await Database.Get<GradeService>().TermsAsync(school);
        Assert.Equal(
            [new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 13)],
            terms.Select(t => t.StartsOn)
        );
    }
}
