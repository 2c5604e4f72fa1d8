using Bunit;
using Enoe.Data.People;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Enoe.Widgets.Timetable;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

/// <summary>The change form: where the keyboard goes, and a move onto other lessons confirmed.</summary>
public sealed partial class TimetablePageTests
{
    private IRenderedComponent<TimetablePage> OpenClassAsDirection()
    {
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
        var page = Open($"date=2026-11-16&classe={F.ClassA.Id}");
        page.WaitForAssertion(() => Assert.Contains("Emploi du temps · 6eA", page.Markup));
        return page;
    }

    private static void Press(IRenderedComponent<TimetablePage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    private IEnumerable<JSRuntimeInvocation> FocusCalls() =>
        JSInterop.Invocations.Where(i => i.Identifier == "Blazor._internal.domWrapper.focus");

    private string? LastFocused() => ((ElementReference)FocusCalls().Last().Arguments[0]!).Id;

    [Fact]
    public void TheForm_TakesTheFocusWhenItOpens_AndGivesItBackToItsButtonWhenClosed()
    {
        var page = OpenClassAsDirection();
        const string Maths = "button[aria-label='Modifier le cours de MATHS du lundi 16 novembre']";
        var opener = page.Find(Maths).GetAttribute("blazor:elementReference");

        page.Find(Maths).Click();

        page.WaitForAssertion(() =>
            Assert.Equal(page.Find("#change-title").GetAttribute("blazor:elementReference"), LastFocused())
        );
        Assert.Equal(false, FocusCalls().Last().Arguments[1]); // not preventScroll: the browser brings it into view
        Assert.Equal("-1", page.Find("#change-title").GetAttribute("tabindex"));
        var opened = FocusCalls().Count();
        page.Find("#change-reason").Change("Sortie");
        Assert.Equal(opened, FocusCalls().Count()); // typing leaves the focus where it is

        Press(page, "Fermer");

        page.WaitForAssertion(() => Assert.Equal(opener, LastFocused()));
        Assert.Empty(page.FindAll("#change-title"));
    }

    [Fact]
    public async Task AMoveOntoAnotherLesson_ListsIt_AndIsWrittenOnlyWithDeplacerQuandMeme()
    {
        var page = OpenClassAsDirection();
        page.Find("button[aria-label='Modifier le cours de MATHS du lundi 16 novembre']").Click();
        page.FindAll("input[name=change-kind]")[1].Change(true); // Cours déplacé
        page.Find("#change-reason").Change("Sortie");
        page.Find("input[type=date]").Change("2026-11-17");
        page.FindAll("input[type=time]")[0].Change("10:30:00");
        page.FindAll("input[type=time]")[1].Change("11:25:00");

        Press(page, "Enregistrer");

        page.WaitForAssertion(() => Assert.Contains("SVT, 10:05–11:00 : 6eA · TeacherA Test · Labo 1", page.Markup));
        Assert.Contains("confirmez le déplacement", page.Markup);
        await using (var db = Database.NewContext())
            Assert.Empty(db.Set<LessonChange>());

        Press(page, "Déplacer quand même");

        page.WaitForAssertion(() => Assert.Contains("Modification enregistrée", page.Markup));
        await using (var db = Database.NewContext())
            Assert.Equal(new DateOnly(2026, 11, 17), (await db.Set<LessonChange>().SingleAsync()).NewDate);
    }
}
