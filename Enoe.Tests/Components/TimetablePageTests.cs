using Bunit;
using Enoe.Data.People;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Enoe.Widgets.Timetable;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>The timetable page: a student's week, the personnel's choices, a lesson changed in place.</summary>
public sealed partial class TimetablePageTests : SchoolComponentTest
{
    private TimetableFixture _t = default!;

    protected override async Task ArrangeAsync()
    {
        _t = await TimetableFixture.CreateAsync(Database, F);
        JSInterop.SetupConfirmDialog();
    }

    private IRenderedComponent<TimetablePage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/emploi-du-temps?" + query);
        return Render<TimetablePage>();
    }

    [Fact]
    public void AStudent_ReadsTheirWeekA_WithoutChoicesOrButtons()
    {
        this.SignInAs(F.StudentA, F.A.Id, Profile.Student);

        var page = Open("date=2026-11-17");

        page.WaitForAssertion(() => Assert.Contains("Semaine du 16 novembre 2026 · semaine A", page.Markup));
        Assert.Equal(5, page.FindAll("section.enoe-timetable-day").Count);
        Assert.Contains("SVT", page.Markup);
        Assert.Contains("sem. A", page.Markup);
        Assert.DoesNotContain("PC", page.Find(".enoe-timetable").TextContent);
        Assert.Empty(page.FindAll("select"));
        Assert.DoesNotContain("Modifier", page.Markup);
        Assert.Contains("date=2026-11-24", page.FindAll("nav a")[2].GetAttribute("href")); // a week later
    }

    [Fact]
    public void ADay_OnAPhone_ShowsOneDay()
    {
        this.SignInAs(F.StudentA, F.A.Id, Profile.Student);

        var page = Open("date=2026-11-19&vue=jour");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("section.enoe-timetable-day")));
        Assert.Contains("jeudi 19 novembre", page.Markup);
        Assert.Contains("ESP", page.Markup);
        Assert.Contains("LV2 espagnol 6e", page.Markup); // a group is named, the class is not
    }

    [Fact]
    public async Task TheDirection_OpensAClass_AndCancelsALesson_WithAReason()
    {
        this.SignInAs(F.StaffA, F.A.Id, Profile.Staff);
        var page = Open($"date=2026-11-16&classe={F.ClassA.Id}");
        page.WaitForAssertion(() => Assert.Contains("Emploi du temps · 6eA", page.Markup));
        Assert.Equal(4, page.FindAll("select").Count); // classes, groups, teachers, rooms

        page.Find("button[aria-label='Modifier le cours de MATHS du lundi 16 novembre']").Click();
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer").Click();
        page.WaitForAssertion(() => Assert.Contains("Indiquez le motif", page.Markup)); // nothing written
        page.Find("#change-reason").Change("Professeur absent");
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer").Click();

        page.WaitForAssertion(() => Assert.Contains("Annulé : Professeur absent", page.Markup));
        Assert.Contains("Modification enregistrée", page.Markup);
        await using var db = Database.NewContext();
        var change = await db.Set<LessonChange>().SingleAsync();
        Assert.Equal(
            (_t.Maths.Id, new DateOnly(2026, 11, 16), F.StaffA.Id),
            (change.LessonId, change.Date, change.ChangedById)
        );
    }

    [Fact]
    public void AParentOfAnotherFamily_OpeningAClass_IsToldNo()
    {
        this.SignInAs(F.ParentA, F.A.Id, Profile.Parent);

        var page = Open($"classe={_t.ClassB.Id}");

        page.WaitForAssertion(() => Assert.Contains("role=\"alert\"", page.Markup));
        Assert.Empty(page.FindAll("section.enoe-timetable-day"));
    }
}
