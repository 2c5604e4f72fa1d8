using Enoe.Data.Schools;

namespace Enoe.Data.Statistics;

/// <summary>So many établissements out of so many, and the percentage, rounded to the nearest whole number.</summary>
public sealed record Share(int Count, int Of)
{
    public int Percent => Of == 0 ? 0 : (int)Math.Round(100m * Count / Of, MidpointRounding.AwayFromZero);
}

/// <summary>One line of the table: a figure for the académie, and the same for each kind of établissement.</summary>
/// <param name="Key">What is counted: a service's key, <c>external-access</c>, <c>network:scribe</c>...</param>
public sealed record DeploymentRow(string Key, Share Total, IReadOnlyDictionary<SchoolKind, Share> ByKind);

/// <summary>
/// The slides' last table, computed from the data: établissements by kind, each service (the portal first), the
/// SAS, and the servers of the pedagogical networks. Archived établissements are not counted.
/// </summary>
public sealed record DeploymentTable(
    DateTime ComputedAt,
    int Schools,
    IReadOnlyDictionary<SchoolKind, int> SchoolsByKind,
    IReadOnlyList<DeploymentRow> Services,
    DeploymentRow ExternalAccess,
    IReadOnlyList<DeploymentRow> Networks,
    DeploymentRow NetworkEquipped
)
{
    public const string ExternalAccessKey = "external-access",
        NetworkPrefix = "network:",
        NetworkEquippedKey = "network:any";

    /// <summary>The kinds present, in their order (a kind with no établissement has no column).</summary>
    public IReadOnlyList<SchoolKind> Kinds => [.. SchoolsByKind.Keys.Order()];

    /// <summary>What the table is computed from: one établissement's kind, services and equipment.</summary>
    public sealed record School(
        SchoolKind Kind,
        bool ExternalAccess,
        PedagogicalNetwork Network,
        IReadOnlySet<string> Closed
    );

    public static DeploymentTable Compute(
        IReadOnlyList<School> schools,
        IEnumerable<EntService> services,
        DateTime computedAt
    )
    {
        var byKind = schools.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        DeploymentRow Row(string key, Func<School, bool> counted) =>
            new(
                key,
                new Share(schools.Count(counted), schools.Count),
                byKind.ToDictionary(
                    k => k.Key,
                    k => new Share(schools.Count(s => s.Kind == k.Key && counted(s)), k.Value)
                )
            );
        return new DeploymentTable(
            computedAt,
            schools.Count,
            byKind,
            [.. services.Select(service => Row(service.Key, s => !s.Closed.Contains(service.Key)))],
            Row(ExternalAccessKey, s => s.ExternalAccess),
            [
                .. Enum.GetValues<PedagogicalNetwork>()
                    .Where(n => n != PedagogicalNetwork.None)
                    .Select(n => Row(NetworkPrefix + n.ToString().ToLowerInvariant(), s => s.Network == n)),
            ],
            Row(NetworkEquippedKey, s => s.Network != PedagogicalNetwork.None)
        );
    }
}
