using System.Text.RegularExpressions;
using Bunit;
using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Assignments;
using Enoe.Widgets.Logbook;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// A devoir set, or a carnet entry written, reaches the open widgets of its class's students and parents from the
/// event alone: the teacher's save costs the same commands whether no tab or many are open, and each widget then
/// shows what a fresh load would. Another class's widgets do not change.
/// </summary>
public sealed partial class LiveClassContentTests : SchoolComponentTest
{
    private readonly CommandCounter _counter = new();
    private Person _otherStudent = default!;
    private Subject _french = default!;
    private SchoolClass _otherClass = default!;

    protected override void ConfigureData(IServiceCollection services) => services.AddSingleton<IInterceptor>(_counter);

    protected override async Task ArrangeAsync()
    {
        await using var db = Database.NewContext();
        _french = new Subject
        {
            SchoolId = F.A.Id,
            Code = "FRANC",
            Name = "Français",
        };
        _otherClass = new SchoolClass
        {
            SchoolId = F.A.Id,
            Name = "4eB",
            LevelId = F.ClassA.LevelId,
        };
        _otherStudent = new Person
        {
            FirstName = "Anna",
            LastName = "Abel",
            UserName = "anna",
            NormalizedUserName = "ANNA",
        };
        _otherStudent.Memberships.Add(new Membership { SchoolId = F.A.Id, Profiles = Profile.Student });
        db.AddRange(_french, _otherClass, _otherStudent);
        db.Enrolments.Add(new Enrolment { Student = _otherStudent, SchoolClass = _otherClass });
        await db.SaveChangesAsync();
        foreach (var taught in new[] { F.ClassA, _otherClass })
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = F.TeacherA.Id,
                    Subject = _french,
                    SchoolClassId = taught.Id,
                }
            );
        await db.SaveChangesAsync();
    }

    private CurrentUser Teacher => TwoSchools.As(F.TeacherA, F.A);
    private DateTime Now => Database.Clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(SchoolTime.ToLocal(Now));

    [Fact]
    public async Task ADevoirSet_ReachesTheClassesOpenWidgets_WithNoQueryOfTheirOwn()
    {
        await SetDevoirAsync("Avant", days: 2); // warms the switches' cache: counted in no figure below
        var alone = await CommandsAsync(() => SetDevoirAsync("Rédaction", days: 3));
        var student = await OpenAsync<AssignmentsDueWidget>(F.StudentA);
        var parent = await OpenAsync<AssignmentsDueWidget>(F.ParentA, F.StudentA.Id);
        var otherClass = await OpenAsync<AssignmentsDueWidget>(_otherStudent);
        var before = otherClass.Markup;

        var withTabs = await CommandsAsync(() => SetDevoirAsync("Lecture du chapitre 2", days: 1));

        Assert.Equal(alone, withTabs);
        student.WaitForAssertion(() => Assert.Contains("Lecture du chapitre 2", student.Markup));
        Assert.Equal(Shown(await OpenAsync<AssignmentsDueWidget>(F.StudentA)), Shown(student));
        Assert.Equal(Shown(await OpenAsync<AssignmentsDueWidget>(F.ParentA, F.StudentA.Id)), Shown(parent));
        Assert.Equal(before, otherClass.Markup);
    }

    [Fact]
    public async Task AStudentsHandIn_ReloadsTheirOwnWidget_NotTheirClassmates()
    {
        var warm = await SetDevoirAsync("Avant", days: 2);
        var (first, second) = (await SetDevoirAsync("Rédaction", days: 3), await SetDevoirAsync("Lecture", days: 4));
        var me = TwoSchools.As(F.StudentA, F.A);
        await HandInAsync(me, warm);
        var alone = await CommandsAsync(() => HandInAsync(me, first));
        var reload = await CommandsAsync(() =>
            Database.Get<AssignmentService>().ListForLearnerAsync(me, null, Now.AddDays(-7))
        );
        await using (var db = Database.NewContext())
        {
            db.Enrolments.Add(new Enrolment { StudentId = _otherStudent.Id, SchoolClassId = F.ClassA.Id });
            await db.SaveChangesAsync();
        }
        var classmate = await OpenAsync<AssignmentsDueWidget>(_otherStudent);
        var mine = await OpenAsync<AssignmentsDueWidget>(F.StudentA);

        var withTabs = await CommandsAsync(() => HandInAsync(me, second));

        Assert.Equal(alone + reload, withTabs); // one widget read again: mine
        Assert.Equal(Shown(await OpenAsync<AssignmentsDueWidget>(F.StudentA)), Shown(mine));
        Assert.Equal(Shown(await OpenAsync<AssignmentsDueWidget>(_otherStudent)), Shown(classmate));
    }

    [Fact]
    public async Task ACarnetEntry_WrittenChangedAndDeleted_ReachesTheClassesOpenWidgets_WithNoQueryOfTheirOwn()
    {
        var logbook = Database.Get<LogbookService>();
        await WriteAsync("Avant", dueIn: 3);
        var alone = await CommandsAsync(() => WriteAsync("Le passé simple", dueIn: 1));
        var ticked = await WriteAsync("Les fables", dueIn: 2);
        Assert.True((await logbook.SetDoneAsync(TwoSchools.As(F.StudentA, F.A), ticked.Id, true)).Succeeded);
        var student = await OpenAsync<MyLogbookWidget>(F.StudentA);
        var parent = await OpenAsync<MyLogbookWidget>(F.ParentA, F.StudentA.Id);
        var otherClass = await OpenAsync<MyLogbookWidget>(_otherStudent);
        var before = otherClass.Markup;

        var withTabs = await CommandsAsync(() => WriteAsync("La lettre", dueIn: 0, startsAt: 8));
        await CommandsAsync(async () =>
        {
            var changed = LogbookDraft.From(ticked);
            changed.Homework = "Apprendre « Le Corbeau et le Renard ».";
            Assert.True((await logbook.SaveAsync(Teacher, changed)).Succeeded);
        });

        Assert.Equal(alone, withTabs);
        student.WaitForAssertion(() => Assert.Contains("La lettre", student.Markup));
        student.WaitForAssertion(() => Assert.Contains("Le Corbeau et le Renard", student.Markup));
        Assert.Equal(Shown(await OpenAsync<MyLogbookWidget>(F.StudentA)), Shown(student)); // the tick kept
        Assert.Equal(Shown(await OpenAsync<MyLogbookWidget>(F.ParentA, F.StudentA.Id)), Shown(parent));
        Assert.Equal(before, otherClass.Markup);

        await CommandsAsync(async () =>
        {
            var current = (await logbook.ListAsync(Teacher, Today, Today)).Single(e => e.Id == ticked.Id);
            Assert.True((await logbook.DeleteAsync(Teacher, ticked.Id, current.Version)).Succeeded);
        });
        student.WaitForAssertion(() => Assert.DoesNotContain("Le Corbeau et le Renard", student.Markup));
        Assert.Equal(Shown(await OpenAsync<MyLogbookWidget>(F.StudentA)), Shown(student));
    }

    [Fact]
    public async Task AChangeHeardWhileAWidgetLoads_IsNotLost_TheWidgetLoadsAgain()
    {
        var context = await WidgetContextAsync(TwoSchools.As(F.StudentA, F.A), new WidgetSize(4, 4));
        var widget = Render<SlowWidget>(p => p.Add(w => w.Context, context));

        await widget.Instance.HearAsync(); // what the first load reads may predate this change
        widget.Instance.FirstLoad.SetResult();

        widget.WaitForAssertion(() => Assert.Equal(2, widget.Instance.Loads));
        Assert.Equal(0, widget.Instance.Applied);
        await widget.Instance.HearAsync();
        Assert.Equal(1, widget.Instance.Applied);
    }

    /// <summary>A widget whose first load waits to be let go; it applies what it hears once loaded.</summary>
    private sealed class SlowWidget : WidgetBase
    {
        public TaskCompletionSource FirstLoad { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Loads { get; private set; }
        public int Applied { get; private set; }

        protected override Task LoadAsync() => ++Loads == 1 ? FirstLoad.Task : Task.CompletedTask;

        public Task HearAsync() =>
            InvokeAsync(() =>
            {
                if (Loaded())
                    Applied++;
            });
    }

    /// <summary>What a widget shows, its event handlers' numbers aside (each rendering numbers its own).</summary>
    private static string Shown<T>(IRenderedComponent<T> widget)
        where T : IComponent => Handlers().Replace(widget.Markup, "");

    [GeneratedRegex(@" blazor:\w+=""\d+""")]
    private static partial Regex Handlers();

    /// <summary>
    /// The database commands <paramref name="act"/> and the event it publishes cost, every tab served.
    /// </summary>
    private Task<int> CommandsAsync(Func<Task> act) => _counter.CountAsync(Database, act);

    /// <summary>A widget as an open tab of <paramref name="reader"/> shows it, loaded.</summary>
    private async Task<IRenderedComponent<TWidget>> OpenAsync<TWidget>(Person reader, int? child = null)
        where TWidget : WidgetBase
    {
        var context = await WidgetContextAsync(TwoSchools.As(reader, F.A), new WidgetSize(4, 4)) with
        {
            ChildId = child,
        };
        var widget = Render<TWidget>(p => p.Add(w => w.Context, context));
        widget.WaitForAssertion(() => Assert.DoesNotContain("…", widget.Markup));
        return widget;
    }

    private async Task<int> SetDevoirAsync(string title, int days)
    {
        var set = await Database
            .Get<AssignmentService>()
            .CreateAsync(
                Teacher,
                new AssignmentDraft
                {
                    SchoolClassId = F.ClassA.Id,
                    SubjectId = _french.Id,
                    Title = title,
                    DueLocal = SchoolTime.ToLocal(Now).AddDays(days),
                },
                []
            );
        Assert.True(set.Succeeded);
        return set.Value;
    }

    private async Task HandInAsync(CurrentUser student, int devoir) =>
        Assert.True(
            (await Database.Get<AssignmentService>().HandInAsync(student, devoir, [TestFiles.Pdf()])).Succeeded
        );

    private async Task<LogbookEntryView> WriteAsync(string content, int dueIn, int startsAt = 10)
    {
        var saved = await Database
            .Get<LogbookService>()
            .SaveAsync(
                Teacher,
                new LogbookDraft
                {
                    SchoolClassId = F.ClassA.Id,
                    SubjectId = _french.Id,
                    SessionDate = Today,
                    StartsAt = new TimeOnly(startsAt, 0),
                    EndsAt = new TimeOnly(startsAt + 1, 0),
                    Content = content,
                    Homework = $"Relire : {content}",
                    HomeworkDueDate = Today.AddDays(dueIn),
                }
            );
        Assert.True(saved.Succeeded);
        return saved.Value!;
    }
}
