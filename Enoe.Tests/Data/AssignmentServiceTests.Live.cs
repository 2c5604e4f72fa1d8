using Enoe.Data.Assignments;
using Enoe.Data.Events;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>What a devoir set tells the open tabs: enough to show it to its class, and only to its class.</summary>
public sealed partial class AssignmentServiceTests
{
    [Fact]
    public async Task ADevoirSet_IsAnnouncedAsItsStudentsListShowIt_WithWhomItIsFor()
    {
        using var told = new Heard<AssignmentChanged>(_database.Get<IEventBus>());

        var id = await SetAsync();
        await _database.DeliveredAsync();

        var set = Assert.Single(told.Events);
        Assert.Equal(
            (id, null, _f.A.Id, _f.TeacherA.Id),
            (set.AssignmentId, set.StudentId, set.SchoolId, set.TeacherId)
        );
        Assert.Equal((await Assignments.ListForLearnerAsync(As(_classmate))).Single(), set.Set);
        var classmate = (await Assignments.LearnerAudienceAsync(As(_classmate)))!;
        Assert.True(set.IsSetTo(classmate));
        Assert.False(set.IsSetTo((await Assignments.LearnerAudienceAsync(As(_otherStudent)))!));
    }

    [Fact]
    public async Task ALearnersAudience_IsTheirOwn_OrTheirChilds_AndNoOneElses()
    {
        var own = await Assignments.LearnerAudienceAsync(As(_f.StudentA));
        var parent = await Assignments.LearnerAudienceAsync(As(_f.ParentA), _f.StudentA.Id);

        Assert.Equal(_f.StudentA.Id, own!.StudentId);
        Assert.Equal([_f.ClassA.Id], own.Classes);
        Assert.Equivalent(own, parent, strict: true);
        Assert.Null(await Assignments.LearnerAudienceAsync(As(_otherParent), _f.StudentA.Id));
        Assert.Null(await Assignments.LearnerAudienceAsync(As(_f.TeacherA)));
    }

    [Fact]
    public async Task WhatDevoirsARendreOpensWith_IsTheAudienceAndTheList_BehindOneGate()
    {
        var first = await SetAsync();
        var second = await SetAsync();
        var after = _database.Clock.GetUtcNow().UtcDateTime.AddDays(-7);

        var due = (await Assignments.DueForLearnerAsync(As(_f.ParentA), _f.StudentA.Id, after, take: 1))!;

        Assert.Equivalent(await Assignments.LearnerAudienceAsync(As(_f.ParentA), _f.StudentA.Id), due.Audience);
        Assert.Equal([_f.ClassA.Id], due.Audience.Classes); // read with the list, in the same round trip
        var listed = await Assignments.ListForLearnerAsync(As(_f.StudentA), null, after);
        Assert.Equal([first, second], listed.Select(a => a.Id).Order());
        Assert.Equal([listed[0]], due.Items);
        Assert.Null(await Assignments.DueForLearnerAsync(As(_otherParent), _f.StudentA.Id, after, take: 8));
        Assert.Null(await Assignments.DueForLearnerAsync(As(_f.TeacherA), null, after, take: 8));
    }
}
