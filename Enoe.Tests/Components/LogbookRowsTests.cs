using Enoe.Data.Logbook;
using Enoe.Tests.Support;
using Enoe.Widgets.Logbook;

namespace Enoe.Tests.Components;

/// <summary>"Mon carnet" changed from an event alone lists what the service would list again.</summary>
public sealed class LogbookRowsTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Fact]
    public void AnEntry_TakesItsPlaceByStart_InTodaysSessions_AndByDueDayInHomework()
    {
        IReadOnlyList<LogbookEntryView> sessions = [Entry(1, start: 8), Entry(2, start: 14)];
        IReadOnlyList<LogbookEntryView> homework = [Entry(1, start: 8, due: 1), Entry(2, start: 14, due: 3)];

        var (s, h) = LogbookRows.With(Entry(3, start: 10, due: 2), sessions, homework, Today, Heard())!.Value;

        Assert.Equal([1, 3, 2], s!.Select(e => e.Id));
        Assert.Equal([1, 3, 2], h!.Select(e => e.Id));
    }

    [Fact]
    public void HomeworkBeyondTheWeek_OrAnotherDaysSession_IsNotListed()
    {
        var (s, h) = LogbookRows.With(Entry(3, start: 10, due: 8, day: 1), [], [], Today, Heard())!.Value;

        Assert.Empty(s!);
        Assert.Empty(h!);
    }

    [Fact]
    public void AChangedEntry_KeepsTheReadersTick_AndAnOlderVersionChangesNothing()
    {
        IReadOnlyList<LogbookEntryView> homework = [Entry(1, start: 8, due: 1, version: 2) with { Done = true }];
        var heard = Heard();

        var (_, h) = LogbookRows.With(Entry(1, start: 8, due: 2, version: 3), [], homework, Today, heard)!.Value;
        var (_, stale) = LogbookRows.With(Entry(1, start: 8, due: 5, version: 2), [], h, Today, heard)!.Value;

        Assert.Equal((Today.AddDays(2), true), (h.Single().HomeworkDueDate, h.Single().Done));
        Assert.Same(h, stale);
    }

    [Fact]
    public void ADeletedEntry_LeavesBothLists_AndASaveHeardAfterItDoesNotBringItBack()
    {
        IReadOnlyList<LogbookEntryView> both = [Entry(1, start: 8, due: 0)];
        var heard = Heard();

        var deleted = Entry(1, start: 8, due: 0, version: 3) with { Deleted = true };
        var (s, h) = LogbookRows.With(deleted, both, both, Today, heard)!.Value;
        var late = LogbookRows.With(Entry(1, start: 8, due: 0, version: 2), s, h, Today, heard)!.Value;

        Assert.Empty(s);
        Assert.Empty(h);
        Assert.Equal((s, h), late);
    }

    [Fact]
    public void AnEntryComingIntoTheListsAfterItsFirstVersion_IsLeftToTheDatabase()
    {
        // Restored, or its homework moved into the week: the reader may have ticked it.
        Assert.Null(LogbookRows.With(Entry(1, start: 8, due: 1, version: 4), [], [], Today, Heard()));
        Assert.NotNull(LogbookRows.With(Entry(2, start: 8, due: 1, version: 1), [], [], Today, Heard()));
        // Not listed
        Assert.NotNull(LogbookRows.With(Entry(3, start: 8, due: 9, day: 1, version: 4), [], [], Today, Heard()));
    }

    private static Dictionary<int, int> Heard() => [];

    private static LogbookEntryView Entry(int id, int start, int? due = null, int day = 0, int version = 1) =>
        LogbookEntries.Entry(
            id,
            Today.AddDays(day),
            start,
            due is null ? null : "Exercices",
            due is int d ? Today.AddDays(d) : null,
            version
        );
}
