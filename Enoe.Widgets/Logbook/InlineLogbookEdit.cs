using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Widgets.Common;

namespace Enoe.Widgets.Logbook;

/// <summary>One in-place edit of a session's content or homework, shared by the page and the widget.</summary>
public static class InlineLogbookEdit
{
    /// <summary>The service's own validator: its messages show in the editor; the service checks again.</summary>
    private static readonly FluentValueValidator<LogbookDraft> Rules = new(new LogbookDraftValidator());

    /// <summary>
    /// The editor's check: what the service would answer about the edited field for a text (its length). A rule on
    /// the whole lesson (content or homework, one of them) stays the service's refusal, shown in the editor.
    /// </summary>
    public static Func<string, Task<IEnumerable<string>>> MessagesFor(LogbookEntryView entry, bool homework) =>
        text =>
            Rules.MessagesAsync(
                Draft(entry, text, homework),
                homework ? nameof(LogbookDraft.Homework) : nameof(LogbookDraft.Content)
            );

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
    ) => ErrorOf(await logbook.SaveAsync(user, Draft(entry, text, homework)), homework);

    /// <summary>Null when saved, else the message to show in the editor of the content or the homework.</summary>
    public static string? ErrorOf(Result<LogbookEntryView> result, bool homework)
    {
        if (result.Succeeded)
            return null;
        return result.Kind == ResultKind.Conflict && result.Value is { } theirs
            ? LogbookText.FormatConflictTheirs(result.Errors[0], homework ? theirs.Homework : theirs.Content)
            : string.Join(" ", result.Errors);
    }

    /// <summary>The entry as it stands with the edited field's new text (new homework is due the next day).</summary>
    public static LogbookDraft Draft(LogbookEntryView entry, string text, bool homework)
    {
        var draft = LogbookDraft.From(entry);
        if (homework)
        {
            draft.Homework = text;
            draft.HomeworkDueDate ??= entry.SessionDate.AddDays(1);
        }
        else
            draft.Content = text;
        return draft;
    }
}
