using System.Globalization;

namespace Enoe.Data.Grades;

/// <summary>What a teacher types in a cell of the marks grid: "12,5", "12.5", "Abs", "Disp", "NN", or nothing (to clear).</summary>
public static class GradeInput
{
    public sealed record Parsed(GradeKind? Kind, decimal? Value);

    /// <summary>The parsed cell (Kind null: cleared), or a French message.</summary>
    public static (Parsed? Grade, string? Error) Parse(string? text, decimal scale)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0) return (new Parsed(null, null), null);
        switch (t.ToUpperInvariant())
        {
            case "ABS": case "A": return (new Parsed(GradeKind.Absent, null), null);
            case "DISP": case "D": return (new Parsed(GradeKind.Exempt, null), null);
            case "NN": case "N": return (new Parsed(GradeKind.NotGraded, null), null);
        }
        if (!decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return (null, $"« {t} » n'est pas une note : tapez un nombre, Abs, Disp ou NN.");
        if (value > scale) return (null, $"{Averages.Format(value)} dépasse le barème ({Averages.Format(scale)}).");
        if (decimal.Round(value, 2) != value) return (null, "Deux décimales au plus.");
        return (new Parsed(GradeKind.Mark, value), null);
    }

    public static string Display(GradeKind kind, decimal? value) => kind switch
    {
        GradeKind.Absent => "Abs",
        GradeKind.Exempt => "Disp",
        GradeKind.NotGraded => "NN",
        _ => Averages.Format(value),
    };
}
