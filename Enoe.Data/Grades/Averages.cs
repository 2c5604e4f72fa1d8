using System.Globalization;

namespace Enoe.Data.Grades;

/// <summary>
/// How ENOE computes averages — written down because families compare them with their own sums:
/// <list type="bullet">
/// <item>each mark is brought to /20 (mark × 20 ÷ scale);</item>
/// <item>a subject's average over a term is the mean of those marks weighted by the assessments' coefficients;</item>
/// <item>the general average is the mean of the subject averages as shown (to two decimals) weighted by the subjects'
/// coefficients, so a family can redo the sum from the report;</item>
/// <item>absences (Abs), exemptions (Disp) and "non noté" (NN) are left out, as if the assessment did not exist for
/// that student;</item>
/// <item>everything is computed exactly in decimal and rounded once, at the end, to two decimals, half away from zero
/// (12,345 → 12,35).</item>
/// </list>
/// </summary>
public static class Averages
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal On20(decimal value, decimal scale) => value * 20m / scale;

    /// <summary>Weighted mean of (value, weight) pairs, unrounded; null when there is nothing to average.</summary>
    public static decimal? WeightedMean(IEnumerable<(decimal Value, decimal Weight)> values)
    {
        decimal sum = 0,
            weights = 0;
        foreach (var (value, weight) in values)
        {
            sum += value * weight;
            weights += weight;
        }
        return weights == 0 ? null : sum / weights;
    }

    /// <summary>A subject's term average (/20, rounded) from its marks with their scales and coefficients.</summary>
    public static decimal? Subject(IEnumerable<(decimal Value, decimal Scale, decimal Coefficient)> grades) =>
        WeightedMean(grades.Select(g => (On20(g.Value, g.Scale), g.Coefficient))) is decimal mean ? Round(mean) : null;

    /// <summary>
    /// The general average (/20, rounded) from the subject averages as shown and the subjects' coefficients.
    /// </summary>
    public static decimal? General(IEnumerable<(decimal Average, decimal Coefficient)> subjects) =>
        WeightedMean(subjects) is decimal mean ? Round(mean) : null;

    /// <summary>
    /// A mark or an average as the reader writes numbers: "12,5" in French, "12.5" in English; "–" for none.
    /// </summary>
    public static string Format(decimal? value) =>
        value is decimal v ? v.ToString("0.##", CultureInfo.CurrentCulture) : "–";
}
