using Enoe.Data.Logbook;

namespace Enoe.Widgets.Logbook;

/// <summary>A lesson's times as the reader writes them: "08h30–09h25" in French, "08:30–09:25" in English.</summary>
public static class LogbookTimes
{
    public static string Of(LogbookEntryView entry) =>
        $"{entry.StartsAt.ToString(LogbookText.TimeFormat)}–{entry.EndsAt.ToString(LogbookText.TimeFormat)}";
}
