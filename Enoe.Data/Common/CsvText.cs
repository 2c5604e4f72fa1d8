using System.Globalization;
using System.Text;

namespace Enoe.Data.Common;

/// <summary>
/// A CSV file written line by line for a spreadsheet: cells a spreadsheet would take for a formula (= + - @, a tab or
/// carriage return first: an établissement named "=HYPERLINK(...)") get a leading apostrophe and stay text; cells
/// holding the separator, a quote or a line break are quoted. Lines end with CRLF.
/// </summary>
public sealed class CsvText(char separator)
{
    private readonly StringBuilder _text = new();

    /// <summary>What the reader's spreadsheet opens as is: semicolons beside decimal commas (French).</summary>
    public static CsvText ForReader() =>
        new(CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',');

    public string Text => _text.ToString();

    public void Line(IEnumerable<string> cells) =>
        _text.AppendJoin(separator, cells.Select(Neutralised).Select(Quoted)).Append("\r\n");

    public static string Neutralised(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    private string Quoted(string cell) =>
        cell.IndexOfAny([separator, '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
