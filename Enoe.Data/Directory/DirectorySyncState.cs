using Enoe.Data.People;

namespace Enoe.Data.Directory;

/// <summary>An établissement the directory lists, with its classes and groups by directory code.</summary>
internal sealed class SyncSchool(int id, string uai, string name)
{
    public int Id { get; set; } = id;
    public string Uai { get; } = uai;
    public string Name { get; set; } = name;
    public Dictionary<string, int> Classes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>An entry accepted this run: enough to resolve guardianships after the last page and recount it.</summary>
/// <param name="outcome">Null: unchanged.</param>
internal sealed class SyncAccepted(int id, DirectoryChangeKind? outcome, string?[] uais)
{
    public int Id { get; set; } = id;
    public DirectoryChangeKind? Outcome { get; set; } = outcome;
    public string?[] Uais { get; } = uais;

    /// <summary>On a dry run, the name of an account it would create (there is no row to read it from).</summary>
    public string? Who { get; init; }
}

/// <summary>
/// What one run knows between pages: the établissements, classes, groups and subjects by directory code (ids invented,
/// below zero, for what a dry run would create), the entries accepted (by DN, for the guardianships), the accounts
/// seen, and the report being written. Its size grows with the number of people by a few small objects each.
/// </summary>
internal sealed class SyncState(DirectorySyncReport report)
{
    private int _invented;

    public DirectorySyncReport Report { get; } = report;
    public bool DryRun => Report.DryRun;
    public DateTime Now => Report.StartedAt;
    public DateTime DeletionDue { get; init; }
    public required Microsoft.AspNetCore.Identity.ILookupNormalizer Normalizer { get; init; }

    public Dictionary<string, SyncSchool> SchoolsByUai { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, SyncSchool> SchoolsByDn { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every class and group of the directory's établissements (those it no longer lists too).</summary>
    public Dictionary<int, (int SchoolId, string Name)> ClassNames { get; } = [];
    public Dictionary<int, (int SchoolId, string Name)> GroupNames { get; } = [];

    /// <summary>Subjects of the directory's établissements by (school id, upper-cased code).</summary>
    public Dictionary<(int SchoolId, string Code), int> Subjects { get; } = [];
    public Dictionary<int, string> SubjectCodes { get; } = [];

    public string SchoolName(int id) => SchoolsById[id].Name;

    public Dictionary<int, SyncSchool> SchoolsById { get; } = [];

    public Dictionary<string, SyncAccepted> AcceptedByDn { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> KeysRead { get; } = [];
    public HashSet<string> LoginsRead { get; } = [];

    /// <summary>Existing accounts whose jointure was read, accepted or not: not gone.</summary>
    public HashSet<int> SeenIds { get; } = [];

    /// <summary>
    /// Guardianships as each side gives them: (person id, DN of the other side, given by the parent).
    /// </summary>
    public List<(int PersonId, string OtherDn, bool ByParent)> Links { get; } = [];

    private readonly Dictionary<string, SchoolTally> _tallies = [];

    public int Invent() => --_invented;

    /// <summary>
    /// Counts one entry once in the report's totals and once in each of its établissements (null outcome: unchanged).
    /// </summary>
    public void Count(string?[] uais, DirectoryChangeKind? outcome, int delta = 1)
    {
        Add(Report.Entries, outcome, delta);
        foreach (var uai in uais)
            Add(Tally(uai), outcome, delta);
    }

    public SchoolTally Tally(string? uai)
    {
        if (!_tallies.TryGetValue(uai ?? "", out var tally))
        {
            tally = new SchoolTally
            {
                Uai = uai,
                Name = uai is null ? null : SchoolsByUai.GetValueOrDefault(uai)?.Name,
            };
            _tallies.Add(uai ?? "", tally);
            Report.Schools.Add(tally);
        }
        return tally;
    }

    private static void Add(SchoolTally tally, DirectoryChangeKind? outcome, int delta)
    {
        if (outcome != DirectoryChangeKind.Gone)
            tally.Read += delta;
        switch (outcome)
        {
            case DirectoryChangeKind.Created:
                tally.Created += delta;
                break;
            case DirectoryChangeKind.Updated or DirectoryChangeKind.Moved:
                tally.Updated += delta;
                break;
            case DirectoryChangeKind.Disabled:
                tally.Disabled += delta;
                break;
            case DirectoryChangeKind.Rejected:
                tally.Rejected += delta;
                break;
            case DirectoryChangeKind.Gone:
                tally.Gone += delta;
                break;
            default:
                tally.Unchanged += delta;
                break;
        }
    }

    /// <summary>"Prénom Nom (login)", or the DN when the entry has no name.</summary>
    public static string Who(DirectoryPersonEntry e) =>
        e.FirstName is null && e.LastName is null ? e.Dn : $"{e.FirstName} {e.LastName} ({e.Login})".Trim();

    public static string Who(Person p) => $"{p.FirstName} {p.LastName} ({p.UserName})";
}
