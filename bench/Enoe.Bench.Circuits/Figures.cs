using System.Globalization;

namespace Enoe.Bench.Circuits;

/// <summary>What one run measured, and the Markdown line it makes in the README's table.</summary>
internal sealed record Figures(
    string Setup,
    int Circuits,
    int Failed,
    double KilobytesPerCircuit,
    IReadOnlyList<double> OpenMs,
    IReadOnlyList<double> DeliveryMs,
    int Recipients
)
{
    public const string Header =
        "| instances | open dashboard circuits (8 widgets) | managed KB per circuit | time to open p50 / p95 (ms) "
        + "| mémos to every open tab: p50 / p95 / max (ms), deliveries | failed circuits |\n"
        + "|---|---|---|---|---|---|";

    public string Row()
    {
        var open = $"{Number(Percentile(OpenMs, 50))} / {Number(Percentile(OpenMs, 95))}";
        var delivery =
            $"{Number(Percentile(DeliveryMs, 50))} / {Number(Percentile(DeliveryMs, 95))} / "
            + $"{Number(DeliveryMs.DefaultIfEmpty(double.NaN).Max())}, {DeliveryMs.Count:N0} of {Recipients:N0}";
        return $"| {Setup} | {Circuits:N0} | {Number(KilobytesPerCircuit)} | {open} | {delivery} | {Failed} |";
    }

    public static double Percentile(IReadOnlyList<double> values, int p) => Pick([.. values.Order()], p);

    /// <summary>The whole distribution (percentiles 0, 1, 5, 10, … 90, 95, 99, 100), to tell a slow start from a slow
    /// tail.</summary>
    public static string Spread(IReadOnlyList<double> values)
    {
        double[] sorted = [.. values.Order()];
        return string.Join(" ", SpreadPoints.Select(p => Number(Pick(sorted, p))));
    }

    public static readonly int[] SpreadPoints = [0, 1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 100];

    private static double Pick(double[] sorted, int p) =>
        sorted.Length == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Number(double value) =>
        double.IsNaN(value) ? "–" : value.ToString("N0", CultureInfo.InvariantCulture);
}
