namespace Enoe.Data.Directory;

/// <summary>
/// What one directory sync did (or, on a dry run, would do): counts per établissement and each change.
/// </summary>
public sealed class DirectorySyncReport
{
    /// <summary>The stored run's id; null for a dry run or a run not stored yet.</summary>
    public int? Id { get; set; }

    public DateTime StartedAt { get; init; }
    public DateTime FinishedAt { get; set; }
    public bool DryRun { get; init; }

    /// <summary>False when the directory could not be read to the end: nothing is disabled on a partial read.</summary>
    public bool Completed { get; set; }

    /// <summary>Why the run stopped, when it did not complete.</summary>
    public string? Failure { get; set; }

    /// <summary>One line per établissement the run met, plus one for entries attached to none.</summary>
    public List<SchoolTally> Schools { get; init; } = [];

    /// <summary>
    /// Each entry once, whatever the number of its établissements (the summary line's counts); its
    /// <see cref="SchoolTally.Uai"/> is null.
    /// </summary>
    public SchoolTally Entries { get; init; } = new();

    /// <summary>Every creation, update, move, disabling and rejection, with its reason.</summary>
    public List<DirectoryChange> Changes { get; init; } = [];

    /// <summary>
    /// Changes beyond <see cref="MaxChanges"/> are counted, not listed: a first sync of an académie creates hundreds of
    /// thousands of accounts, and a report is held in memory and stored whole.
    /// </summary>
    public int ChangesLeftOut { get; set; }

    public const int MaxChanges = 20_000;

    public void Add(DirectoryChange change)
    {
        if (Changes.Count < MaxChanges)
            Changes.Add(change);
        else
            ChangesLeftOut++;
    }

    /// <summary>
    /// Rows inserted, updated or deleted in the database (zero on a dry run and on an unchanged re-run).
    /// </summary>
    public int RowsWritten { get; set; }

    public int Read => Schools.Sum(s => s.Read);
    public int Created => Schools.Sum(s => s.Created);
    public int Updated => Schools.Sum(s => s.Updated);
    public int Unchanged => Schools.Sum(s => s.Unchanged);
    public int Disabled => Schools.Sum(s => s.Disabled);
    public int Rejected => Schools.Sum(s => s.Rejected);
    public int Gone => Schools.Sum(s => s.Gone);

    /// <summary>The one line the log and the command line print.</summary>
    public string Summary =>
        (DryRun ? "Directory dry run" : "Directory sync")
        + (Completed ? "" : $" FAILED ({Failure})")
        + $": {Entries.Read} read, {Entries.Created} created, {Entries.Updated} updated,"
        + $" {Entries.Unchanged} unchanged, {Entries.Disabled} disabled, {Entries.Rejected} rejected,"
        + $" {Entries.Gone} gone; {Schools.Count(s => s.Uai is not null)} établissements,"
        + $" {RowsWritten} rows written in {(FinishedAt - StartedAt).TotalSeconds:0.0} s";
}

/// <summary>
/// One établissement's counts. Every entry read lands in exactly one column, so
/// <c>Read = Created + Updated + Unchanged + Disabled + Rejected</c>; <see cref="Gone"/> counts accounts whose entry
/// is no longer in the directory (disabled too, but never read).
/// </summary>
public sealed class SchoolTally
{
    /// <summary>Null for the entries attached to no known établissement.</summary>
    public string? Uai { get; init; }
    public string? Name { get; set; }
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Disabled { get; set; }
    public int Rejected { get; set; }
    public int Gone { get; set; }

    public bool AddsUp => Read == Created + Updated + Unchanged + Disabled + Rejected;
}

public enum DirectoryChangeKind
{
    Created,
    Updated,

    /// <summary>A student changed class, a teacher gained or lost a class.</summary>
    Moved,
    Disabled,

    /// <summary>The entry left the directory.</summary>
    Gone,

    /// <summary>The entry was skipped; <see cref="DirectoryChange.Detail"/> says why.</summary>
    Rejected,
}

/// <param name="Uai">The établissement it concerns; null when none could be told.</param>
/// <param name="Who">The person's name and login (or the entry's DN when it has none).</param>
/// <param name="Detail">What changed, or why it was rejected, in French.</param>
public sealed record DirectoryChange(DirectoryChangeKind Kind, string? Uai, string Who, string Detail);
