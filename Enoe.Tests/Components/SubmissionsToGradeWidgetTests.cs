using Bunit;
using Enoe.Data.Assignments;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Assignments;

namespace Enoe.Tests.Components;

public sealed class SubmissionsToGradeWidgetTests : SchoolComponentTest
{
    private Person _classmate = default!;
    private Subject _french = default!;

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
            _french = new Subject
            {
                SchoolId = F.A.Id,
                Code = "FRANC",
                Name = "Français",
            };
            db.AddRange(_classmate, _french);
            db.Enrolments.Add(new Enrolment { Student = _classmate, SchoolClassId = F.ClassA.Id });
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = F.TeacherA.Id,
                    Subject = _french,
                    SchoolClassId = F.ClassA.Id,
                }
            );
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task ALateSubmissionOnAnOlderDevoir_AppearsLive()
    {
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var assignments = Database.Get<AssignmentService>();
        var id = (
            await assignments.CreateAsync(
                teacher,
                new AssignmentDraft
                {
                    SchoolClassId = F.ClassA.Id,
                    SubjectId = _french.Id,
                    Title = "Rédaction",
                    AcceptsLate = true,
                    DueLocal = Enoe.Data.Common.SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime).AddDays(1),
                },
                []
            )
        ).Value;
        await assignments.HandInAsync(TwoSchools.As(F.StudentA, F.A), id, [TestFiles.Pdf()]);
        await assignments.ReturnAsync(teacher, id, F.StudentA.Id, "Bien.", null);
        Database.Clock.Advance(TimeSpan.FromDays(3)); // past due, every copy returned: nothing to mark

        var context = await WidgetContextAsync(teacher, new WidgetSize(4, 3));
        var widget = Render<SubmissionsToGradeWidget>(p => p.Add(w => w.Context, context));
        widget.WaitForAssertion(() => Assert.Contains("Aucune copie à corriger.", widget.Markup));

        // Late, from another circuit
        await assignments.HandInAsync(TwoSchools.As(_classmate, F.A), id, [TestFiles.Pdf()]);

        widget.WaitForAssertion(() => Assert.Contains("1 à corriger", widget.Markup));
        Assert.Contains("Rédaction", widget.Markup);
    }

    [Fact]
    public async Task ATeacherInTwoSchools_SeesTheSubmissionsOfTheSchoolTheyWorkIn()
    {
        var two = await TeacherInTwoSchools.CreateAsync(Database, F);
        var assignments = Database.Get<AssignmentService>();
        var due = Enoe.Data.Common.SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        Assert.True(
            (
                await assignments.CreateAsync(
                    two.InA,
                    new AssignmentDraft
                    {
                        SchoolClassId = F.ClassA.Id,
                        SubjectId = _french.Id,
                        Title = "Rédaction en A",
                        DueLocal = due,
                    },
                    []
                )
            ).Succeeded
        );
        var inB = (
            await assignments.CreateAsync(
                two.InB,
                new AssignmentDraft
                {
                    SchoolClassId = two.ClassB,
                    SubjectId = two.SubjectB,
                    Title = "Problèmes en B",
                    DueLocal = due,
                },
                []
            )
        ).Value;
        Assert.True(
            (
                await assignments.HandInAsync(
                    new CurrentUser(two.StudentB, "StudentB", F.B.Id, Profile.Student),
                    inB,
                    [TestFiles.Pdf()]
                )
            ).Succeeded
        );

        var context = await WidgetContextAsync(two.InA, new WidgetSize(4, 3));
        var widget = Render<SubmissionsToGradeWidget>(p => p.Add(w => w.Context, context));

        widget.WaitForAssertion(() => Assert.Contains("Rédaction en A", widget.Markup));
        Assert.DoesNotContain("Problèmes en B", widget.Markup);
    }

    [Fact]
    public async Task AnEnglishReader_GetsTheWidgetInEnglish()
    {
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var assignments = Database.Get<AssignmentService>();
        var id = (
            await assignments.CreateAsync(
                teacher,
                new AssignmentDraft
                {
                    SchoolClassId = F.ClassA.Id,
                    SubjectId = _french.Id,
                    Title = "Rédaction",
                    DueLocal = Enoe.Data.Common.SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime).AddDays(1),
                },
                []
            )
        ).Value;
        await assignments.HandInAsync(TwoSchools.As(F.StudentA, F.A), id, [TestFiles.Pdf()]);
        var context = await WidgetContextAsync(teacher, new WidgetSize(4, 3));
        using (new InEnglish())
        {
            var widget = Render<SubmissionsToGradeWidget>(p => p.Add(w => w.Context, context));
            widget.WaitForAssertion(() => Assert.Contains("1 to mark", widget.Markup));
            Assert.Equal("Copies to mark", widget.Find("ul").GetAttribute("aria-label"));
            Assert.Equal("handed in 1 / 2 · due Sat 21 Nov", widget.Find(".enoe-muted").TextContent);
        }
    }
}
