using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;

namespace Enoe.Widgets.Logbook;

/// <summary>One in-place edit of a session's content or homework, shared by the page and the widget.</summary>
public static class InlineLogbookEdit
{
    /// <summary>
    /// Saves the text; returns null when saved, else the message to show in the editor (on a conflict, with the other
    /// teacher's text).
    /// </summary>
    public static async Task<string?> SaveAsync(
        LogbookService logbook,
        CurrentUser user,
        LogbookEntryView entry,
        string text,
        bool homework
    )
    {
        var draft = LogbookDraft.From(entry);
        if (homework)
        {
            draft.Homework = text;
            draft.HomeworkDueDate ??= entry.SessionDate.AddDays(1);
        }
        else
            draft.Content = text;
        var result = await logbook.SaveAsync(user, draft);
        if (result.Succeeded)
            return null;
        return result.Kind == ResultKind.Conflict && result.Value is { } theirs
            ? LogbookText.FormatConflictTheirs(result.Errors[0], homework ? theirs.Homework : theirs.Content)
            : string.Join(" ", result.Errors);
    }
}
