using System.Text;
using Enoe.Data.People;

namespace Enoe.Widgets.Common;

/// <summary>
/// Says whose marks or booklet are shown ("Notes de Lucas", "Notes d'Emma"): French elides "de" before a
/// vowel or a mute h, so each such phrase has both forms in the resources (English gives the same text twice).
/// </summary>
public static class Whose
{
    /// <summary>The name of the child whose records a parent reads; null for anyone reading their own.</summary>
    public static string? Child(Workspace workspace, int? studentId) =>
        workspace.Children.FirstOrDefault(c => c.Id == studentId)?.DisplayName;

    public static string Of(string name, Func<object?, string> plain, Func<object?, string> elided) =>
        (Elides(name) ? elided : plain)(name);

    private static bool Elides(string name) =>
        name.Length > 0 && "aeiouh".Contains(char.ToLowerInvariant(name.Normalize(NormalizationForm.FormD)[0]));
}
