using System.Text;
using Enoe.Data.Common;
using Enoe.Data.Schools;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

/// <summary>
/// Every CSV export neutralises a cell a spreadsheet would run as a formula: one starting with =, +, -, @, a tab or a
/// carriage return gets a leading apostrophe and stays text. The grades export has its own test beside the grades.
/// </summary>
public sealed class CsvExportTests
{
    private static readonly string[] Cells =
    [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+33 1 23",
        "-2+3",
        "@SOMME(A1)",
        "\tcmd",
        "\rcmd",
    ];

    public static IEnumerable<object[]> FormulaStarts => Cells.Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(FormulaStarts))]
    public void TheSharedWriter_NeutralisesEveryFormulaStart(string cell)
    {
        var csv = new CsvText(';');
        csv.Line(["0250001A", cell]);
        Assert.Contains(Neutralised(cell), csv.Text);
        Assert.DoesNotContain(";" + cell, csv.Text);
    }

    [Fact]
    public async Task TheSchoolsExport_NeutralisesEveryFormulaStart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var lines = Cells.Select(
            (cell, i) =>
                new SchoolCsvLine(
                    i + 2,
                    Uai.Create($"02500{i + 10}"),
                    cell,
                    SchoolKind.College,
                    null,
                    PedagogicalNetwork.None,
                    new HashSet<EntService>(),
                    false
                )
        );

        var text = Encoding.UTF8.GetString(database.Get<SchoolCsv>().Write(lines));

        Assert.All(Cells, cell => Assert.Contains(Neutralised(cell), text));
    }

    /// <summary>The cell as a neutralised CSV cell holds it: an apostrophe first, its quotes doubled.</summary>
    private static string Neutralised(string cell) => "'" + cell.Replace("\"", "\"\"");
}
