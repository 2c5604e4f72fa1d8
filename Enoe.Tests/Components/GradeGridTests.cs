using Bunit;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Grades;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class GradeGridTests : SchoolComponentTest
{
    private Person _classmate = default!;
    private int _assessment;

    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.NewContext())
        {
            _classmate = new Person
            {
                FirstName = "Anna",
                LastName = "Abel",
                UserName = "anna",
                NormalizedUserName = "ANNA",
            };
            _classmate.Memberships.Add(new Membership { SchoolId = F.A.Id, Profiles = Profile.Student });
            var maths = new Subject
            {
                SchoolId = F.A.Id,
                Code = "MATHS",
                Name = "Mathématiques",
            };
            db.AddRange(_classmate, maths);
            db.Enrolments.Add(new Enrolment { Student = _classmate, SchoolClassId = F.ClassA.Id });
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = F.TeacherA.Id,
                    Subject = maths,
                    SchoolClassId = F.ClassA.Id,
                }
            );
            await db.SaveChangesAsync();
            _assessment = (
                await Database
                    .Get<GradeService>()
                    .CreateAsync(
                        TwoSchools.As(F.TeacherA, F.A),
                        new AssessmentDraft
                        {
                            SchoolClassId = F.ClassA.Id,
                            SubjectId = maths.Id,
                            Title = "Contrôle",
                            Date = new(2026, 11, 16),
                        }
                    )
            ).Value;
        }
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
    }

    private async Task<string[]> StoredAsync()
    {
        await using var db = Database.NewContext();
        return
        [
            .. (
                await db.Set<Grade>().Where(g => g.AssessmentId == _assessment).OrderBy(g => g.StudentId).ToListAsync()
            ).Select(g => GradeInput.Display(g.Kind, g.Value)),
        ];
    }

    [Fact]
    public async Task TypingAGrade_SavesIt_AndEnterMovesToTheNextStudent()
    {
        var keyboard = JSInterop.SetupModule("./js/grades.js");
        var grid = Render<GradeGridPage>(p => p.Add(x => x.Id, _assessment));
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("input.enoe-grade").Count));

        grid.FindAll("input.enoe-grade")[0].Change("15,5"); // ABEL Anna, then TEST StudentA
        grid.WaitForAssertion(() => Assert.Contains("Enregistré.", grid.Markup));

        Assert.Equal(["15,5"], await StoredAsync());
        // Enter moves down in the browser, at once (js/grades.js, exercised in Chromium by GradesJourney): the grid
        // hands it its table.
        Assert.NotNull(keyboard.VerifyInvoke("attach").Arguments[0]);
        grid.FindAll("input.enoe-grade")[1].Change("abs");
        grid.WaitForAssertion(() => Assert.Equal("Abs", grid.FindAll("input.enoe-grade")[1].GetAttribute("value")));
    }

    [Fact]
    public async Task AGradeAboveTheScale_IsRefusedInTheCell_AndNothingIsSaved()
    {
        var grid = Render<GradeGridPage>(p => p.Add(x => x.Id, _assessment));
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("input.enoe-grade").Count));

        grid.FindAll("input.enoe-grade")[0].Change("25");

        grid.WaitForAssertion(() => Assert.Contains("25 dépasse le barème (20).", grid.Markup));
        Assert.Equal("true", grid.FindAll("input.enoe-grade")[0].GetAttribute("aria-invalid"));
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task ParentsAtTheCopiesReturn_PassesTheChosenMomentToTheService()
    {
        var grid = Render<GradeGridPage>(p => p.Add(x => x.Id, _assessment));
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("input.enoe-grade").Count));
        Assert.Empty(grid.FindAll("input[type=datetime-local][aria-label^='Date et heure de la remise']"));

        grid.Find("label.enoe-tool input[type=checkbox]").Change(true);
        grid.Find("input[aria-label='Date et heure de la remise des copies en classe']").Change("2026-11-24T14:00:00");
        grid.FindAll("button").Single(b => b.TextContent.Trim() == "Publier maintenant").Click();

        // Published Friday 20 November at 10:00: without the box, the parents' day would be Monday 07:00.
        grid.WaitForAssertion(() => Assert.Contains("les parents les verront le mardi 24 novembre", grid.Markup));
        await using var db = Database.NewContext();
        var published = await db.Set<Assessment>().SingleAsync(a => a.Id == _assessment);
        Assert.Equal(Enoe.Data.Common.SchoolTime.ToUtc(new DateTime(2026, 11, 24, 14, 0, 0)), published.ParentsSeeAt);
    }

    [Fact]
    public void InEnglish_TheGridSpeaksEnglish_AndWritesGradesWithADecimalPoint()
    {
        var (culture, uiCulture) = (
            System.Globalization.CultureInfo.CurrentCulture,
            System.Globalization.CultureInfo.CurrentUICulture
        );
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture =
            System.Globalization.CultureInfo.GetCultureInfo("en");
        try
        {
            var grid = Render<GradeGridPage>(p => p.Add(x => x.Id, _assessment));
            grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("input.enoe-grade").Count));
            Assert.Contains("Mark out of 20", grid.Markup);
            Assert.Contains("not published: families see nothing yet", grid.Markup);

            grid.FindAll("input.enoe-grade")[0].Change("15,5");
            grid.WaitForAssertion(() =>
                Assert.Equal("15.5", grid.FindAll("input.enoe-grade")[0].GetAttribute("value"))
            );
            grid.FindAll("input.enoe-grade")[1].Change("25");
            grid.WaitForAssertion(() => Assert.Contains("25 is more than the maximum mark (20).", grid.Markup));
            Assert.Contains("15.5", grid.Find("dl.enoe-facts").TextContent); // the class mean
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (
                culture,
                uiCulture
            );
        }
    }
}
