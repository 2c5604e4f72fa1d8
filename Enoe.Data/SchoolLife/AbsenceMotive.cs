namespace Enoe.Data.SchoolLife;

/// <summary>
/// A motive of the établissement's own list, which families choose from when justifying and the vie scolaire when
/// recording a call or a paper note. The vie scolaire edits the list; a motive an absence uses is archived, never
/// deleted, so that absence keeps the words its family chose.
/// </summary>
public sealed class AbsenceMotive
{
    public const int NameMax = 60;

    public int Id { get; set; }
    public int SchoolId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Where it stands in the list (ascending).</summary>
    public int Position { get; set; }

    /// <summary>
    /// Whether an absence justified with it counts as justified ("recevable", Code de l'éducation L131-8); a motive
    /// such as "convenance personnelle" is accepted as an explanation but the half-day stays unjustified in the counts.
    /// </summary>
    public bool Admissible { get; set; } = true;

    /// <summary>No longer offered; absences that used it keep it.</summary>
    public bool Archived { get; set; }
}

/// <summary>A motive as the list shows it.</summary>
public sealed record MotiveView(int Id, string Name, bool Admissible, bool Archived, bool Used);

/// <summary>A motive written by the vie scolaire: a new one (no id) or a change of one.</summary>
public sealed record MotiveDraft(int? Id, string? Name, bool Admissible);

/// <summary>
/// The list an établissement starts with (its own data from then on, written in French like the rest of what the
/// établissement writes): the legitimate motives of the Code de l'éducation, and one that is not.
/// </summary>
internal static class DefaultMotives
{
    public static readonly (string Name, bool Admissible)[] All =
    [
        ("Maladie", true),
        ("Rendez-vous médical", true),
        ("Raison familiale", true),
        ("Problème de transport", true),
        ("Examen ou convocation officielle", true),
        ("Autre motif", true),
        ("Convenance personnelle", false),
    ];
}
