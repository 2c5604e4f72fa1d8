using Bunit;
using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Assignments;
using Enoe.Widgets.Logbook;
using Enoe.Widgets.Memos;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using static Enoe.Tests.Components.OneValidationPathTests;

namespace Enoe.Tests.Components;

/// <summary>
/// One validation path for the editors (the mémo composer, a new devoir, the carnet de bord's text edited in
/// place): the field shows, before anything is sent, the message the service's validator writes, and the
/// service is not asked (its refusal would show in the upload box or the editor); the service returns that
/// same message when the form is bypassed, and nothing is written.
/// </summary>
public sealed class OneValidationPathEditorTests : SchoolComponentTest
{
    private Subject _svt = default!;
    private LogbookEntryView _lesson = default!;

    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.NewContext())
        {
            _svt = new Subject
            {
                SchoolId = F.A.Id,
                Code = "SVT",
                Name = "SVT",
            };
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = F.TeacherA.Id,
                    SchoolClassId = F.ClassA.Id,
                    Subject = _svt,
                }
            );
            await db.SaveChangesAsync();
        }
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var logbook = Database.Get<LogbookService>();
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime));
        var saved = await logbook.SaveAsync(
            teacher,
            new LogbookDraft
            {
                SchoolClassId = F.ClassA.Id,
                SubjectId = _svt.Id,
                SessionDate = today,
                StartsAt = new(8, 0),
                EndsAt = new(9, 0),
                Content = "La cellule",
            }
        );
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        _lesson = (await logbook.ListAsync(teacher, today, today)).Single();
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
    }

    /// <summary>What the upload box says under its button: the service's refusal when it was asked.</summary>
    private static string[] UploadBoxAlerts<T>(IRenderedComponent<T> page)
        where T : IComponent => [.. page.FindAll(".enoe-upload [role=alert]").Select(e => e.TextContent.Trim())];

    [Fact]
    public async Task MemoComposer_AnEmptyMemo_ShowsTheServicesMessages_UnderItsFields_AndSendsNothing()
    {
        var composer = Render<MemoComposer>();
        composer.Find("#memo-subject").Change("   ");
        composer.FindAll("button").Single(b => b.TextContent == "Envoyer").Click();

        string[] expected =
        [
            "Choisissez au moins un destinataire.",
            "Donnez un objet au mémo.",
            "Le mémo est vide : écrivez votre message.",
        ];
        composer.WaitForAssertion(() => Assert.Equal(expected, FieldMessages(composer)));
        Assert.Equal(["Rien n'est envoyé : corrigez ce qui est signalé ci-dessus."], UploadBoxAlerts(composer));
        var bypass = await Database
            .Get<MemoService>()
            .SendAsync(TwoSchools.As(F.TeacherA, F.A), new MemoDraft { Subject = "   " }, []);
        Assert.Equal(expected, bypass.Errors);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Memos.CountAsync());

        composer.Find("#memo-to").Input("6eA"); // a recipient chosen: its message goes at once
        composer.WaitForAssertion(() => Assert.Contains("Élèves de 6eA", composer.Markup));
        composer.FindAll("button").Single(b => b.TextContent == "Élèves de 6eA").Click();
        Assert.DoesNotContain(expected[0], FieldMessages(composer));
    }

    [Fact]
    public async Task NewAssignment_ABlankTitle_ShowsTheServicesMessage_BeforeSetting_InEnglish()
    {
        using var _ = new InEnglish();
        var page = Render<AssignmentsPage>();
        page.WaitForElement("#as-title").Change("   ");
        page.FindAll("button").Single(b => b.TextContent == "Set the assignment").Click();

        page.WaitForAssertion(() => Assert.Equal(["Give the assignment a title."], FieldMessages(page)));
        Assert.Equal(["The assignment has not been set yet: please fix what is marked above."], UploadBoxAlerts(page));
        var bypass = await Database
            .Get<AssignmentService>()
            .CreateAsync(
                TwoSchools.As(F.TeacherA, F.A),
                new AssignmentDraft
                {
                    SchoolClassId = F.ClassA.Id,
                    SubjectId = _svt.Id,
                    Title = "   ",
                    DueLocal = SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime).AddDays(7),
                },
                []
            );
        Assert.Equal(FieldMessages(page), bypass.Errors);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Set<Assignment>().CountAsync());
    }

    [Fact]
    public async Task LogbookInlineEditor_ATooLongText_ShowsTheServicesMessage_AndSavesNothing()
    {
        var page = Render<LogbookPage>();
        page.WaitForElement(".enoe-inline-text").Click(); // the lesson's content
        var tooLong = new string('a', LogbookDraftValidator.TextMax + 1);
        page.Find(".enoe-inline-editor textarea").Input(tooLong);
        page.Find(".enoe-inline-editor textarea").KeyDown(new KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        const string expected = "Le contenu ne doit pas dépasser 20000 caractères.";
        page.WaitForAssertion(() => Assert.Equal([expected], FieldMessages(page)));
        Assert.Empty(page.FindAll(".enoe-message-error")); // the service was not asked: no refusal of its own
        Assert.Equal(tooLong, page.Find(".enoe-inline-editor textarea").GetAttribute("value")); // nothing lost
        var draft = LogbookDraft.From(_lesson);
        draft.Content = tooLong;
        var bypass = await Database.Get<LogbookService>().SaveAsync(TwoSchools.As(F.TeacherA, F.A), draft);
        Assert.Equal([expected], bypass.Errors);
        await using var db = Database.NewContext();
        Assert.Equal("La cellule", await db.LogbookEntries.Select(e => e.Content).SingleAsync());
    }
}
