using Bunit;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Logbook;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// The teacher's carnet page shows what it saved from the service's answer: the click costs the save's commands alone,
/// its own event (before or after the answer) reads nothing, and another author's change still shows live.
/// </summary>
public sealed class LogbookPageOwnEventTests : SchoolComponentTest
{
    private readonly CommandCounter _counter = new();
    private readonly HeldSaves _saves = new();
    private Subject _maths = default!;
    private Person _coTeacher = default!;

    protected override void ConfigureData(IServiceCollection services) =>
        services.AddSingleton<IInterceptor>(_counter).AddSingleton<IInterceptor>(_saves);

    protected override async Task ArrangeAsync()
    {
        await using var db = Database.NewContext();
        _maths = new Subject
        {
            SchoolId = F.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        _coTeacher = new Person
        {
            FirstName = "Claire",
            LastName = "Colin",
            UserName = "claire",
            NormalizedUserName = "CLAIRE",
        };
        _coTeacher.Memberships.Add(new Membership { SchoolId = F.A.Id, Profiles = Profile.Teacher });
        db.AddRange(_maths, _coTeacher);
        await db.SaveChangesAsync();
        foreach (var teacher in new[] { F.TeacherA.Id, _coTeacher.Id })
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = teacher,
                    SubjectId = _maths.Id,
                    SchoolClassId = F.ClassA.Id,
                }
            );
        await db.SaveChangesAsync();
        this.SignInAs(F.TeacherA, F.A.Id, Profile.Teacher);
    }

    private CurrentUser Teacher => TwoSchools.As(F.TeacherA, F.A);
    private CurrentUser CoTeacher => TwoSchools.As(_coTeacher, F.A);
    private LogbookService Logbook => Database.Get<LogbookService>();
    private DateOnly Today => DateOnly.FromDateTime(SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime));

    [Fact]
    public async Task SavingANewSession_CostsTheSaveAlone_AndItsOwnEventReadsNothing()
    {
        // What the click asks of the service: the form's warnings (no homework due: no load), then the save.
        async Task Click(string content)
        {
            await Logbook.HomeworkReleaseAsync(F.A.Id);
            await Logbook.HolidayTodayAsync(F.A.Id);
            Assert.True((await Logbook.SaveAsync(Teacher, Draft(content))).Succeeded);
        }
        await Click("Avant"); // the caches (switches, quiet hours) warm for both figures
        var alone = await CommandsAsync(() => Click("Le théorème de Thalès"));
        var page = await OpenAsync();

        var click = await CommandsAsync(() => WriteAsync(page, "Les fractions"));

        Assert.True(alone == click, $"{alone} commands expected, the page sent {click}:\n{_counter.Log}");
        Assert.Contains("Les fractions", page.Find("ul.enoe-rows").TextContent);
    }

    [Fact]
    public async Task EditingInPlace_CostsTheSaveAlone_AndShowsTheNewText()
    {
        var entry = (await Logbook.SaveAsync(Teacher, Draft("Avant"))).Value!;
        // The same save as the page's: one version of the entry after another.
        var alone = await CommandsAsync(() =>
            Logbook.SaveAsync(Teacher, InlineLogbookEdit.Draft(entry, "Les fractions", false))
        );
        var page = await OpenAsync();
        page.Find(".enoe-inline-text").Click();
        page.Find(".enoe-inline-editor textarea").Input("Les fractions décimales");

        var edit = await CommandsAsync(() =>
            page.Find(".enoe-inline-editor textarea")
                .TriggerEventAsync("onkeydown", new KeyboardEventArgs { Key = "Enter", CtrlKey = true })
        );

        Assert.True(alone == edit, $"{alone} commands expected, the page sent {edit}:\n{_counter.Log}");
        Assert.Contains("Les fractions décimales", page.Find(".enoe-inline-text").TextContent);
    }

    [Fact]
    public async Task ItsOwnEvent_HeardAfterTheAnswer_ReadsNothing_OneWithoutTheEntryReadsTheWeek()
    {
        var page = await OpenAsync();
        await WriteAsync(page, "Les fractions");
        var saved = Assert.Single(await Logbook.ListAsync(Teacher, Today, Today));
        var own = new LogbookChanged(saved.Id, F.A.Id, F.ClassA.Id, null) { Entry = saved };

        Assert.Equal(0, await CommandsAsync(() => Database.Get<IEventBus>().PublishAsync(own)));
        Assert.NotEqual(
            0,
            await CommandsAsync(() => Database.Get<IEventBus>().PublishAsync(own with { Entry = null }))
        );
    }

    [Fact]
    public async Task AnotherTeachersEdit_AndTheFileTheyAttach_ShowLive()
    {
        var page = await OpenAsync();
        await WriteAsync(page, "Les fractions");
        var saved = Assert.Single(await Logbook.ListAsync(Teacher, Today, Today));

        // A file keeps the version the page saved: the page tells its own save from this by the rest of the entry.
        Assert.True((await Logbook.AttachAsync(CoTeacher, saved.Id, [TestFiles.Pdf("fiche.pdf")])).Succeeded);
        await Database.DeliveredAsync();
        page.WaitForAssertion(() => Assert.Contains("fiche.pdf", page.Markup));

        Assert.True((await Logbook.SaveAsync(CoTeacher, InlineLogbookEdit.Draft(saved, "Thalès", false))).Succeeded);
        await Database.DeliveredAsync();
        page.WaitForAssertion(() => Assert.Contains("Thalès", page.Find(".enoe-inline-text").TextContent));
    }

    [Fact]
    public async Task AnotherTeachersChange_HeardWhileThePageSaves_ShowsOnceTheSaveAnswers()
    {
        var page = await OpenAsync();
        var id = await WrittenByTheOtherTeacherAsync("Le théorème de Thalès"); // no event yet
        var theirs = (await Logbook.ListAsync(CoTeacher, Today, Today)).Single(e => e.Id == id);
        _saves.Holding = true;
        var click = WriteAsync(page, "Les fractions");
        Assert.True(_saves.Waiting >= 1, "the page's save did not reach the database");
        // The page cannot tell it is not its own until its save answers.
        await Database
            .Get<IEventBus>()
            .PublishAsync(new LogbookChanged(id, F.A.Id, F.ClassA.Id, null) { Entry = theirs });
        await Database.DeliveredAsync();
        Assert.DoesNotContain("Thalès", page.Markup);

        _saves.Release();
        await click;

        page.WaitForAssertion(() => Assert.Contains("Le théorème de Thalès", page.Markup));
        Assert.Contains("Les fractions", page.Markup);
    }

    /// <summary>An entry of the other teacher's, written in the database without the service: nobody is told.</summary>
    private async Task<int> WrittenByTheOtherTeacherAsync(string content)
    {
        await using var db = Database.NewContext();
        var now = Database.Clock.GetUtcNow().UtcDateTime;
        var entry = new LogbookEntry
        {
            SchoolId = F.A.Id,
            SchoolClassId = F.ClassA.Id,
            SubjectId = _maths.Id,
            SessionDate = Today,
            StartsAt = new(10, 0),
            EndsAt = new(11, 0),
            Content = content,
            CreatedAt = now,
            CreatedById = _coTeacher.Id,
            UpdatedAt = now,
            UpdatedById = _coTeacher.Id,
            Version = 1,
        };
        db.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    private async Task<IRenderedComponent<LogbookPage>> OpenAsync()
    {
        var page = Render<LogbookPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#lb-content")));
        await Database.DeliveredAsync();
        return page;
    }

    private Task<int> CommandsAsync(Func<Task> act) => _counter.CountAsync(Database, act);

    /// <summary>A new session typed in the page's form, and "Enregistrer la séance" (done once the page is).</summary>
    private static Task WriteAsync(IRenderedComponent<LogbookPage> page, string content)
    {
        page.Find("#lb-content").Change(content);
        return page.FindAll("button")
            .Single(b => b.TextContent == "Enregistrer la séance")
            .TriggerEventAsync("onclick", new MouseEventArgs());
    }

    private LogbookDraft Draft(string content) =>
        new()
        {
            SchoolClassId = F.ClassA.Id,
            SubjectId = _maths.Id,
            SessionDate = Today,
            StartsAt = new(8, 0),
            EndsAt = new(9, 0),
            Content = content,
        };
}
