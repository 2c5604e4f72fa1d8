using System.Globalization;

namespace Enoe.Data.Schools;

/// <summary>
/// A named period of the établissement's day (M1–M4 in the morning, S1–S4 in the afternoon), used to place sessions and
/// bookings.
/// </summary>
public sealed class TimeSlot
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public string Code { get; set; } = "";
    public TimeOnly StartsAt { get; set; }
    public TimeOnly EndsAt { get; set; }
}

public sealed record SlotView(string Code, TimeOnly StartsAt, TimeOnly EndsAt)
{
    public string Label =>
        $"{Code} · {StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture)}–"
        + $"{EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

public static class TimeSlots
{
    public const int CodeMax = 6;

    /// <summary>A common collège day, until the établissement sets its own.</summary>
    public static readonly IReadOnlyList<SlotView> Defaults =
    [
        new("M1", new(8, 0), new(8, 55)),
        new("M2", new(8, 55), new(9, 50)),
        new("M3", new(10, 5), new(11, 0)),
        new("M4", new(11, 0), new(11, 55)),
        new("S1", new(13, 30), new(14, 25)),
        new("S2", new(14, 25), new(15, 20)),
        new("S3", new(15, 35), new(16, 30)),
        new("S4", new(16, 30), new(17, 25)),
    ];

    /// <summary>
    /// Messages, in the reader's language, for what is wrong with a day's slots: names, order, overlaps.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<SlotView> slots)
    {
        var errors = new List<string>();
        if (slots.Count == 0)
            errors.Add(SchoolMessages.Slots_KeepOne);
        foreach (var s in slots)
        {
            if (string.IsNullOrWhiteSpace(s.Code) || s.Code.Trim().Length > CodeMax)
                errors.Add(SchoolMessages.FormatSlots_ShortName(CodeMax));
            if (s.EndsAt <= s.StartsAt)
                errors.Add(SchoolMessages.FormatSlots_EndAfterStart(s.Code));
        }
        if (slots.Select(s => s.Code.Trim().ToUpperInvariant()).Distinct().Count() != slots.Count)
            errors.Add(SchoolMessages.Slots_SameName);
        var ordered = slots.OrderBy(s => s.StartsAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
            if (ordered[i].StartsAt < ordered[i - 1].EndsAt)
                errors.Add(SchoolMessages.FormatSlots_Overlap(ordered[i - 1].Code, ordered[i].Code));
        return [.. errors.Distinct()];
    }
}
