using System.Globalization;

namespace Enoe.Data.Grades;

/// <summary>
/// What a teacher types in a cell of the marks grid: "12,5", "12.5", a code (Abs, Disp, NN in French;
/// Abs, Ex, NM in English), or nothing (to clear).
/// </summary>
public static class GradeInput
{
    public sealed record Parsed(GradeKind? Kind, decimal? Value);

    /// <summary>
    /// Both languages' codes, whatever the page's: a French spreadsheet pasted into an English page still reads.
    /// </summary>
    private static readonly Dictionary<string, GradeKind> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["abs"] = GradeKind.Absent,
        ["a"] = GradeKind.Absent,
        ["disp"] = GradeKind.Exempt,
        ["d"] = GradeKind.Exempt,
        ["ex"] = GradeKind.Exempt,
        ["nn"] = GradeKind.NotGraded,
        ["n"] = GradeKind.NotGraded,
        ["nm"] = GradeKind.NotGraded,
    };

    /// <summary>The parsed cell (Kind null: cleared), or a message in the reader's language.</summary>
    public static (Parsed? Grade, string? Error) Parse(string? text, decimal scale)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0)
            return (new Parsed(null, null), null);
        if (Codes.TryGetValue(t, out var kind))
            return (new Parsed(kind, null), null);
        // A decimal comma or point, whichever language the teacher types in.
        if (
            !decimal.TryParse(
                t.Replace(',', '.'),
                NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out var value
            )
        )
            return (
                null,
                GradeMessages.FormatCell_NotAGrade(
                    t,
                    GradeMessages.Code_Absent,
                    GradeMessages.Code_Exempt,
                    GradeMessages.Code_NotGraded
                )
            );
        if (value > scale)
            return (null, GradeMessages.FormatCell_AboveScale(Averages.Format(value), Averages.Format(scale)));
        if (decimal.Round(value, 2) != value)
            return (null, GradeMessages.Cell_TwoDecimals);
        return (new Parsed(GradeKind.Numeric, value), null);
    }

    public static string Display(GradeKind kind, decimal? value) =>
        kind switch
        {
            GradeKind.Absent => GradeMessages.Code_Absent,
            GradeKind.Exempt => GradeMessages.Code_Exempt,
            GradeKind.NotGraded => GradeMessages.Code_NotGraded,
            _ => Averages.Format(value),
        };
}
