using Enoe.Data.Logbook;

namespace Enoe.Tests.Support;

/// <summary>
/// A carnet entry as the lists and the offline copy read it, built without a database: a 4eA French session of an
/// hour from <c>start</c> o'clock, with homework when some is given.
/// </summary>
public static class LogbookEntries
{
    public static LogbookEntryView Entry(
        int id,
        DateOnly date,
        int start = 8,
        string? homework = null,
        DateOnly? due = null,
        int version = 1
    ) =>
        new(
            id,
            1,
            null,
            "4eA",
            1,
            "Français",
            date,
            new TimeOnly(start, 0),
            new TimeOnly(start + 1, 0),
            "Séance",
            homework,
            due,
            null,
            "Claire Fontaine",
            default,
            version,
            false,
            false,
            []
        );
}
