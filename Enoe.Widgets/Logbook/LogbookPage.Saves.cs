using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.Storage;

namespace Enoe.Widgets.Logbook;

/// <summary>
/// A teacher's save shows the entry the service answered with, and the page's own event for it reads nothing: the
/// click costs the save alone, where the page read its week after the save and again when its event came back.
/// Another author's change (another entry, a newer version, a file attached) or an event without its entry still
/// reads the week again.
/// </summary>
public partial class LogbookPage
{
    private static readonly IReadOnlyList<FileView> NoFiles = [];

    /// <summary>
    /// Each entry as this page last saved it: an event that carries it unchanged, or older, is its own.
    /// </summary>
    private readonly Dictionary<int, LogbookEntryView> _saved = [];

    /// <summary>Saves not answered yet.</summary>
    private int _saving;

    /// <summary>
    /// Changes heard while a save was not answered: the page's own event often comes first (it is published before
    /// the service answers), and only the answer tells it from another author's.
    /// </summary>
    private readonly List<LogbookChanged> _heardWhileSaving = [];

    private async Task<Result<LogbookEntryView>> SaveShowingAsync(LogbookDraft draft)
    {
        _saving++;
        try
        {
            var result = await Logbook.SaveAsync(_user, draft);
            if (result.Succeeded)
                Show(result.Value!);
            return result;
        }
        finally
        {
            if (--_saving == 0 && _heardWhileSaving.Count > 0)
            {
                var othersChanges = _heardWhileSaving.Any(c => !AlreadyShown(c));
                _heardWhileSaving.Clear();
                if (othersChanges)
                    await ReloadAsync();
            }
        }
    }

    /// <summary>The saved entry in its place in the week, as the service lists it (by day, start, then id).</summary>
    private void Show(LogbookEntryView saved)
    {
        _saved[saved.Id] = saved;
        var shown =
            saved.SessionDate >= _monday
            && saved.SessionDate <= _monday.AddDays(6)
            && (DirectionClassId == 0 || saved.SchoolClassId == DirectionClassId);
        var others = _entries.Where(e => e.Id != saved.Id);
        _entries =
        [
            .. (shown ? others.Append(saved) : others)
                .OrderBy(e => e.SessionDate)
                .ThenBy(e => e.StartsAt)
                .ThenBy(e => e.Id),
        ];
    }

    /// <summary>
    /// The change is one this page saved (the same entry and version, files included) or older than it. A file
    /// attached or removed keeps the version: the rest of the entry tells.
    /// </summary>
    private bool AlreadyShown(LogbookChanged change) =>
        change.Entry is { } heard
        && _saved.TryGetValue(heard.Id, out var mine)
        && (
            mine.Version > heard.Version
            || (
                mine with { Done = false, Attachments = NoFiles } == heard with { Done = false, Attachments = NoFiles }
                && mine.Attachments.SequenceEqual(heard.Attachments)
            )
        );

    /// <summary>A change, on its author's thread: only one concerning a class or group shown here matters.</summary>
    private Task OnChangedAsync(LogbookChanged change)
    {
        var relevant =
            change.SchoolId == _user.SchoolId
            && (
                DirectionClassId > 0
                    ? change.SchoolClassId == DirectionClassId
                    : (change.SchoolClassId is int c && _classes.Contains(c))
                        || (change.TeachingGroupId is int g && _groups.Contains(g))
            );
        return relevant ? InvokeAsync(() => HeardAsync(change)) : Task.CompletedTask;
    }

    /// <summary>On the renderer's thread, where the page's saves and events take turns.</summary>
    private async Task HeardAsync(LogbookChanged change)
    {
        if (_saving > 0)
            _heardWhileSaving.Add(change);
        else if (!AlreadyShown(change))
        {
            await ReloadAsync();
            StateHasChanged();
        }
    }
}
