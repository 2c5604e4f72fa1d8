using CsvHelper;

namespace Enoe.Data.Common;

/// <summary>
/// How ENOE reads the CSV files people import (établissements, timetables): semicolons, a header line, empty lines
/// skipped, line numbers kept for the messages, and each cell trimmed with the quote an export put before a
/// formula-like cell (<see cref="CsvText"/>) taken off.
/// </summary>
public static class CsvCells
{
    public static CsvReaderOptions Options(Action<long> onMalformed) =>
        new()
        {
            Separator = ';',
            HasHeader = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = m => onMalformed(m.LineNumber),
        };

    /// <summary>
    /// Whether the bytes are UTF-8 (a spreadsheet's "CSV" in Windows-1252 is not: its accents would be lost).
    /// </summary>
    public static bool IsUtf8(byte[] file)
    {
        try
        {
            _ = new System.Text.UTF8Encoding(false, true).GetCharCount(file);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// The record's values, trimmed, with the quote an export put before a formula-like cell removed.
    /// </summary>
    public static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            var value = (reader.GetString(i) ?? "").Trim();
            fields[i] = value.Length > 1 && value[0] == '\'' && IsFormulaStart(value[1]) ? value[1..] : value;
        }
        return fields;
    }

    /// <summary>What a spreadsheet would take for the start of a formula (OWASP's list).</summary>
    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
