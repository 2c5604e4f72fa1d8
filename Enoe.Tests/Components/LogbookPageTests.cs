using Bunit;
using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Logbook;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class LogbookPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private SchoolClass _classB = default!;
    private Subject _maths = default!;
    private DateOnly Today => DateOnly.FromDateTime(SchoolTime.ToLocal(_database.Clock.GetUtcNow().UtcDateTime));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s =>
            Enoe.Widgets.WidgetsServiceCollectionExtensions.AddEnoeWidgets(s)
        );
        _f = await TwoSchools.CreateAsync(_database);
        await using (var db = _database.NewContext())
        {
            _classB = new SchoolClass
            {
                SchoolId = _f.A.Id,
                LevelId = 1,
                Name = "6eB",
            };
            _maths = new Subject
            {
                SchoolId = _f.A.Id,
                Code = "MATHS",
                Name = "Mathématiques",
            };
            db.AddRange(_classB, _maths);
            db.TeachingAssignments.AddRange(
                new TeachingAssignment
                {
                    TeacherId = _f.TeacherA.Id,
                    Subject = _maths,
                    SchoolClassId = _f.ClassA.Id,
                },
                new TeachingAssignment
                {
                    TeacherId = _f.TeacherA.Id,
                    Subject = _maths,
                    SchoolClass = _classB,
                }
            );
            (await db.Schools.SingleAsync(s => s.Id == _f.A.Id)).HomeworkWarningThreshold = 1;
            await db.SaveChangesAsync();
        }
        this.AddDashboardServices(_database);
        JSInterop.SetupConfirmDialog();
        var saved = await _database
            .Get<LogbookService>()
            .SaveAsync(
                TwoSchools.As(_f.TeacherA, _f.A),
                new LogbookDraft
                {
                    SchoolClassId = _f.ClassA.Id,
                    SubjectId = _maths.Id,
                    SessionDate = Today,
                    StartsAt = new(8, 0),
                    EndsAt = new(9, 0),
                    Content = "Les fractions",
                    Homework = "Exercice 3",
                    HomeworkDueDate = Today.AddDays(1),
                }
            );
        Assert.True(saved.Succeeded);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Teacher_CopiesASessionToAnotherClass()
    {
        this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.Contains("Les fractions", page.Markup));
        page.FindAll("button").Single(b => b.TextContent == "Copier vers 6eB").Click();
        page.WaitForAssertion(() => Assert.Contains("Séance copiée vers 6eB.", page.Markup));
        await using var db = _database.NewContext();
        Assert.Equal(
            1,
            await db.LogbookEntries.CountAsync(e => e.SchoolClassId == _classB.Id && e.Content == "Les fractions")
        );
    }

    [Fact]
    public void Teacher_IsWarnedWhenTheClassAlreadyHasWorkDueThatDay()
    {
        this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#lb-audience")));
        page.Find("#lb-audience").Change("0"); // 6eA comes first
        page.FindAll("input[type=date]")[1].Change(Today.AddDays(1).ToString("yyyy-MM-dd"));
        const string Warning = "la classe a déjà 1 travail(s) à rendre ce jour-là";
        page.WaitForAssertion(() => Assert.Contains(Warning, page.Markup));
    }

    [Fact]
    public void Student_SeesTheHomework_AndCannotEdit()
    {
        this.SignInAs(_f.StudentA, _f.A.Id, Profile.Student);
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.Contains("Exercice 3", page.Markup));
        Assert.Empty(page.FindAll(".enoe-inline-text"));
        Assert.Empty(page.FindAll("#lb-content"));
        Assert.NotEmpty(page.FindAll("input[type=checkbox]"));
    }

    [Fact]
    public void Student_TheHomeworkShown_IsKeptInTheBrowserAsPlainText_ForTheOfflinePage()
    {
        var script = JSInterop.SetupModule("./js/offline-homework.js");
        script.SetupVoid("keep", _ => true);
        this.SignInAs(_f.StudentA, _f.A.Id, Profile.Student);
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.Contains("Exercice 3", page.Markup));

        var kept = script.VerifyInvoke("keep");
        Assert.Equal(_f.StudentA.DisplayName, kept.Arguments[0]);
        var row = Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<OfflineHomeworkRow>>(kept.Arguments[1]));
        Assert.Equal(new(Today.AddDays(1).ToString("yyyy-MM-dd"), "Mathématiques", "6eA", "Exercice 3"), row);
    }

    [Fact]
    public void Teacher_KeepsNoHomeworkInTheBrowser()
    {
        var script = JSInterop.SetupModule("./js/offline-homework.js");
        this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.Contains("Les fractions", page.Markup));
        Assert.Empty(script.Invocations);
    }

    [Fact]
    public void TheKeptCopy_IsTheHomeworkAsText_NeverMarkup()
    {
        var entry = LogbookEntries.Entry(
            1,
            Today,
            homework: "**Lire** le " + "<img src=x onerror=alert(1)>chapitre [2](https://exemple.fr)",
            due: Today
        );
        Assert.Equal("Lire le chapitre 2", Assert.Single(OfflineHomework.Rows([entry])).Text);
    }

    [Fact]
    public async Task Teacher_PicksATimeSlot_AndTheSessionTakesItsTimes()
    {
        this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.Contains("S2 · 14:25–15:20", page.Markup));
        page.Find("select:not(#lb-audience)").Change("S2");
        page.Find("#lb-content").Change("Proportionnalité");
        page.FindAll("button").Single(b => b.TextContent == "Enregistrer la séance").Click();
        page.WaitForAssertion(() => Assert.Contains("Proportionnalité", page.Markup));
        await using var db = _database.NewContext();
        var entry = await db.LogbookEntries.SingleAsync(e => e.Content == "Proportionnalité");
        Assert.Equal((new TimeOnly(14, 25), new TimeOnly(15, 20)), (entry.StartsAt, entry.EndsAt));
    }

    [Fact]
    public async Task Teacher_DeletesALesson_AndUndoBringsItBack()
    {
        this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.Contains("Les fractions", page.Markup));

        page.FindAll("button").Single(b => b.TextContent == "Supprimer").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("Les fractions", page.Markup));
        Assert.StartsWith("Séance de 6eA du", page.Find(".enoe-undo").TextContent.Trim());
        Assert.True(await IsDeletedAsync());

        page.Find(".enoe-undo button").Click();

        page.WaitForAssertion(() => Assert.Contains("Les fractions", page.Markup));
        Assert.Empty(page.FindAll(".enoe-undo"));
        Assert.False(await IsDeletedAsync());
    }

    [Fact]
    public async Task RemovingAnAttachedFile_AsksFirst_AndCancellingKeepsIt()
    {
        var entry = await _database.NewContext().LogbookEntries.SingleAsync();
        Assert.True(
            (
                await _database
                    .Get<LogbookService>()
                    .AttachAsync(TwoSchools.As(_f.TeacherA, _f.A), entry.Id, [TestFiles.Pdf("fiche.pdf")])
            ).Succeeded
        );
        this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.Contains("fiche.pdf", page.Markup));

        page.Find("button[aria-label='Retirer fiche.pdf']").Click();
        page.WaitForAssertion(() =>
            Assert.Contains("Retirer « fiche.pdf » de la séance ?", page.Find("dialog").TextContent)
        );
        page.FindAll("dialog button").Single(b => b.TextContent == "Annuler").Click();

        Assert.Equal(1, await AttachmentCountAsync());
        Assert.Contains("fiche.pdf", page.Find("ul.enoe-files").TextContent);

        page.Find("button[aria-label='Retirer fiche.pdf']").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("dialog button.enoe-tool-danger")));
        page.Find("dialog button.enoe-tool-danger").Click();

        page.WaitForAssertion(() => Assert.DoesNotContain("fiche.pdf", page.Find("ul.enoe-rows").TextContent));
        Assert.Equal(0, await AttachmentCountAsync());
    }

    [Fact]
    public void AnEnglishReader_GetsThePageInEnglish()
    {
        using (new InEnglish())
        {
            this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
            var page = Render<LogbookPage>();
            page.WaitForAssertion(() => Assert.Contains("Les fractions", page.Markup));

            Assert.Equal("Class logbook", page.Find("h1").TextContent);
            Assert.StartsWith("Week of ", page.Find(".enoe-week").TextContent);
            var buttons = page.FindAll("button").Select(b => b.TextContent.Trim()).ToList();
            Assert.Contains("Delete", buttons);
            Assert.Contains("Copy to 6eB", buttons);
            Assert.Contains("Save the lesson", buttons);
            Assert.Contains("Homework due ", page.Markup);
            Assert.Contains("08:00–09:00", page.Markup);
            foreach (
                var french in new[]
                {
                    "Supprimer",
                    "Séance",
                    "séance",
                    "Travail",
                    "Semaine",
                    "Enregistrer",
                    "Historique",
                    "Joindre",
                }
            )
                Assert.DoesNotContain(french, page.Markup);
        }
    }

    private async Task<bool> IsDeletedAsync()
    {
        await using var db = _database.NewContext();
        return (await db.LogbookEntries.SingleAsync(e => e.Content == "Les fractions")).DeletedAt is not null;
    }

    private async Task<int> AttachmentCountAsync()
    {
        await using var db = _database.NewContext();
        return await db.Set<LogbookAttachment>().CountAsync();
    }
}
