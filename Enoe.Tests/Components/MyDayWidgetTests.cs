using Bunit;
using Enoe.Data.Events;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Timetable;

namespace Enoe.Tests.Components;

/// <summary>
/// "Ma journée": today's lessons, the next school day's after school, rolling over by itself, and a change arriving
/// live.
/// </summary>
public sealed class MyDayWidgetTests : SchoolComponentTest
{
    private TimetableFixture _t = default!;

    protected override async Task ArrangeAsync()
    {
        _t = await TimetableFixture.CreateAsync(Database, F);
        // Monday 23 November 2026 (a week B), 08:00 in Paris.
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
    }

    private async Task<IRenderedComponent<MyDayWidget>> RenderForStudentAsync()
    {
        var context = await WidgetContextAsync(TwoSchools.As(F.StudentA, F.A), new WidgetSize(4, 4));
        return Render<MyDayWidget>(p => p.Add(w => w.Context, context));
    }

    [Fact]
    public async Task AStudent_SeesTodaysLessons_AndACancellationArrivesLive()
    {
        var widget = await RenderForStudentAsync();
        widget.WaitForAssertion(() => Assert.Contains("MATHS", widget.Markup));
        Assert.Contains("08:00–08:55", widget.Markup);
        Assert.Contains("TeacherA Test · Salle 101", widget.Markup);
        Assert.DoesNotContain("6eA", widget.Markup); // the student's own class is not repeated
        Assert.DoesNotContain("Demain", widget.Markup);

        var result = await Database
            .Get<TimetableService>()
            .ChangeAsync(
                TwoSchools.As(F.StaffA, F.A),
                new(_t.Maths.Id, new(2026, 11, 23), LessonChangeKind.Cancelled, "Professeur absent")
            );
        Assert.True(result.Succeeded);
        await Database.Get<IEventBus>().WhenIdleAsync();

        widget.WaitForAssertion(() => Assert.Contains("Annulé : Professeur absent", widget.Markup));
        Assert.Single(widget.FindAll("li.enoe-lesson-off"));
    }

    [Fact]
    public async Task AfterSchool_TomorrowIsShownToo()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero)); // 18:00 in Paris

        var widget = await RenderForStudentAsync();

        widget.WaitForAssertion(() => Assert.Contains("Demain · mardi 24 novembre", widget.Markup));
        Assert.Contains("Aujourd'hui · lundi 23 novembre", widget.Markup);
        Assert.Contains("PC", widget.Markup); // week B: physique, not SVT
        Assert.DoesNotContain("SVT", widget.Markup);
    }

    [Fact]
    public async Task AChangeToAnotherClassOfTheirTeacher_TheSameDay_DoesNotReload()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero)); // Wednesday
        var widget = await RenderForStudentAsync();
        widget.WaitForAssertion(() => Assert.Contains("Pas de cours.", widget.Markup));
        var renders = widget.RenderCount;

        // TeacherA teaches 6eA, and 6eB in établissement B this morning: that lesson is not the student's.
        var changed = await Database
            .Get<TimetableService>()
            .ChangeAsync(
                TwoSchools.As(F.StaffB, F.B),
                new(_t.InB.Id, new(2026, 11, 25), LessonChangeKind.Cancelled, "Absent")
            );
        Assert.True(changed.Succeeded, string.Join(" ", changed.Errors));
        await Database.Get<IEventBus>().WhenIdleAsync();

        Assert.Equal(renders, widget.RenderCount);
    }

    [Fact]
    public async Task At17_TheNextDayJoins_AndAtMidnight_ItIsToday_WithoutAnyEvent()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero)); // Monday, 16:00 in Paris
        var widget = await RenderForStudentAsync();
        widget.WaitForAssertion(() => Assert.Contains("Aujourd'hui · lundi 23 novembre", widget.Markup));
        Assert.DoesNotContain("Demain", widget.Markup);

        Database.Clock.Advance(TimeSpan.FromHours(1)); // 17:00

        widget.WaitForAssertion(() => Assert.Contains("Demain · mardi 24 novembre", widget.Markup));
        Assert.Contains("PC", widget.Markup);

        Database.Clock.Advance(TimeSpan.FromHours(7)); // midnight

        widget.WaitForAssertion(() => Assert.Contains("Aujourd'hui · mardi 24 novembre", widget.Markup));
        Assert.DoesNotContain("lundi 23 novembre", widget.Markup);
        Assert.DoesNotContain("Demain", widget.Markup);
    }

    [Fact]
    public async Task OnTheEveningBeforeTheHolidays_TheFirstDayBackIsShown()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 18, 17, 0, 0, TimeSpan.Zero)); // Friday, 18:00 in Paris

        var widget = await RenderForStudentAsync();

        widget.WaitForAssertion(() => Assert.Contains("lundi 4 janvier", widget.Markup));
        Assert.Contains("MATHS", widget.Markup);
        Assert.Equal(2, widget.FindAll("h3").Count); // today and the first day back, not the holidays between
    }
}
