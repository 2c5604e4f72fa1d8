using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Support;

/// <summary>SQLite's plans for statements EF sent: what a test asserts to say "this read uses its index".</summary>
public static partial class QueryPlans
{
    /// <summary>
    /// SQLite's plan for each statement, a line per step (parameters unbound: the plan does not use them).
    /// </summary>
    public static async Task<List<string>> OfAsync(TestDatabase database, IEnumerable<string> statements)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = new List<string>();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + statement;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(3));
        }
        return lines;
    }

    /// <summary>
    /// The tables a statement reads whole: each step of its plan that scans one (<c>SCAN "alias"</c>, with or without
    /// an index) or builds an automatic index on it, named by the table its alias stands for. A subquery's alias is not
    /// a table: its own steps are checked.
    /// </summary>
    public static async Task<List<string>> TablesReadWholeAsync(TestDatabase database, string statement)
    {
        var tables = Alias()
            .Matches(statement)
            .GroupBy(m => m.Groups["alias"].Value)
            .ToDictionary(g => g.Key, g => g.First().Groups["table"].Value);
        return
        [
            .. (await OfAsync(database, [statement]))
                .Select(line => Scan().Match(line))
                .Where(m => m.Success && tables.ContainsKey(m.Groups["alias"].Value))
                .Select(m => tables[m.Groups["alias"].Value]),
        ];
    }

    [GeneratedRegex(@"(?:FROM|JOIN) ""(?<table>\w+)"" AS ""(?<alias>\w+)""")]
    private static partial Regex Alias();

    /// <summary>
    /// A step that reads a whole table: a scan, or an index SQLite builds for the statement from every row.
    /// </summary>
    [GeneratedRegex(@"^(?:SCAN (?<alias>\w+)\b|SEARCH (?<alias>\w+) USING AUTOMATIC|BLOOM FILTER ON (?<alias>\w+))")]
    private static partial Regex Scan();
}
