using Bunit;
using Enoe.Data.Logbook;
using Enoe.Tests.Support;
using Enoe.Widgets.Logbook;

namespace Enoe.Tests.Components;

/// <summary>
/// The browser's copy of the homework is sent when what it keeps changes, not each time a list is rebuilt: a carnet
/// entry heard live by a class's open tabs rebuilds their lists, and each send is three script calls per tab.
/// </summary>
public sealed class OfflineHomeworkTests : BunitContext
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public async Task TheSameHomeworkInANewList_IsNotSentAgain_ANewOneIs_AndAnEmptyListOnceAtFirst()
    {
        var script = JSInterop.SetupModule("./js/offline-homework.js");
        script.SetupVoid("keep", _ => true).SetVoidResult();
        var kept = new OfflineHomework();

        await kept.KeepAsync(JSInterop.JSRuntime, [], "Lucas"); // the browser forgets an older list
        await kept.KeepAsync(JSInterop.JSRuntime, [Entry(1, "Exercice 3")], "Lucas");
        await kept.KeepAsync(JSInterop.JSRuntime, [Entry(1, "Exercice 3"), Entry(2, null)], "Lucas"); // a session
        await kept.KeepAsync(JSInterop.JSRuntime, [Entry(1, "Exercice 3", version: 2)], "Lucas");

        Assert.Equal(3, script.Invocations.Count(i => i.Identifier == "keep"));
    }

    private static LogbookEntryView Entry(int id, string? homework, int version = 1) =>
        LogbookEntries.Entry(
            id,
            Today,
            homework: homework,
            due: homework is null ? null : Today.AddDays(1),
            version: version
        );
}
