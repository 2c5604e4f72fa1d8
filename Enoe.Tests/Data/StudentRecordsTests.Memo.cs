using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Data.Timetable;
using Enoe.Tests.Support;
using Enoe.Widgets.Common;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// Whose records a reader opens, asked once for the widgets loading together (<see cref="RecordsMemo"/>): each reader
/// and student is still checked against the database, a memo answers nobody else, and it is spent before a right
/// taken away could be missed by a later load.
/// </summary>
public sealed partial class StudentRecordsTests
{
    private RecordsMemo NewMemo() => new(_database.Clock);

    [Fact]
    public async Task WidgetsLoadingTogether_AskTheDatabaseOnce_AndWithoutAMemoEachAsks()
    {
        var memo = NewMemo();
        var child = (_f.StudentA.Id, Holder.Parent, (int?)_f.A.Id);

        Assert.Equal(child, await ResolveAsync(_f.ParentA, _f.StudentA.Id, Right.SkillsRead, memo));
        Assert.Equal(1, _counter.Count);
        Assert.Equal(child, await ResolveAsync(_f.ParentA, _f.StudentA.Id, Right.MarksPublishedRead, memo));
        Assert.Equal(0, _counter.Count);
        Assert.Equal(child, await ResolveAsync(_f.ParentA, _f.StudentA.Id, Right.SkillsRead));
        Assert.Equal(1, _counter.Count);
    }

    [Fact]
    public async Task OneReadersAnswer_IsNeverAnothers()
    {
        var memo = NewMemo();
        Assert.NotNull(await ResolveAsync(_f.ParentA, _f.StudentA.Id, Right.SkillsRead, memo));

        Assert.Null(await ResolveAsync(_f.StaffB, _f.StudentA.Id, Right.SkillsRead, memo)); // staff elsewhere
        Assert.Equal(
            (_f.StudentA.Id, Holder.Student, (int?)_f.A.Id),
            await ResolveAsync(_f.StudentA, null, Right.SkillsRead, memo) // the student's own question
        );
        Assert.Null(await ResolveAsync(_f.TeacherA, null, Right.SkillsRead, memo)); // neither student nor parent
        Assert.Null(await ResolveAsync(_f.ParentA, _f.TeacherA.Id, Right.SkillsRead, memo)); // not their child
    }

    [Fact]
    public async Task AChildNoLongerTheirs_IsRefused_OnceTheLoadsMemoIsSpent()
    {
        var memo = NewMemo();
        Assert.NotNull(await ResolveAsync(_f.ParentA, _f.StudentA.Id, memo: memo));
        await using (var db = _database.NewContext())
            await db.Guardianships.Where(g => g.ParentId == _f.ParentA.Id).ExecuteDeleteAsync();

        _database.Clock.Advance(RecordsMemo.Lifetime);

        Assert.True(memo.Spent);
        Assert.Null(await ResolveAsync(_f.ParentA, _f.StudentA.Id, memo: memo));
        Assert.Null(await ResolveAsync(_f.ParentA, _f.StudentA.Id, memo: NewMemo()));
    }

    [Fact]
    public async Task AChildsDay_IsForTheirParent_NotForAnotherReaderOfTheSameLoad()
    {
        await TimetableFixture.CreateAsync(_database, _f);
        var timetable = _database.Get<TimetableService>();
        var monday = TimetableFixture.Monday;
        async Task<int> LessonsAsync(Person reader) =>
            (
                await timetable.DaysAsync(
                    TwoSchools.As(reader, _f.A),
                    TimetableOf.MineOr(_f.StudentA.Id),
                    monday,
                    monday
                )
            ).Days.Sum(d => d.Lessons.Count);

        using (RecordsMemo.Use(NewMemo()))
        {
            Assert.Equal(1, await LessonsAsync(_f.ParentA));
            Assert.Equal(0, await LessonsAsync(_f.StaffB)); // another établissement's staff
        }
    }

    [Fact]
    public void WidgetsStartingTogether_ShareAMemo_AndALaterLoadGetsANewOne()
    {
        var loads = new WidgetLoads(_database.Clock);
        var first = loads.Memo();

        Assert.Same(first, loads.Memo());
        _database.Clock.Advance(RecordsMemo.Lifetime);
        Assert.NotSame(first, loads.Memo());
    }
}
