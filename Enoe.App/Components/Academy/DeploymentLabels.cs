using Enoe.Data.Schools;
using Enoe.Data.Statistics;
using Enoe.Widgets.Abstractions;

namespace Enoe.App.Components.Academy;

/// <summary>
/// Names the deployment table's lines in the reader's language: services by their module's name, the SAS and the
/// pedagogical network servers by their own; shared by the page and its CSV.
/// </summary>
public sealed class DeploymentLabels(IEnumerable<UiModule> modules)
{
    private readonly IReadOnlyDictionary<string, Func<string?>> _services = modules
        .Where(m => m.Service is not null)
        .GroupBy(m => m.Service!.Value.Key)
        .ToDictionary(g => g.Key, g => (Func<string?>)(() => g.First().Name));

    public string Of(string key) =>
        key switch
        {
            DeploymentTable.ExternalAccessKey => AcademyText.Row_ExternalAccess,
            DeploymentTable.NetworkEquippedKey => AcademyText.Row_NetworkEquipped,
            _ when key.StartsWith(DeploymentTable.NetworkPrefix, StringComparison.Ordinal) =>
                AcademyText.FormatRow_Network(ServerName(key[DeploymentTable.NetworkPrefix.Length..])),
            _ => _services.TryGetValue(key, out var name) ? name() ?? key : key,
        };

    /// <summary>The servers' own names, as their makers write them.</summary>
    private static string ServerName(string key) =>
        key switch
        {
            "scribe" => "Scribe",
            "aurigephp" => "AurigePHP",
            "windows" => "Windows",
            _ => key,
        };

    /// <summary>The kinds as the CSV files name them (the établissements' import uses the same words).</summary>
    public static string FileCode(SchoolKind kind) =>
        kind switch
        {
            SchoolKind.College => "college",
            SchoolKind.Lycee => "lycee",
            SchoolKind.LyceeProfessionnel => "lycee-professionnel",
            SchoolKind.Erea => "erea",
            _ => kind.ToString().ToLowerInvariant(),
        };
}
