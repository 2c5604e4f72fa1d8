using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data.SchoolLife;

/// <summary>A roll call's absence is told to the family; a tap undone leaves nothing; a decision is told too.</summary>
public sealed class AttendanceNoticesTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = TimetableFixture.Monday;
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private TimetableFixture _t = default!;
    private NotificationService Feed => _database.Get<NotificationService>();
    private RollCallService RollCalls => _database.Get<RollCallService>();
    private CurrentUser Teacher => TwoSchools.As(_f.TeacherA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        _t = await TimetableFixture.CreateAsync(_database, _f);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task AnAbsence_ReachesTheParentNamingTheChild_NotTheStudentUnder18_AndAnUndoneTapLeavesNothing()
    {
        Assert.True(
            (await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Absent)).Succeeded
        );

        var line = Assert.Single((await Feed.FeedAsync(TwoSchools.As(_f.ParentA, _f.A), new())).Items);
        Assert.Equal((NotificationKind.AbsenceRecorded, (int?)_f.StudentA.Id), (line.Kind, line.ChildId));
        Assert.Equal(0, await Feed.UnreadCountAsync(_f.StudentA.Id)); // no birth date known: not of age

        Assert.True(
            (await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Late, 5)).Succeeded
        );
        line = Assert.Single((await Feed.FeedAsync(TwoSchools.As(_f.ParentA, _f.A), new())).Items);
        Assert.Equal(NotificationKind.LatenessRecorded, line.Kind);

        Assert.True(
            (await RollCalls.MarkAsync(Teacher, _t.Maths.Id, Monday, _f.StudentA.Id, Presence.Present)).Succeeded
        );
        Assert.Equal(0, await Feed.UnreadCountAsync(_f.ParentA.Id));
    }
}
