using Bunit;
using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Assignments;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

public sealed class AssignmentPageTests : SchoolComponentTest
{
    private int _devoir;

    protected override async Task ArrangeAsync()
    {
        JSInterop.SetupConfirmDialog();
        var french = new Subject
        {
            SchoolId = F.A.Id,
            Code = "FRANC",
            Name = "Français",
        };
        await using (var db = Database.NewContext())
        {
            db.Add(french);
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = F.TeacherA.Id,
                    Subject = french,
                    SchoolClassId = F.ClassA.Id,
                }
            );
            await db.SaveChangesAsync();
        }
        _devoir = (
            await Database
                .Get<AssignmentService>()
                .CreateAsync(
                    TwoSchools.As(F.TeacherA, F.A),
                    new AssignmentDraft
                    {
                        SchoolClassId = F.ClassA.Id,
                        SubjectId = french.Id,
                        Title = "Rédaction",
                        AcceptsLate = true,
                        DueLocal = SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime).AddDays(2),
                    },
                    [TestFiles.Pdf("sujet.pdf")]
                )
        ).Value;
    }

    [Fact]
    public async Task DeletingADevoir_AsksFirst_CancellingKeepsIt_ConfirmingDeletesIt()
    {
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
        var page = Render<AssignmentPage>(p => p.Add(x => x.Id, _devoir));
        page.WaitForAssertion(() => Assert.Contains("sujet.pdf", page.Markup));

        page.FindAll(".enoe-toolbar button").Single(b => b.TextContent == "Supprimer le devoir").Click();
        page.WaitForAssertion(() =>
            Assert.Contains(
                "Supprimer le devoir « Rédaction » (6eA) et ses fichiers ?",
                page.Find("dialog").TextContent
            )
        );
        page.FindAll("dialog button").Single(b => b.TextContent == "Annuler").Click();
        Assert.True(await ExistsAsync());

        page.FindAll(".enoe-toolbar button").Single(b => b.TextContent == "Supprimer le devoir").Click();
        page.Find("dialog button.enoe-tool-danger").Click();

        page.WaitForAssertion(() => Assert.EndsWith("/devoirs", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.False(await ExistsAsync());
    }

    [Fact]
    public async Task OnceAStudentHasHandedIn_TheDevoirOffersNoDelete()
    {
        await Database
            .Get<AssignmentService>()
            .HandInAsync(TwoSchools.As(F.StudentA, F.A), _devoir, [TestFiles.Pdf("copie.pdf")]);
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
        var page = Render<AssignmentPage>(p => p.Add(x => x.Id, _devoir));
        page.WaitForAssertion(() => Assert.Contains("copie.pdf", page.Markup));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent == "Supprimer le devoir");
    }

    [Fact]
    public void AStudent_ReadsTheDevoirInEnglish()
    {
        using (new InEnglish())
        {
            this.SignInAs(F.StudentA, F.A.Id, Profile.Student);
            var page = Render<AssignmentPage>(p => p.Add(x => x.Id, _devoir));
            page.WaitForAssertion(() => Assert.Contains("Rédaction", page.Markup));

            Assert.Contains("Due by Sunday 22 November at", page.Find("p.enoe-muted").TextContent);
            Assert.Contains("late work accepted and flagged", page.Markup);
            Assert.Equal("My work To do", page.Find("h2").TextContent.Trim());
            Assert.Equal("Hand in my work", page.Find(".enoe-upload button").TextContent);
            Assert.Equal("← All assignments", page.Find("a.enoe-back").TextContent);
        }
    }

    private async Task<bool> ExistsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Assignments.AnyAsync(a => a.Id == _devoir);
    }
}
