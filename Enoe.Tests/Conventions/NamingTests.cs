using System.Reflection;
using System.Text.RegularExpressions;

namespace Enoe.Tests.Conventions;

/// <summary>
/// Names follow the project's glossary (GLOSSARY.md): one word per idea. A public type of Enoe.Data or
/// Enoe.Widgets does not use a word the glossary replaced, and no two of one project share a simple name.
/// </summary>
public sealed partial class NamingTests
{
    private static readonly Assembly[] Projects =
    [
        typeof(Enoe.Data.EnoeDbContext).Assembly,
        typeof(Enoe.Widgets.Resources.SharedResource).Assembly,
    ];

    /// <summary>The words in code that the glossary replaced, and the word to use instead.</summary>
    private static readonly Dictionary<string, string> Replaced = new()
    {
        ["Copy"] = "Submission",
        ["Copies"] = "Submissions", // a student hands in a Submission for an Assignment
        ["Mark"] = "Grade",
        ["Marks"] = "Grades", // notes: Grade, Assessment, Average, Term
    };

    [Fact]
    public void PublicTypeNames_UseTheGlossarysWords()
    {
        var wrong = Projects
            .SelectMany(TopLevelTypes)
            .SelectMany(t =>
                Words(t.Name)
                    .Where(Replaced.ContainsKey)
                    .Select(w => $"{t.FullName}: '{w}' is '{Replaced[w]}' in the glossary")
            )
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void NoTwoPublicTypesOfAProject_ShareASimpleName()
    {
        var clashes = Projects
            .SelectMany(p =>
                TopLevelTypes(p)
                    // A migration is added once per database, under the same name in each provider's folder.
                    .Where(t => t.Namespace?.StartsWith("Enoe.Data.Database.Migrations.") != true)
                    .GroupBy(t => t.Name)
                    .Where(g => g.Count() > 1)
            )
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(t => t.FullName)));
        Assert.Empty(clashes.Select(c => c.Value));
    }

    [Theory]
    [InlineData("SubmissionsToGradeWidget", "Submissions To Grade Widget")]
    [InlineData("SafeMarkdown", "Safe Markdown")]
    [InlineData("CopyReturn", "Copy Return")]
    [InlineData("LatestMarks`1", "Latest Marks")]
    public void Words_SplitATypeNameAtItsCapitals(string name, string words) =>
        Assert.Equal(words, string.Join(" ", Words(name)));

    private static IEnumerable<Type> TopLevelTypes(Assembly project) =>
        project.GetExportedTypes().Where(t => !t.IsNested && t.Namespace?.StartsWith("Enoe.") == true);

    private static IEnumerable<string> Words(string typeName) =>
        WordPattern().Matches(typeName.Split('`')[0]).Select(m => m.Value);

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex WordPattern();
}
