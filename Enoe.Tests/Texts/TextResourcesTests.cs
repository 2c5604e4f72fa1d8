using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Texts;

/// <summary>
/// Every text people read comes from a French resource file and its English twin. French keys are
/// checked by the compiler (each pair is a typed class); these tests check the English side, and that
/// both languages ship with the app.
/// </summary>
public sealed partial class TextResourcesTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly string[] Projects = ["Enoe.Data", "Enoe.Widgets", "Enoe.App"];

    public static TheoryData<string> FrenchFiles() => [.. FrenchFileList()];

    private static IEnumerable<string> FrenchFileList() =>
        Projects
            .SelectMany(project =>
                Directory.EnumerateFiles(
                    Path.Combine(RepositoryPaths.Root, project),
                    "*.resx",
                    SearchOption.AllDirectories
                )
            )
            .Where(f => !IsBuildOutput(f) && !CulturePattern().IsMatch(Path.GetFileName(f)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(FrenchFiles))]
    public void EveryFrenchText_HasAnEnglishText_WithTheSamePlaceholders(string frenchFile)
    {
        var french = Read(Path.Combine(RepositoryPaths.Root, frenchFile));
        var englishFile = Path.Combine(RepositoryPaths.Root, Path.ChangeExtension(frenchFile, ".en.resx"));
        Assert.True(File.Exists(englishFile), $"{frenchFile} has no English twin ({Path.GetFileName(englishFile)}).");
        var english = Read(englishFile);

        Assert.Empty(french.Keys.Except(english.Keys).Select(k => $"missing in English: {k}"));
        Assert.Empty(english.Keys.Except(french.Keys).Select(k => $"missing in French: {k}"));
        foreach (var (key, value) in french)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"{key} is empty in French");
            Assert.False(string.IsNullOrWhiteSpace(english[key]), $"{key} is empty in English");
            Assert.Equal(Placeholders(value), Placeholders(english[key]));
        }
    }

    [Fact]
    public void TheEnglishTexts_ShipWithTheApp()
    {
        var checkedFiles = 0;
        foreach (var file in FrenchFileList())
        {
            var project = file.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
            var assembly = AppDomain.CurrentDomain.Load(project);
            var name =
                project
                + "."
                + Path.ChangeExtension(file[(project.Length + 1)..], null)
                    .Replace(Path.DirectorySeparatorChar, '.')
                    .Replace(Path.AltDirectorySeparatorChar, '.');
            var resources = new ResourceManager(name, assembly);
            var set = resources.GetResourceSet(English, createIfNotExists: true, tryParents: false);
            Assert.True(set is not null, $"no English satellite for {name}");
            Assert.Equal(Read(Path.Combine(RepositoryPaths.Root, file)).Count, set!.Cast<DictionaryEntry>().Count());
            checkedFiles++;
        }
        Assert.True(checkedFiles > 1);
    }

    [Fact]
    public void EveryNavigationAndWidgetTitle_IsWrittenInBothLanguages()
    {
        using var app = new EnoeAppFactory();
        var titles = app
            .Services.GetRequiredService<WidgetCatalog>()
            .Widgets.Select(w => w.Title)
            .Concat(app.Services.GetServices<NavigationEntry>().Select(e => e.Title))
            .ToList();
        Assert.True(titles.Count > 20);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            var french = titles.Select(t => t()).ToList();
            CultureInfo.CurrentUICulture = English;
            var english = titles.Select(t => t()).ToList();
            Assert.DoesNotContain(french.Concat(english), string.IsNullOrWhiteSpace);
            // Every title has its English twin: some are the same word in both ("Documents"), not most.
            Assert.True(french.Zip(english).Count(p => p.First != p.Second) > titles.Count / 2);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument
            .Load(path)
            .Root!.Elements("data")
            .Where(d => d.Attribute("type") is null)
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal)];

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}");

    [GeneratedRegex(@"\.[a-z]{2}(-[A-Za-z]{2,4})?\.resx$")]
    private static partial Regex CulturePattern();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
