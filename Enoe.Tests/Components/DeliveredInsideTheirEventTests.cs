using Bunit;
using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// Homework written in the carnet de bord, and marks published, reach a student's tab as one event carrying their
/// notifications (as a mémo's does): the tab hears it once and renders its widgets, bell and feed together, and the
/// bell and the feed take the count and the line from it without a read.
/// </summary>
public sealed class DeliveredInsideTheirEventTests : SchoolComponentTest
{
    private readonly CommandCounter _counter = new();
    private Subject _maths = default!;

    protected override void ConfigureData(IServiceCollection services) => services.AddSingleton<IInterceptor>(_counter);

    protected override async Task ArrangeAsync()
    {
        await using (var db = Database.NewContext())
        {
            _maths = db.AddMaths(F);
            await db.SaveChangesAsync();
        }
        this.SignInAs(F.StudentA, F.A.Id, Profile.Student);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true)); // the bell listens
    }

    [Fact]
    public Task HomeworkWritten_IsOneEvent_CarryingTheStudentsCountAndLine() =>
        OneEventAsync<LogbookChanged>(
            WriteHomeworkAsync,
            e => e.Delivered,
            NotificationKind.HomeworkSet,
            e => LogbookService.Source(e.EntryId)
        );

    [Fact]
    public Task MarksPublished_AreOneEvent_CarryingTheStudentsCountAndLine() =>
        OneEventAsync<GradesChanged>(
            PublishMarksAsync,
            e => e.Delivered,
            NotificationKind.MarksPublished,
            e => GradeService.Source(e.AssessmentId)
        );

    [Fact]
    public Task TheBellAndTheFeed_ShowWhatHomeworksEventCarries_WithNoRead() =>
        ShownFromTheEventAsync<LogbookChanged>(
            WriteHomeworkAsync,
            e => e.Delivered,
            (e, delivered) => e with { Delivered = delivered }
        );

    [Fact]
    public Task TheBellAndTheFeed_ShowWhatMarksEventCarries_WithNoRead() =>
        ShownFromTheEventAsync<GradesChanged>(
            PublishMarksAsync,
            e => e.Delivered,
            (e, delivered) => e with { Delivered = delivered }
        );

    [Fact]
    public Task ALessonMoved_IsOneEvent_CarryingTheStudentsCountAndLine() =>
        OneEventAsync<LessonChanged>(
            MoveLessonAsync,
            e => e.Delivered,
            NotificationKind.LessonMoved,
            e => TimetableService.Source(e.LessonId, e.Date)
        );

    [Fact]
    public Task TheBellAndTheFeed_ShowWhatALessonMovesEventCarries_WithNoRead() =>
        ShownFromTheEventAsync<LessonChanged>(
            MoveLessonAsync,
            e => e.Delivered,
            (e, delivered) => e with { Delivered = delivered }
        );

    [Fact]
    public async Task ACopyReturned_IsOneEvent_CarryingTheStudentsCountAndLine()
    {
        var id = await HandedInAsync();
        await OneEventAsync<AssignmentChanged>(
            () => ReturnAsync(id),
            e => e.Delivered,
            NotificationKind.CopyReturned,
            e => $"returned:{e.AssignmentId}:{e.StudentId}"
        );
    }

    [Fact]
    public async Task TheBellAndTheFeed_ShowWhatACopyReturnedsEventCarries_WithNoRead()
    {
        var id = await HandedInAsync();
        await ShownFromTheEventAsync<AssignmentChanged>(
            () => ReturnAsync(id),
            e => e.Delivered,
            (e, delivered) => e with { Delivered = delivered }
        );
    }

    /// <summary>
    /// The student's bell and feed widget, open, show what <paramref name="act"/> notified; then the same event told
    /// again with a count and a line of its own is shown as it is: nothing was read to show it.
    /// </summary>
    private async Task ShownFromTheEventAsync<TEvent>(
        Func<Task> act,
        Func<TEvent, NotificationsDelivered?> inside,
        Func<TEvent, NotificationsDelivered, TEvent> carrying
    )
        where TEvent : notnull
    {
        var bell = Render<NotificationBell>();
        var feed = Render<FeedWidget>(p =>
            p.Add(w => w.Context, WidgetContextAsync(TwoSchools.As(F.StudentA, F.A), new(4, 3)).Result)
        );
        feed.WaitForAssertion(() => Assert.DoesNotContain("…", feed.Markup));
        using var heard = new Heard<TEvent>(Bus);
        await act();
        await Database.DeliveredAsync();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".enoe-badge").TextContent.Trim()));
        var delivered = inside(heard.Events.Single())!;
        var line = delivered.LinesFor(F.StudentA.Id)!.Single();
        feed.WaitForAssertion(() => Assert.Contains(line.Title, feed.Markup));

        _counter.Reset();
        var told = line with { Title = "Vu dans l'événement seul" };
        await Bus.PublishAsync(
            carrying(
                heard.Events.Single(),
                delivered with
                {
                    Unread = new Dictionary<int, int> { [F.StudentA.Id] = 7 },
                    Lines = [told],
                    LinesOf = new Dictionary<int, int[]> { [F.StudentA.Id] = [0] },
                }
            )
        );
        await Database.DeliveredAsync();

        bell.WaitForAssertion(() => Assert.Equal("7", bell.Find(".enoe-badge").TextContent.Trim()));
        feed.WaitForAssertion(() => Assert.Contains(told.Title, feed.Markup));
        Assert.True(_counter.Count == 0, _counter.Log);
    }

    /// <summary>
    /// What <paramref name="act"/> published: one <typeparamref name="TEvent"/>, no delivery of its own, the
    /// student's count and line inside (the line about its <paramref name="source"/>).
    /// </summary>
    private async Task OneEventAsync<TEvent>(
        Func<Task> act,
        Func<TEvent, NotificationsDelivered?> inside,
        NotificationKind kind,
        Func<TEvent, string> source
    )
        where TEvent : notnull
    {
        using var heard = new Heard<TEvent>(Bus);
        using var alone = new Heard<NotificationsDelivered>(Bus);
        await act();
        await Database.DeliveredAsync();
        Assert.Empty(alone.Events); // else a tab hears two events, and renders twice
        var changed = Assert.Single(heard.Events);
        var delivered = inside(changed)!;
        Assert.Equal(1, delivered.UnreadOf(F.StudentA.Id));
        var line = Assert.Single(delivered.LinesFor(F.StudentA.Id)!);
        Assert.Equal(kind, line.Kind);
        Assert.Equal(source(changed), line.Source); // the feed's line opens, and replaces, by it
    }

    private IEventBus Bus => Database.Get<IEventBus>();

    private async Task WriteHomeworkAsync()
    {
        var today = DateOnly.FromDateTime(SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime));
        var saved = await Database
            .Get<LogbookService>()
            .SaveAsync(
                TwoSchools.As(F.TeacherA, F.A),
                new LogbookDraft
                {
                    SchoolClassId = F.ClassA.Id,
                    SubjectId = _maths.Id,
                    SessionDate = today,
                    StartsAt = new TimeOnly(10, 0),
                    EndsAt = new TimeOnly(11, 0),
                    Content = "Les fractions",
                    Homework = "Exercices 1 à 4 p. 52",
                    HomeworkDueDate = today.AddDays(3),
                }
            );
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
    }

    /// <summary>The student's Monday maths lesson moved to the afternoon by the direction.</summary>
    private async Task MoveLessonAsync()
    {
        await using (var db = Database.NewContext()) // the timetable brings a maths of its own, coded alike
            await db.Subjects.Where(s => s.Id == _maths.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Code, "M1"));
        var maths = (await TimetableFixture.CreateAsync(Database, F)).Maths;
        var monday = TimetableFixture.Monday;
        var moved = await Database
            .Get<TimetableService>()
            .ChangeAsync(
                TwoSchools.As(F.StaffA, F.A),
                new(maths.Id, monday, LessonChangeKind.Moved, "Sortie", null, monday, new(14, 0), new(14, 55), true)
            );
        Assert.True(moved.Succeeded, string.Join(" ", moved.Errors));
    }

    /// <summary>A devoir of the student's class, handed in: its return is what the tests hear.</summary>
    private async Task<int> HandedInAsync()
    {
        var assignments = Database.Get<AssignmentService>();
        var set = await assignments.CreateAsync(
            TwoSchools.As(F.TeacherA, F.A),
            new AssignmentDraft
            {
                SchoolClassId = F.ClassA.Id,
                SubjectId = _maths.Id,
                Title = "Rédaction",
                DueLocal = SchoolTime.ToLocal(Database.Clock.GetUtcNow().UtcDateTime).AddDays(1),
            },
            []
        );
        Assert.True(set.Succeeded, string.Join(" ", set.Errors));
        var handedIn = await assignments.HandInAsync(TwoSchools.As(F.StudentA, F.A), set.Value, [TestFiles.Pdf()]);
        Assert.True(handedIn.Succeeded, string.Join(" ", handedIn.Errors));
        await Database.DeliveredAsync(); // what setting and handing in published, before the return is heard
        return set.Value;
    }

    private async Task ReturnAsync(int assignmentId)
    {
        var returned = await Database
            .Get<AssignmentService>()
            .ReturnAsync(TwoSchools.As(F.TeacherA, F.A), assignmentId, F.StudentA.Id, "Bien.", null);
        Assert.True(returned.Succeeded, string.Join(" ", returned.Errors));
    }

    private async Task PublishMarksAsync()
    {
        var grades = Database.Get<GradeService>();
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var id = await grades.NewMathsAssessmentAsync(F, _maths);
        Assert.True((await grades.SaveCellAsync(teacher, id, F.StudentA.Id, "14")).Succeeded);
        Assert.True((await grades.PublishAsync(teacher, id, publish: true)).Succeeded);
    }
}
