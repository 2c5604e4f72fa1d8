using Enoe.Data;
using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// Marks published reach a parent's bell live, outside the quiet window (the shared host lifts it and shows marks to
/// parents at once, <see cref="QuietWindowLift"/>), and the feed names the child.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationBellJourney(BrowserFixture browser)
{
    [Fact]
    public async Task AMarkPublished_ReachesTheParentsBellLive_AndTheFeedNamesTheChild()
    {
        var maths = await ClaireIn4eA.FindAsync(browser.Services);
        var grades = browser.Services.GetRequiredService<GradeService>();
        var id = (
            await grades.CreateAsync(
                maths.Teacher,
                new AssessmentDraft
                {
                    SchoolClassId = maths.ClassId,
                    SubjectId = maths.SubjectId,
                    Title = "Cloche des notes",
                    Date = DateOnly.FromDateTime(SchoolTime.ToLocal(DateTime.UtcNow)),
                }
            )
        ).Value;
        int lucas;
        await using (
            var db = await browser
                .Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>()
                .CreateDbContextAsync()
        )
            lucas = await db.Users.Where(u => u.UserName == "lucas.martin").Select(u => u.Id).SingleAsync();
        Assert.True((await grades.SaveCellAsync(maths.Teacher, id, lucas, "14")).Succeeded);

        var parent = await browser.NewPageAsync();
        await parent.SignInAsync("sophie.martin");
        await parent.WaitForURLAsync("**/tableau-de-bord");
        await parent.WaitForCircuitAsync();
        var bell = parent.Locator("a.enoe-indicator[href='/fil-actualites']");
        var before =
            await bell.Locator(".enoe-badge").CountAsync() == 0
                ? 0
                : int.Parse(await bell.Locator(".enoe-badge").InnerTextAsync());

        Assert.True((await grades.PublishAsync(maths.Teacher, id, publish: true)).Succeeded);

        await Expect(bell.Locator(".enoe-badge")).ToHaveTextAsync((before + 1).ToString(), new() { Timeout = 10_000 });
        await bell.ClickAsync();
        await parent.WaitForURLAsync("**/fil-actualites");
        // The page's own list: until the page replaces the dashboard, the address has changed while the dashboard's
        // feed widget, with the same line, is still there to be clicked.
        var today = parent.GetByRole(AriaRole.List, new() { Name = "Aujourd'hui" });
        var line = today.Locator("li.enoe-unread", new() { HasText = "Cloche des notes" });
        await Expect(line).ToContainTextAsync("Notes publiées");
        await Expect(line).ToContainTextAsync("Lucas");

        // Opening it leads to the marks and reads it: the bell counts one fewer.
        await line.Locator("a").ClickAsync();
        await parent.WaitForURLAsync("**/notes");
        await Expect(parent.Locator("a.enoe-indicator[href='/fil-actualites']"))
            .Not.ToContainTextAsync((before + 1).ToString());
    }
}
