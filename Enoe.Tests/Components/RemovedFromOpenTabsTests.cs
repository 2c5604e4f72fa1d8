using Bunit;
using Enoe.Data.Events;
using Enoe.Data.Grades;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Notifications;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// Notifications deleted with what they told (an absence undone, marks withdrawn) leave the open tabs too: the bell
/// counts one less and the feed widget drops the line, from what the event carries, with no read.
/// </summary>
public sealed class RemovedFromOpenTabsTests : SchoolComponentTest
{
    private readonly CommandCounter _counter = new();

    protected override void ConfigureData(IServiceCollection services) => services.AddSingleton<IInterceptor>(_counter);

    [Fact]
    public async Task AnAbsenceUndone_LeavesTheParentsOpenBellAndFeed()
    {
        var parent = SignIn(F.ParentA, Profile.Parent);
        var lesson = (await TimetableFixture.CreateAsync(Database, F)).Maths.Id;
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var rollCalls = Database.Get<RollCallService>();
        Task Mark(Presence presence) =>
            AssertSucceeded(rollCalls.MarkAsync(teacher, lesson, TimetableFixture.Monday, F.StudentA.Id, presence));
        await RemovedFromTheOpenTabAsync<NotificationsDelivered>(
            parent,
            () => Mark(Presence.Absent),
            () => Mark(Presence.Present)
        );
    }

    [Fact]
    public async Task MarksWithdrawn_LeaveTheStudentsOpenBellAndFeed()
    {
        var student = SignIn(F.StudentA, Profile.Student);
        Subject maths;
        await using (var db = Database.NewContext())
        {
            maths = db.AddMaths(F);
            await db.SaveChangesAsync();
        }
        var grades = Database.Get<GradeService>();
        var teacher = TwoSchools.As(F.TeacherA, F.A);
        var id = await grades.NewMathsAssessmentAsync(F, maths);
        await AssertSucceeded(grades.SaveCellAsync(teacher, id, F.StudentA.Id, "14"));
        await RemovedFromTheOpenTabAsync<GradesChanged>(
            student,
            () => AssertSucceeded(grades.PublishAsync(teacher, id, publish: true)),
            () => AssertSucceeded(grades.PublishAsync(teacher, id, publish: false))
        );
    }

    /// <summary>
    /// With the reader's bell and feed widget open, <paramref name="tell"/> notifies them and <paramref name="remove"/>
    /// takes it back: the badge and the line go. Then told again (in the database too) and the removal's
    /// <typeparamref name="TEvent"/> heard again: the tab shows the count the event carries, not the database's, and
    /// drops the line, with no command.
    /// </summary>
    private async Task RemovedFromTheOpenTabAsync<TEvent>(CurrentUser reader, Func<Task> tell, Func<Task> remove)
        where TEvent : notnull
    {
        var bell = Render<NotificationBell>();
        var feed = Render<FeedWidget>(p => p.Add(w => w.Context, WidgetContextAsync(reader, new(4, 3)).Result));
        feed.WaitForAssertion(() => Assert.DoesNotContain("…", feed.Markup));
        await ToldAsync(tell, bell, feed);

        TEvent removal;
        using (var heard = new Heard<TEvent>(Bus))
        {
            await remove();
            await Database.DeliveredAsync();
            removal = Assert.Single(heard.Events);
        }
        Assert.Contains(reader.PersonId, Delivery(removal).RecipientIds);
        Gone(bell, feed);

        await ToldAsync(tell, bell, feed);
        _counter.Reset();
        await Bus.PublishAsync(removal);
        await Database.DeliveredAsync();
        Gone(bell, feed);
        Assert.True(_counter.Count == 0, _counter.Log);
    }

    private async Task ToldAsync(
        Func<Task> tell,
        IRenderedComponent<NotificationBell> bell,
        IRenderedComponent<FeedWidget> feed
    )
    {
        await tell();
        await Database.DeliveredAsync();
        bell.WaitForAssertion(() => Assert.Equal("1", bell.Find(".enoe-badge").TextContent.Trim()));
        feed.WaitForAssertion(() => Assert.Single(feed.FindAll("li")));
    }

    private static void Gone(IRenderedComponent<NotificationBell> bell, IRenderedComponent<FeedWidget> feed)
    {
        bell.WaitForAssertion(() => Assert.Empty(bell.FindAll(".enoe-badge")));
        feed.WaitForAssertion(() => Assert.Empty(feed.FindAll("li")));
    }

    private static NotificationsDelivered Delivery<TEvent>(TEvent removal) =>
        removal switch
        {
            NotificationsDelivered alone => alone,
            GradesChanged marks => marks.Delivered!,
            _ => throw new InvalidOperationException($"{typeof(TEvent)} carries no delivery"),
        };

    private static async Task AssertSucceeded<TResult>(Task<TResult> act)
        where TResult : Enoe.Data.Common.Result
    {
        var result = await act;
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    /// <summary>Before any service is read (bUnit then closes its registrations).</summary>
    private CurrentUser SignIn(Person person, Profile profile)
    {
        this.SignInAs(person, F.A.Id, profile);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true)); // the bell listens
        return TwoSchools.As(person, F.A);
    }

    private IEventBus Bus => Database.Get<IEventBus>();
}
