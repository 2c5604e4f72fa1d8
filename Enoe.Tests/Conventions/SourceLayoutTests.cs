using Enoe.Tests.Support;

namespace Enoe.Tests.Conventions;

/// <summary>
/// The shape of the source, checked like behaviour. Lines of at most 120 characters (.editorconfig's
/// max_line_length): a side-by-side diff or review fits a screen without scrolling sideways; C# is wrapped
/// by CSharpier (.csharpierrc.json) and scripts/wrap-comments.py, Razor and JavaScript by hand. Files of at
/// most 300 lines: one concern a reader can hold at once; a longer one splits along its concerns (partial
/// classes such as MemoService.Rules.cs, a component for a page's part, a code-behind).
/// Generated code (migrations, build output, installed packages) is not ours to shape.
/// </summary>
public sealed class SourceLayoutTests
{
    private const int MaxLineLength = 120;
    private const int MaxFileLines = 300;
    private static readonly string[] Folders =
    [
        "Enoe.App",
        "Enoe.Data",
        "Enoe.Widgets",
        "Enoe.Tests",
        "wwwroot-assets",
    ];
    private static readonly string[] Generated = ["bin", "obj", "node_modules", "Migrations", "TestResults"];

    [Fact]
    public void NoLine_IsLongerThan120Characters()
    {
        var tooLong = SourceFiles(".cs", ".razor", ".js")
            .SelectMany(file =>
                File.ReadLines(Path.Combine(RepositoryPaths.Root, file))
                    .Select((line, index) => (file, number: index + 1, line.Length))
            )
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{l.file}:{l.number} ({l.Length})")
            .ToList();

        Assert.True(
            tooLong.Count == 0,
            $"{tooLong.Count} line(s) over {MaxLineLength} characters:\n{string.Join("\n", tooLong)}"
        );
    }

    [Fact]
    public void NoFile_IsLongerThan300Lines()
    {
        var tooLong = SourceFiles(".cs", ".razor")
            .Select(file => (file, lines: File.ReadLines(Path.Combine(RepositoryPaths.Root, file)).Count()))
            .Where(f => f.lines > MaxFileLines)
            .Select(f => $"{f.file} ({f.lines} lines)")
            .ToList();

        Assert.True(
            tooLong.Count == 0,
            $"{tooLong.Count} file(s) over {MaxFileLines} lines:\n{string.Join("\n", tooLong)}"
        );
    }

    /// <summary>
    /// App.razor's HeadOutlet is static (an interactive one is six more components in every open tab): a PageTitle on
    /// a page opened in a live circuit would leave the previous page's title. DocumentTitle sets it either way.
    /// </summary>
    [Fact]
    public void Pages_TakeTheirTitleFromDocumentTitle()
    {
        var direct = SourceFiles(".razor")
            .Where(file => !file.EndsWith("/DocumentTitle.razor", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)).Contains("<PageTitle"))
            .ToList();

        Assert.True(direct.Count == 0, $"PageTitle instead of DocumentTitle in:\n{string.Join("\n", direct)}");
    }

    /// <summary>
    /// Components and a tab's own services listen through LiveEvents: straight from the bus, a tab whose connection
    /// is down would still query and render for every event.
    /// </summary>
    [Fact]
    public void Components_ListenThroughLiveEvents()
    {
        var direct = SourceFiles(".razor")
            .Concat(SourceFiles(".cs").Where(f => f.StartsWith("Enoe.Widgets/", StringComparison.Ordinal)))
            .Where(file => !file.EndsWith("/LiveEvents.cs", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)).Contains("IEventBus"))
            .ToList();

        Assert.True(direct.Count == 0, $"IEventBus instead of LiveEvents in:\n{string.Join("\n", direct)}");
    }

    /// <summary>The product's and the tests' own files, relative to the repository, in a stable order.</summary>
    private static IEnumerable<string> SourceFiles(params string[] extensions) =>
        Folders
            .Select(folder => Path.Combine(RepositoryPaths.Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => extensions.Contains(Path.GetExtension(f)) && !IsGenerated(f))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static bool IsGenerated(string path) =>
        path.Split('/', '\\').Any(part => Generated.Contains(part))
        || path.EndsWith(".g.cs", StringComparison.Ordinal)
        || path.EndsWith(".Designer.cs", StringComparison.Ordinal)
        || path.EndsWith(".min.js", StringComparison.Ordinal);
}
