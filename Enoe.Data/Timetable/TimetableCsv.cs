using System.Globalization;
using CsvHelper;
using Enoe.Data.Common;
using Enoe.Data.Schools;

namespace Enoe.Data.Timetable;

/// <summary>
/// One line of a timetable file, its values read (names are resolved against the établissement later).
/// </summary>
public sealed record TimetableCsvLine(
    int Line,
    DayOfWeek Day,
    TimeOnly StartsAt,
    TimeOnly EndsAt,
    string? Class,
    string? Group,
    string Subject,
    string Teacher,
    string? Room,
    WeekPattern Weeks,
    DateOnly? From,
    DateOnly? To
);

/// <summary>
/// An établissement's timetable as a CSV file, one line per weekly lesson
/// (<c>jour;horaire;classe;groupe;matiere;professeur;salle;semaines;du;au</c>, semicolons, UTF-8): what a timetable
/// tool's export gives, documented in the README with an example. <c>horaire</c> is a slot (<c>M1</c>), consecutive
/// slots (<c>M1-M2</c>) or hours (<c>08:00-09:50</c>).
/// </summary>
public static class TimetableCsv
{
    public const string Header = "jour;horaire;classe;groupe;matiere;professeur;salle;semaines;du;au";
    private static readonly string[] Columns = Header.Split(';');

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lundi"] = DayOfWeek.Monday,
        ["mardi"] = DayOfWeek.Tuesday,
        ["mercredi"] = DayOfWeek.Wednesday,
        ["jeudi"] = DayOfWeek.Thursday,
        ["vendredi"] = DayOfWeek.Friday,
        ["samedi"] = DayOfWeek.Saturday,
    };

    /// <summary>
    /// The file's lines, and a reason for each bad one ("ligne 4 : ..."; line numbers count the header).
    /// </summary>
    public static (List<TimetableCsvLine> Lines, SortedDictionary<int, string> Errors) Read(
        byte[] file,
        IReadOnlyList<SlotView> slots
    )
    {
        var errors = new SortedDictionary<int, string>();
        var options = CsvCells.Options(line => errors[(int)line] = TimetableMessages.Import_Malformed);
        var lines = new List<TimetableCsvLine>();
        if (!CsvCells.IsUtf8(file))
        {
            errors[0] = TimetableMessages.Import_NotUtf8;
            return (lines, errors);
        }
        using var reader = CsvReader.Create(file, options);
        if (!reader.Read())
        {
            errors[0] = TimetableMessages.Import_Empty;
            return (lines, errors);
        }
        var header = CsvCells.Fields(reader);
        if (!header.SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            errors[0] = TimetableMessages.FormatImport_Header(Header);
            return (lines, errors);
        }
        while (reader.Read())
        {
            var number = (int)reader.LineNumber;
            var f = CsvCells.Fields(reader);
            var reason =
                f.Length != Columns.Length
                    ? TimetableMessages.FormatImport_FieldCount(f.Length, Columns.Length)
                    : Parse(number, f, slots, out var line) ?? Add(lines, line!);
            if (reason is not null)
                errors[number] = reason;
        }
        return (lines, errors);
    }

    private static string? Add(List<TimetableCsvLine> lines, TimetableCsvLine line)
    {
        lines.Add(line);
        return null;
    }

    private static string? Parse(int number, string[] f, IReadOnlyList<SlotView> slots, out TimetableCsvLine? line)
    {
        line = null;
        if (!Days.TryGetValue(f[0], out var day))
            return TimetableMessages.FormatImport_Day(f[0]);
        if (Hours(f[1], slots) is not var (starts, ends))
            return TimetableMessages.FormatImport_Hours(f[1], string.Join(", ", slots.Select(s => s.Code)));
        if (ends <= starts)
            return TimetableMessages.Import_EndBeforeStart;
        if ((f[2].Length == 0) == (f[3].Length == 0))
            return TimetableMessages.Import_ClassOrGroup;
        if (f[4].Length == 0)
            return TimetableMessages.Import_SubjectRequired;
        if (f[5].Length == 0)
            return TimetableMessages.Import_TeacherRequired;
        if (f[6].Length > TimetableImport.RoomMax)
            return TimetableMessages.FormatImport_RoomTooLong(TimetableImport.RoomMax);
        if (WeeksOf(f[7]) is not WeekPattern weeks)
            return TimetableMessages.FormatImport_Weeks(f[7]);
        if (!DateOf(f[8], out var from) || !DateOf(f[9], out var to))
            return TimetableMessages.Import_Date;
        if (from > to)
            return TimetableMessages.Import_DatesOrder;
        line = new(
            number,
            day,
            starts,
            ends,
            f[2].Length == 0 ? null : f[2],
            f[3].Length == 0 ? null : f[3],
            f[4],
            f[5],
            f[6].Length == 0 ? null : f[6],
            weeks,
            from,
            to
        );
        return null;
    }

    /// <summary>
    /// "M1", "M1-M2" (from the first slot's start to the last's end) or "08:00-09:50" (also "8h00-9h50").
    /// </summary>
    private static (TimeOnly, TimeOnly)? Hours(string text, IReadOnlyList<SlotView> slots)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2)
            return null;
        var first = slots.FirstOrDefault(s => s.Code.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
        var last = slots.FirstOrDefault(s => s.Code.Equals(parts[^1], StringComparison.OrdinalIgnoreCase));
        if (first is not null && last is not null)
            return (first.StartsAt, last.EndsAt);
        return parts.Length == 2 && TimeOf(parts[0]) is TimeOnly s && TimeOf(parts[1]) is TimeOnly e ? (s, e) : null;
    }

    private static TimeOnly? TimeOf(string text) =>
        TimeOnly.TryParseExact(
            text.Replace('h', ':').Replace('H', ':'),
            ["H:mm", "HH:mm"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var time
        )
            ? time
            : null;

    private static WeekPattern? WeeksOf(string text) =>
        text.ToLowerInvariant() switch
        {
            "" or "toutes" => WeekPattern.Every,
            "a" or "semaine a" or "sa" => WeekPattern.A,
            "b" or "semaine b" or "sb" => WeekPattern.B,
            _ => null,
        };

    private static bool DateOf(string text, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0)
            return true;
        if (
            !DateOnly.TryParseExact(
                text,
                ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var parsed
            )
        )
            return false;
        date = parsed;
        return true;
    }
}
