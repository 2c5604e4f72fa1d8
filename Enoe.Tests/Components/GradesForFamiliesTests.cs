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
/// What students and families read of marks and skills: numbers in CSS and SVG with a decimal point
/// whatever the page's culture, marks with the reader's decimal mark, the child named for a parent, English.
/// StudentA has 12,5 then 13,25 over two terms; Emma (also ParentA's child, first by name) 15 then 9,5.
/// </summary>
public sealed partial class GradesForFamiliesTests : SchoolComponentTest
{
    private static readonly string[] NumberAttributes =
    [
        "style",
        "d",
        "points",
        "x",
        "y",
        "x1",
        "x2",
        "y1",
        "y2",
        "cx",
        "cy",
        "r",
        "width",
        "height",
        "viewBox",
        "transform",
        "stroke-width",
    ];
    private Person _emma = default!;

    protected override async Task ArrangeAsync()
    {
        Subject maths;
        await using (var db = Database.NewContext())
        {
            _emma = new Person
            {
                FirstName = "Emma",
                LastName = "Test",
                UserName = "emma",
                NormalizedUserName = "EMMA",
            };
            _emma.Memberships.Add(new Membership { SchoolId = F.A.Id, Profiles = Profile.Student });
            maths = new Subject
            {
                SchoolId = F.A.Id,
                Code = "MATHS",
                Name = "Mathématiques",
            };
            db.AddRange(_emma, maths);
            db.Enrolments.Add(new Enrolment { Student = _emma, SchoolClassId = F.ClassA.Id });
            db.Guardianships.Add(new Guardianship { ParentId = F.ParentA.Id, Student = _emma });
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = F.TeacherA.Id,
                    Subject = maths,
                    SchoolClassId = F.ClassA.Id,
                }
            );
            db.AddRange(
                new Term
                {
                    SchoolId = F.A.Id,
                    Name = "Trimestre 1",
                    StartsOn = new(2026, 9, 1),
                    EndsOn = new(2026, 11, 30),
                },
                new Term
                {
                    SchoolId = F.A.Id,
                    Name = "Trimestre 2",
                    StartsOn = new(2026, 12, 1),
                    EndsOn = new(2027, 3, 15),
                }
            );
            // Parents read the marks as soon as their children (the delay has tests of its own).
            db.Add(new Enoe.Data.Notifications.QuietHours { SchoolId = F.A.Id, ParentMarkDelayHours = 0 });
            await db.SaveChangesAsync();
        }
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero));
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var grades = Database.Get<GradeService>();
        foreach (
            var (date, emma, student) in new[]
            {
                (new DateOnly(2026, 11, 16), "15", "12,5"),
                (new DateOnly(2026, 12, 8), "9,5", "13,25"),
            }
        )
        {
            var id = (
                await grades.CreateAsync(
                    teacher,
                    new AssessmentDraft
                    {
                        SchoolClassId = F.ClassA.Id,
                        SubjectId = maths.Id,
                        Title = "Contrôle",
                        Date = date,
                    }
                )
            ).Value;
            // Emma, then StudentA
            Assert.True((await grades.PasteAsync(teacher, id, _emma.Id, $"{emma}\n{student}")).Succeeded);
            Assert.True((await grades.PublishAsync(teacher, id, publish: true)).Succeeded);
        }
        var skills = Database.Get<SkillService>();
        var skill = (await skills.BookletAsync(teacher, F.StudentA.Id)).Value!.Domains[0].Skills[0].SkillId;
        Assert.True((await skills.AssessAsync(teacher, F.StudentA.Id, skill, MasteryLevel.Satisfactory)).Succeeded);
        Assert.True((await skills.AssessAsync(teacher, _emma.Id, skill, MasteryLevel.VeryGood)).Succeeded);
    }

    [Fact]
    public void TheAveragesPage_WritesGradesWithADecimalComma_AndItsChartWithDecimalPoints()
    {
        this.SignInAs(F.StudentA, F.A.Id, Profile.Student);
        var page = Render<GradesPage>();
        page.WaitForAssertion(() => Assert.Contains("Notes de StudentA Test", page.Markup));

        Assert.Contains("13,25", page.Markup); // this term's mark and averages, as a French reader writes them
        var line = page.WaitForElement("path.mud-chart-line").GetAttribute("d")!; // 12,5 then 13,25 over the year
        Assert.Matches(@"\d\.\d", line);
        AssertNoDecimalCommaIn(page.FindAll("*"));
    }

    [Fact]
    public void InEnglish_TheAveragesPage_ReadsInEnglish_WithDecimalPoints()
    {
        this.SignInAs(F.StudentA, F.A.Id, Profile.Student);
        InEnglish(() =>
        {
            var page = Render<GradesPage>();
            page.WaitForAssertion(() => Assert.Contains("Marks for StudentA Test", page.Markup));
            Assert.Contains("Overall average", page.Markup);
            Assert.Contains("13.25", page.Markup);
            Assert.Contains("Every mark is scaled to a mark out of 20", page.Markup);
            Assert.DoesNotContain("13,25", page.Markup);
            Assert.DoesNotContain("Moyenne", page.Markup);
            Assert.DoesNotContain("Période", page.Markup);
        });
    }

    [Fact]
    public async Task TheSkillsMeter_WritesItsShare_WithADecimalPoint()
    {
        var context = await WidgetContextAsync(TwoSchools.As(F.StudentA, F.A), new(4, 3));
        var widget = Render<SkillsProgressWidget>(p => p.Add(x => x.Context, context));
        widget.WaitForAssertion(() => Assert.Contains("1 / 13 compétences évaluées", widget.Markup));

        // One skill of thirteen: 7.692 %, which French would write "7,692 %" and CSS would drop.
        Assert.Contains("--enoe-meter:7.692%", widget.Markup);
        AssertNoDecimalCommaIn(widget.FindAll("*"));
        Assert.DoesNotContain("Compétences de", widget.Markup); // a student reads their own: no name to say
    }

    private static void InEnglish(Action act)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            act();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>No number in CSS or SVG written the French way ("25,69"), which a browser silently rejects.</summary>
    private static void AssertNoDecimalCommaIn(IEnumerable<IElement> elements) =>
        Assert.Empty(
            elements
                .SelectMany(e => e.Attributes)
                .Where(a => NumberAttributes.Contains(a.Name) && DecimalComma().IsMatch(a.Value))
                .Select(a => $"{a.Name}=\"{a.Value}\"")
        );

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();
}
