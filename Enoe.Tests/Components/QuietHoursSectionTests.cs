using Bunit;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

/// <summary>
/// "Droit à la déconnexion" in the établissement's settings: the window as saved, and bad input refused.
/// </summary>
public sealed class QuietHoursSectionTests : SchoolComponentTest
{
    protected override async Task ArrangeAsync()
    {
        var direction = TwoSchools.As(F.StaffA, F.A);
        var quiet = Database.Get<QuietHoursService>();
        Assert.True(
            (await quiet.SaveAsync(direction, F.A.Id, new(new(21, 30), new(6, 45), false, true, 12))).Succeeded
        );
        var day = new DateOnly(2026, 11, 25);
        Assert.True((await quiet.LiftAsync(direction, F.A.Id, day, day, "Soirée de l'internat")).Succeeded);
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
    }

    private static string? Value(IRenderedComponent<QuietHoursSection> section, string selector) =>
        section.Find(selector).GetAttribute("value");

    [Fact]
    public void TheSection_ShowsTheCurrentWindow_AndItsExceptions()
    {
        var section = Render<QuietHoursSection>();

        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("input[type=time]")));
        var times = section.FindAll("input[type=time]");
        Assert.StartsWith("21:30", times[0].GetAttribute("value"));
        Assert.StartsWith("06:45", times[1].GetAttribute("value"));
        Assert.Equal("12", Value(section, "input[type=number]"));
        var boxes = section.FindAll("input[type=checkbox]");
        Assert.Equal((false, true), (boxes[0].HasAttribute("checked"), boxes[1].HasAttribute("checked")));
        Assert.Contains("Soirée de l'internat", section.Find("ul.enoe-rows").TextContent);
    }

    [Fact]
    public async Task SavingAMorningAfterTheEvening_ShowsTheFrenchMessage_AndChangesNothing()
    {
        var section = Render<QuietHoursSection>();
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("input[type=time]")));

        section.FindAll("input[type=time]")[0].Change("06:00:00");
        section.Find("input[type=number]").Change("99");
        section.FindAll("button").First(b => b.TextContent.Trim() == "Enregistrer").Click();

        section.WaitForAssertion(() =>
            Assert.Equal(
                "Le matin doit venir avant le soir (par exemple 07:00 et 20:00). "
                    + "Le délai pour les parents va de 0 à 72 heures.",
                section.Find("[role=alert]").TextContent
            )
        );
        await using var db = Database.NewContext();
        var saved = await db.Set<QuietHours>().SingleAsync(q => q.SchoolId == F.A.Id);
        Assert.Equal((new TimeOnly(21, 30), 12), (saved.Evening, saved.ParentMarkDelayHours));
    }
}
