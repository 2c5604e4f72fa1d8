using System.Globalization;
using Enoe.Data.Common;

namespace Enoe.Data.Statistics;

/// <summary>
/// A usage report as CSV for a spreadsheet: the figures per period step, or each établissement's totals. Semicolons
/// beside decimal commas (French), commas otherwise; dates ISO (yyyy-MM-dd), sortable whatever the language.
/// </summary>
public static class UsageCsv
{
    public static (string FileName, string Csv) Series(UsageReport report)
    {
        var csv = CsvText.ForReader();
        csv.Line([UsageMessages.Csv_Period, .. UsageMetric.All.Select(UsageMetric.Label)]);
        for (var i = 0; i < report.Periods.Count; i++)
            csv.Line([Iso(report.Periods[i]), .. UsageMetric.All.Select(m => Number(report.Series[m][i]))]);
        return (UsageMessages.FormatCsv_FileName(Iso(report.Query.From), Iso(report.Query.To)) + ".csv", csv.Text);
    }

    public static (string FileName, string Csv) Schools(UsageReport report)
    {
        var csv = CsvText.ForReader();
        csv.Line([UsageMessages.Csv_Uai, UsageMessages.Csv_School, .. UsageMetric.All.Select(UsageMetric.Label)]);
        foreach (var s in report.PerSchool)
            csv.Line([s.School.Uai, s.School.Name, .. s.Totals.Select(Number)]);
        var name = UsageMessages.FormatCsv_FileNameSchools(Iso(report.Query.From), Iso(report.Query.To));
        return (name + ".csv", csv.Text);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
