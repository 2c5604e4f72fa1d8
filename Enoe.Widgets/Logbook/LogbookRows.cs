using Enoe.Data.Logbook;

namespace Enoe.Widgets.Logbook;

/// <summary>
/// A student's or parent's "Mon carnet" lists with one entry changed, as the service would list them again: today's
/// sessions by start, homework due in the coming week by due day then start; a deleted entry leaves both.
/// </summary>
public static class LogbookRows
{
    public const int HomeworkDays = 7;

    public static (IReadOnlyList<LogbookEntryView>? Sessions, IReadOnlyList<LogbookEntryView>? Homework) With(
        LogbookEntryView changed,
        IReadOnlyList<LogbookEntryView>? sessions,
        IReadOnlyList<LogbookEntryView>? homework,
        DateOnly today
    )
    {
        var known = sessions?.Concat(homework ?? []).FirstOrDefault(e => e.Id == changed.Id);
        // An older version arriving after a newer one (two saves close together) changes nothing.
        if (known is not null && known.Version > changed.Version)
            return (sessions, homework);
        // The reader's own tick stays: a teacher's change does not undo it.
        var entry = changed with
        {
            Done = known?.Done ?? false,
        };
        var shown = !entry.Deleted;
        return (
            Replace(sessions, entry, shown && entry.SessionDate == today, e => (e.SessionDate, e.StartsAt)),
            Replace(
                homework,
                entry,
                shown
                    && entry.Homework is not null
                    && entry.HomeworkDueDate >= today
                    && entry.HomeworkDueDate <= today.AddDays(HomeworkDays),
                e => (e.HomeworkDueDate ?? default, e.StartsAt)
            )
        );
    }

    private static IReadOnlyList<LogbookEntryView>? Replace(
        IReadOnlyList<LogbookEntryView>? rows,
        LogbookEntryView entry,
        bool belongs,
        Func<LogbookEntryView, (DateOnly, TimeOnly)> order
    )
    {
        if (rows is null)
            return null;
        var others = rows.Where(e => e.Id != entry.Id);
        return [.. (belongs ? others.Append(entry) : others).OrderBy(order)];
    }
}
