using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Data.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// The roll call on a phone (390 × 844, touch): a teacher marks one student absent and one late in her class, and the
/// CPE's list and the parent's absences page show it without reloading.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RollCallJourney(BrowserFixture browser)
{
    private sealed record Cast(
        int LessonId,
        DateOnly Date,
        int ClassSize,
        string Absent,
        string Late,
        string Parent,
        string Cpe
    );

    [Fact]
    public async Task OnAPhone_ATeacherTakesTheRoll_TheCpeAndTheParentSeeItLive()
    {
        var cast = await CastAsync();
        var day = cast.Date.ToString("yyyy-MM-dd");
        var cpe = await browser.OpenAsync(cast.Cpe, "/vie-scolaire");
        var dayPicker = cpe.Locator("input[type=date]").First;
        if (await dayPicker.InputValueAsync() != day)
        {
            await dayPicker.FillAsync(day);
            await dayPicker.DispatchEventAsync("change");
        }
        await Expect(cpe.GetByRole(AriaRole.Heading, new() { Name = "Absences et retards du jour" }))
            .ToBeVisibleAsync();
        var parent = await browser.OpenAsync(cast.Parent, "/absences");

        await using var phone = await browser.NewPhoneContextAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync("claire.fontaine");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.GotoAsync($"/appel/{cast.LessonId}/{day}");
        await page.WaitForCircuitAsync();

        await Expect(page.Locator(".enoe-rollcall-row")).ToHaveCountAsync(cast.ClassSize);
        var absent = page.GetByRole(AriaRole.Group, new() { Name = cast.Absent })
            .GetByRole(AriaRole.Button, new() { Name = "Absent" });
        await absent.TapAsync();
        await Expect(absent).ToHaveAttributeAsync("aria-pressed", "true");
        var late = page.GetByRole(AriaRole.Group, new() { Name = cast.Late })
            .GetByRole(AriaRole.Button, new() { Name = "Retard" });
        await late.TapAsync();
        await Expect(late).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appel terminé" }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Appel terminé à" })).ToBeVisibleAsync();
        Assert.True(
            await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"),
            "wider than the phone"
        );

        // Live, without reloading.
        var list = cpe.GetByRole(AriaRole.Table, new() { Name = "Absences et retards du jour" });
        await Expect(list.GetByRole(AriaRole.Row).Filter(new() { HasText = cast.Absent }))
            .ToContainTextAsync("Absence");
        await Expect(list.GetByRole(AriaRole.Row).Filter(new() { HasText = cast.Late }))
            .ToContainTextAsync("Retard de 5 min");
        await Expect(parent.GetByRole(AriaRole.List, new() { Name = "Absences et retards" }))
            .ToContainTextAsync(
                cast.Date.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))
            );
        await Expect(parent.GetByRole(AriaRole.Button, new() { Name = "Justifier" }).First).ToBeVisibleAsync();

        // Told in their notifications too: the bell counts it, the feed says what it was.
        await Expect(parent.Locator("a.enoe-indicator[href='/fil-actualites'] .enoe-badge")).ToBeVisibleAsync();
        await parent.GotoAsync("/fil-actualites");
        await Expect(parent.Locator("li.enoe-unread", new() { HasText = "Absence signalée" }).First).ToBeVisibleAsync();
    }

    /// <summary>
    /// Claire's latest lesson of a class up to today, two of its students not marked yet (the first with a parent of
    /// one child), that parent, and the CPE of her collège.
    /// </summary>
    private async Task<Cast> CastAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var timetable = scope.ServiceProvider.GetRequiredService<TimetableService>();
        var claire = await db.Users.Where(u => u.UserName == "claire.fontaine").Select(u => u.Id).SingleAsync();
        var lessons = await db.Set<Lesson>().Where(l => l.TeacherId == claire && l.SchoolClassId != null).ToListAsync();
        var today = DateOnly.FromDateTime(timetable.Now);
        for (var day = today; day > today.AddDays(-30); day = day.AddDays(-1))
            foreach (var lesson in lessons.Where(l => l.Day == day.DayOfWeek))
            {
                if (await timetable.OccurrenceAsync(lesson.Id, day) is null)
                    continue;
                var marked = await db.Set<Absence>()
                    .Where(a => a.LessonId == lesson.Id && a.Date == day)
                    .Select(a => a.StudentId)
                    .ToListAsync();
                var students = await db
                    .Enrolments.Where(e => e.SchoolClassId == lesson.SchoolClassId)
                    .Select(e => new
                    {
                        e.StudentId,
                        e.Student!.LastName,
                        e.Student.FirstName,
                        e.Student.UserName,
                        Parents = db
                            .Guardianships.Where(g => g.StudentId == e.StudentId)
                            .Select(g => new
                            {
                                g.Parent!.UserName,
                                Children = db.Guardianships.Count(o => o.ParentId == g.ParentId),
                            })
                            .ToList(),
                    })
                    .ToListAsync();
                var free = students
                    .Where(s => !marked.Contains(s.StudentId) && s.UserName is not ("lucas.martin" or "emma.martin"))
                    .ToList();
                var absent = free.FirstOrDefault(s => s.Parents.Any(p => p.Children == 1));
                var late = free.FirstOrDefault(s => s != absent);
                if (absent is null || late is null)
                    continue;
                var school = lesson.SchoolId;
                var cpe = await db
                    .Memberships.Where(m => m.SchoolId == school && (m.Functions & StaffFunction.Cpe) != 0)
                    .Select(m => m.Person!.UserName!)
                    .FirstAsync();
                return new(
                    lesson.Id,
                    day,
                    students.Count,
                    PersonNames.Listed(absent.LastName, absent.FirstName),
                    PersonNames.Listed(late.LastName, late.FirstName),
                    absent.Parents.First(p => p.Children == 1).UserName!,
                    cpe
                );
            }
        throw new InvalidOperationException("No lesson of claire.fontaine in the last 30 days.");
    }
}
