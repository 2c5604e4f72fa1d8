using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Skills;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Common;
using Enoe.Widgets.Grades;
using Enoe.Widgets.Skills;

namespace Enoe.Tests.Components;

/// <summary>
/// What a parent reads: the child named on each page and widget, grades from the child's other school arriving live,
/// and French's "de" elided before a vowel.
/// </summary>
public sealed partial class GradesForFamiliesTests
{
    [Fact]
    public async Task ForAParent_ThePagesAndWidgets_NameTheChildTheyShow()
    {
        this.SignInAs(F.ParentA, F.A.Id, Profile.Parent);
        var parent = TwoSchools.As(F.ParentA, F.A);

        var marks = Render<GradesPage>();
        marks.WaitForAssertion(() => Assert.Contains("Notes d'Emma Test", marks.Find("h2").TextContent));
        Assert.Contains("9,5", marks.Markup);
        var booklet = Render<BookletPage>();
        booklet.WaitForAssertion(() => Assert.Contains("Livret d'Emma Test", booklet.Find("h2").TextContent));

        var context = await WidgetContextAsync(parent, new(4, 3));
        var latest = Render<LatestGradesWidget>(p => p.Add(x => x.Context, context));
        latest.WaitForAssertion(() => Assert.Equal("Notes d'Emma Test", latest.Find(".enoe-grades-whose").TextContent));
        var skills = Render<SkillsProgressWidget>(p => p.Add(x => x.Context, context));
        skills.WaitForAssertion(() =>
            Assert.Equal("Compétences d'Emma Test", skills.Find(".enoe-grades-whose").TextContent)
        );

        var lucasLike = Render<LatestGradesWidget>(p =>
            p.Add(x => x.Context, context with { ChildId = F.StudentA.Id })
        );
        lucasLike.WaitForAssertion(() =>
            Assert.Equal("Notes de StudentA Test", lucasLike.Find(".enoe-grades-whose").TextContent)
        );
        InEnglish(() =>
        {
            var english = Render<LatestGradesWidget>(p => p.Add(x => x.Context, context));
            english.WaitForAssertion(() =>
                Assert.Equal("Marks for Emma Test", english.Find(".enoe-grades-whose").TextContent)
            );
        });
    }

    [Fact]
    public async Task AGradePublishedAtTheChildsOtherSchool_ReachesTheParentsWidgetLive()
    {
        // Léo is at school B; his mother works from school A, where her dashboard is.
        Person leo,
            teacherB;
        Subject art;
        SchoolClass classB;
        await using (var db = Database.NewContext())
        {
            leo = new Person
            {
                FirstName = "Léo",
                LastName = "Test",
                UserName = "leo",
                NormalizedUserName = "LEO",
            };
            leo.Memberships.Add(new Membership { SchoolId = F.B.Id, Profiles = Profile.Student });
            teacherB = new Person
            {
                FirstName = "TeacherB",
                LastName = "Test",
                UserName = "teacherb",
                NormalizedUserName = "TEACHERB",
            };
            teacherB.Memberships.Add(new Membership { SchoolId = F.B.Id, Profiles = Profile.Teacher });
            classB = new SchoolClass
            {
                SchoolId = F.B.Id,
                LevelId = 1,
                Name = "6eB",
            };
            art = new Subject
            {
                SchoolId = F.B.Id,
                Code = "ART",
                Name = "Arts plastiques",
            };
            db.AddRange(leo, teacherB, classB, art);
            db.Enrolments.Add(new Enrolment { Student = leo, SchoolClass = classB });
            db.Guardianships.Add(new Guardianship { ParentId = F.ParentA.Id, Student = leo });
            // School B shows marks to parents as soon as to students (the delay has tests of its own).
            db.Add(new Enoe.Data.Notifications.QuietHours { SchoolId = F.B.Id, ParentMarkDelayHours = 0 });
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    Teacher = teacherB,
                    Subject = art,
                    SchoolClass = classB,
                }
            );
            await db.SaveChangesAsync();
        }
        var context = await WidgetContextAsync(TwoSchools.As(F.ParentA, F.A), new(4, 3)) with { ChildId = leo.Id };
        var widget = Render<LatestGradesWidget>(p => p.Add(x => x.Context, context));
        widget.WaitForAssertion(() => Assert.Contains("Pas encore de note publiée.", widget.Markup));

        var teacher = TwoSchools.As(teacherB, F.B);
        var grades = Database.Get<GradeService>();
        var id = (
            await grades.CreateAsync(
                teacher,
                new AssessmentDraft
                {
                    SchoolClassId = classB.Id,
                    SubjectId = art.Id,
                    Title = "Autoportrait",
                    Date = new(2026, 12, 9),
                }
            )
        ).Value;
        Assert.True((await grades.SaveCellAsync(teacher, id, leo.Id, "17,5")).Succeeded);
        Assert.True((await grades.PublishAsync(teacher, id, publish: true)).Succeeded);

        widget.WaitForAssertion(() => Assert.Contains("17,5/20", widget.Markup));
        Assert.Equal("Notes de Léo Test", widget.Find(".enoe-grades-whose").TextContent);
    }

    [Theory]
    [InlineData("Emma", "d'Emma")]
    [InlineData("Élodie", "d'Élodie")]
    [InlineData("Hugo", "d'Hugo")]
    [InlineData("Lucas", "de Lucas")]
    [InlineData("Yanis", "de Yanis")]
    public void FrenchElidesDe_BeforeAVowelOrAMuteH(string name, string expected) =>
        Assert.Equal(expected, Whose.Of(name, n => $"de {n}", n => $"d'{n}"));
}
