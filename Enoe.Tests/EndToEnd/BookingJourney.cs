using Enoe.Data.Common;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourney(BrowserFixture browser)
{
    private static DateOnly NextMonday()
    {
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow));
        return today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
    }

    [Fact]
    public async Task ATeacherBooksByDragging_AColleaguesOpenCalendarShowsIt_AndAnApprovalReachesTheRequesterLive()
    {
        var monday = NextMonday();
        var teacher = await OpenAsync("claire.fontaine");
        var colleague = await OpenAsync("nathalie.girard");
        foreach (var page in new[] { teacher, colleague })
        {
            await page.GetByLabel("Calendrier de")
                .SelectOptionAsync(new SelectOptionValue { Label = "— Salle informatique B12" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Période suivante" }).ClickAsync();
            await Expect(page.Locator(".enoe-week"))
                .ToContainTextAsync(
                    monday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))
                );
        }

        // Drag from 10:00 to 11:00 in Monday's column (48 px an hour from 7:00).
        var mondayColumn = teacher
            .GetByRole(
                AriaRole.Region,
                new()
                {
                    Name = monday.ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")),
                }
            )
            .Locator(".enoe-calendar-free");
        var box = (await mondayColumn.BoundingBoxAsync())!;
        await teacher.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + 3 * 48 + 1);
        await teacher.Mouse.DownAsync();
        await teacher.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + 4 * 48 + 1, new() { Steps = 5 });
        await teacher.Mouse.UpAsync();
        await Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("de 10:00 à 11:00");
        await teacher.GetByLabel("Motif").FillAsync("Algorithmique avec Scratch");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Réserver", Exact = true }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Status)).ToHaveTextAsync("Réservation confirmée.");
        await Expect(teacher.Locator(".enoe-calendar-booking")).ToContainTextAsync("10:00–11:00");
        // Drawn from the "10 h" row down to the "11 h" row of the hours column (not at 7 h, the column's top).
        var booking = teacher.Locator(".enoe-calendar-booking").Filter(new() { HasText = "10:00–11:00" });
        var block = (await booking.BoundingBoxAsync())!;
        var ten = (await HourRow(teacher, "10 h").BoundingBoxAsync())!;
        var eleven = (await HourRow(teacher, "11 h").BoundingBoxAsync())!;
        Assert.InRange(block.Y, ten.Y - 2, ten.Y + 2);
        Assert.InRange(block.Y + block.Height, eleven.Y - 2, eleven.Y + 2);

        // The colleague's calendar, open all along, shows it without reloading.
        await Expect(colleague.Locator(".enoe-calendar-booking").Filter(new() { HasText = "10:00–11:00" }))
            .ToContainTextAsync("Claire Fontaine", new() { Timeout = 5000 });

        // A room that needs approval: pending until the direction validates, and the teacher is told live.
        await teacher
            .GetByLabel("Ressource", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "Salle polyvalente (sur validation)" });
        await teacher.GetByLabel("Date").FillAsync(monday.AddDays(1).ToString("yyyy-MM-dd"));
        await teacher.GetByLabel("Créneau").SelectOptionAsync("M1");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Réserver", Exact = true }).ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Status))
            .ToHaveTextAsync("Demande envoyée : elle attend la validation du gestionnaire.");

        var principal = await OpenAsync("helene.carpentier");
        var pending = principal.GetByRole(AriaRole.Region, new() { Name = "À valider" });
        await Expect(pending).ToContainTextAsync("Salle polyvalente");
        await pending
            .Locator("li")
            .Filter(new() { HasText = "Salle polyvalente" })
            .Filter(new() { HasText = "Claire Fontaine" })
            .GetByRole(AriaRole.Button, new() { Name = "Valider", Exact = true })
            .First.ClickAsync();
        await Expect(teacher.GetByRole(AriaRole.Status))
            .ToContainTextAsync("Salle polyvalente", new() { Timeout = 5000 });
        await Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("a été validée");
    }

    private static ILocator HourRow(IPage page, string label) =>
        page.Locator(".enoe-calendar-hours span")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{label}$") });

    private async Task<IPage> OpenAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.GotoAsync("/reservations");
        await page.WaitForCircuitAsync();
        return page;
    }
}
