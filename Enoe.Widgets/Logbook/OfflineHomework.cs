using System.Globalization;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Markdig;
using Microsoft.JSInterop;

namespace Enoe.Widgets.Logbook;

/// <summary>
/// The homework list a student's or parent's page last showed, copied into the browser (<c>js/offline-homework.js</c>)
/// for the offline page (<c>hors-ligne.html</c>): due day, subject, class and the homework as plain text (its Markdown
/// read as text, never HTML; the offline page writes it with <c>textContent</c>), with the moment it was saved. Kept
/// by the component showing the list, called after each render: only a list it has not sent yet goes to the browser,
/// judged by what the browser keeps, not by the list object (a class's carnet entry without homework, heard live by
/// 2,000 open tabs, rebuilds their lists but sends nothing: each send is three script calls per tab).
/// </summary>
/// <remarks>The browser forgets it at sign-out (<c>js/install-app.js</c>).</remarks>
public sealed class OfflineHomework
{
    private (int Id, int Version, string? Homework, DateOnly? Due)[]? _sentKey; // null: nothing sent yet

    /// <param name="who">Whose homework it is (the student's name, or the child's a parent looks at).</param>
    public async Task KeepAsync(IJSRuntime js, IReadOnlyList<LogbookEntryView>? homework, string? who)
    {
        if (homework is null)
            return;
        var key = Key(homework);
        if (_sentKey is not null && key.SequenceEqual(_sentKey))
            return;
        _sentKey = key;
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/offline-homework.js");
            await module.InvokeVoidAsync("keep", who ?? "", Rows(homework));
        }
        catch (JSDisconnectedException) { } // the tab closed meanwhile
        catch (JSException) { } // the module could not load: the page works on, only the offline copy is older
    }

    /// <summary>What decides the copy: each homework's entry, version, text and due day, in the list's order.</summary>
    private static (int, int, string?, DateOnly?)[] Key(IReadOnlyList<LogbookEntryView> homework) =>
        [.. homework.Where(e => e.Homework is not null).Select(e => (e.Id, e.Version, e.Homework, e.HomeworkDueDate))];

    /// <summary>Whose homework a page shows: the child a parent looks at, or the person signed in.</summary>
    public static string Whose(Workspace? workspace, int? childViewed) =>
        workspace?.Children.FirstOrDefault(c => c.Id == childViewed)?.DisplayName ?? workspace?.DisplayName ?? "";

    /// <summary>What the browser keeps of each homework: text only.</summary>
    public static IReadOnlyList<OfflineHomeworkRow> Rows(IEnumerable<LogbookEntryView> homework) =>
        [
            .. homework
                .Where(e => e.Homework is not null)
                .Select(e => new OfflineHomeworkRow(
                    e.HomeworkDueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    e.Subject,
                    e.Audience,
                    Markdown.ToPlainText(e.Homework!).Trim()
                )),
        ];
}

/// <summary>One homework as the offline page shows it (<c>due</c> as an ISO date, the rest plain text).</summary>
public sealed record OfflineHomeworkRow(string Due, string Subject, string Audience, string Text);
