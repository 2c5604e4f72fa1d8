using System.Globalization;
using System.Text;

namespace Enoe.Data.Statistics;

/// <summary>
/// A usage report as CSV for a spreadsheet: the figures per period step, or each établissement's totals. Semicolons
/// beside decimal commas (French), commas otherwise; dates ISO (yyyy-MM-dd), sortable whatever the language.
/// </summary>
public static class UsageCsv
{
    public static (string FileName, string Csv) Series(UsageReport report)
    {
        var csv = new Writer();
        csv.Line([UsageMessages.Csv_Period, .. UsageMetric.All.Select(UsageMetric.Label)]);
        for (var i = 0; i < report.Periods.Count; i++)
            csv.Line([Iso(report.Periods[i]), .. UsageMetric.All.Select(m => Number(report.Series[m][i]))]);
        return (UsageMessages.FormatCsv_FileName(Iso(report.Query.From), Iso(report.Query.To)) + ".csv", csv.Text);
    }

    public static (string FileName, string Csv) Schools(UsageReport report)
    {
        var csv = new Writer();
        csv.Line([UsageMessages.Csv_Uai, UsageMessages.Csv_School, .. UsageMetric.All.Select(UsageMetric.Label)]);
        foreach (var s in report.PerSchool)
            csv.Line([s.School.Uai, s.School.Name, .. s.Totals.Select(Number)]);
        var name = UsageMessages.FormatCsv_FileNameSchools(Iso(report.Query.From), Iso(report.Query.To));
        return (name + ".csv", csv.Text);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A cell a spreadsheet would take for a formula (= + - @, a tab or carriage return first: an établissement named
    /// "=HYPERLINK(...)") gets a leading apostrophe, so it stays text.
    /// </summary>
    internal static string Neutralised(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private readonly char _separator =
            CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';

        public string Text => _text.ToString();

        public void Line(IEnumerable<string> cells) =>
            _text.AppendJoin(_separator, cells.Select(Neutralised).Select(Quoted)).Append("\r\n");

        private string Quoted(string cell) =>
            cell.IndexOfAny([_separator, '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
    }
}
