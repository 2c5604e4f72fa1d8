using Enoe.Data.Logbook;

namespace Enoe.Widgets.Logbook;

/// <summary>
/// A student's or parent's "Mon carnet" lists with one entry changed, as the service would list them again: today's
/// sessions by start, homework due in the coming week by due day then start; a deleted entry leaves both.
/// </summary>
public static class LogbookRows
{
    public const int HomeworkDays = 7;

    /// <summary>
    /// The lists with <paramref name="changed"/> in its place; the same lists for a version older than one already
    /// heard (<paramref name="versions"/>, kept up to date here: events may arrive out of order); null when only the
    /// database can tell, then the caller reads again: an entry not listed that comes into the lists after a first
    /// version (restored, or its homework moved into the week) may carry the reader's own "done" tick.
    /// </summary>
    public static (IReadOnlyList<LogbookEntryView> Sessions, IReadOnlyList<LogbookEntryView> Homework)? With(
        LogbookEntryView changed,
        IReadOnlyList<LogbookEntryView>? sessions,
        IReadOnlyList<LogbookEntryView>? homework,
        DateOnly today,
        IDictionary<int, int> versions
    )
    {
        if (sessions is null || homework is null)
            return null;
        if (versions.TryGetValue(changed.Id, out var heard) && heard > changed.Version)
            return (sessions, homework);
        versions[changed.Id] = changed.Version;
        var known = sessions.Concat(homework).FirstOrDefault(e => e.Id == changed.Id);
        var shown = !changed.Deleted;
        var inSessions = shown && changed.SessionDate == today;
        var inHomework =
            shown
            && changed.Homework is not null
            && changed.HomeworkDueDate >= today
            && changed.HomeworkDueDate <= today.AddDays(HomeworkDays);
        if (known is null && changed.Version > 1 && (inSessions || inHomework))
            return null;
        // The reader's own tick stays: a teacher's change does not undo it.
        var entry = changed with
        {
            Done = known?.Done ?? false,
        };
        return (
            Replace(sessions, entry, inSessions, e => (e.SessionDate, e.StartsAt)),
            Replace(homework, entry, inHomework, e => (e.HomeworkDueDate ?? default, e.StartsAt))
        );
    }

    private static IReadOnlyList<LogbookEntryView> Replace(
        IReadOnlyList<LogbookEntryView> rows,
        LogbookEntryView entry,
        bool belongs,
        Func<LogbookEntryView, (DateOnly, TimeOnly)> order
    )
    {
        var others = rows.Where(e => e.Id != entry.Id);
        return [.. (belongs ? others.Append(entry) : others).OrderBy(order).ThenBy(e => e.Id)];
    }
}
