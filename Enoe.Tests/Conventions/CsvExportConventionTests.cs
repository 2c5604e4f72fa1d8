using Enoe.Tests.Support;

namespace Enoe.Tests.Conventions;

/// <summary>
/// Every CSV the app serves is written by <c>Common/CsvText</c> (or CsvHelper with its formula escaping), so a cell a
/// spreadsheet would run as a formula stays text: a file that serves <c>text/csv</c> writes through one of them, or
/// names below the file that does; nobody doubles quotes by hand.
/// </summary>
public sealed class CsvExportConventionTests
{
    /// <summary>Endpoints whose CSV another file writes: the endpoint, then the writer.</summary>
    private static readonly Dictionary<string, string> WrittenElsewhere = new()
    {
        ["Enoe.Widgets/Grades/GradesModule.cs"] = "Enoe.Data/Grades/GradeService.Csv.cs",
        ["Enoe.App/Components/Academy/SchoolsCsvModule.cs"] = "Enoe.Data/Schools/SchoolCsv.Codes.cs",
        ["Enoe.App/Components/Academy/UsageEndpoints.cs"] = "Enoe.Data/Statistics/UsageCsv.cs",
        ["Enoe.Widgets/SchoolLife/SchoolLifeModule.cs"] = "Enoe.Data/SchoolLife/AttendanceService.Counts.cs",
    };

    private static readonly string[] Neutralising = ["CsvText", "CsvInjection.Escape"];

    [Fact]
    public void EveryFileServingCsv_WritesItThroughTheNeutralisingWriter()
    {
        var serving = Sources()
            .Where(f => Read(f).Contains("\"text/csv", StringComparison.OrdinalIgnoreCase))
            .Where(f => f != "Enoe.Data/Storage/FileTypes.cs") // the content type of stored files, not an export
            .ToList();
        Assert.Contains("Enoe.Widgets/Grades/GradesModule.cs", serving);
        var unchecked_ = serving
            .Select(f => (f, writer: WrittenElsewhere.GetValueOrDefault(f, f)))
            .Where(x => !Neutralising.Any(Read(x.writer).Contains))
            .Select(x => x.f == x.writer ? x.f : $"{x.f} (written by {x.writer})")
            .ToList();
        Assert.True(
            unchecked_.Count == 0,
            "Serves CSV without CsvText (add the file writing it to WrittenElsewhere, and write it with CsvText): "
                + string.Join(", ", unchecked_)
        );
    }

    [Fact]
    public void NoFile_WritesCsvCellsByHand_AndCsvHelperAlwaysEscapesFormulas()
    {
        var byHand = Sources()
            .Where(f => f != "Enoe.Data/Common/CsvText.cs" && Read(f).Contains("Replace(\"\\\"\", \"\\\"\\\"\")"))
            .ToList();
        Assert.Empty(byHand);
        var unescaped = Sources()
            .Where(f => Read(f).Contains("CsvWriter.Create") && !Read(f).Contains("CsvInjection.Escape"))
            .ToList();
        Assert.Empty(unescaped);
    }

    private static IEnumerable<string> Sources() =>
        new[] { "Enoe.App", "Enoe.Data", "Enoe.Widgets" }
            .SelectMany(folder =>
                Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.*", SearchOption.AllDirectories)
            )
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor"))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or "Migrations"));

    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, file));
}
