using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;

namespace Enoe.Data.Logbook;

/// <summary>
/// One session of a class or teaching group in the cahier de textes (carnet de bord): what was done
/// and the work set. Never lost: every edit keeps the previous text as a revision, deletion is soft.
/// </summary>
public sealed class LogbookEntry : IClassContent
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public int? SchoolClassId { get; set; }
    public SchoolClass? SchoolClass { get; set; }
    public int? TeachingGroupId { get; set; }
    public TeachingGroup? TeachingGroup { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }

    public DateOnly SessionDate { get; set; }
    public TimeOnly StartsAt { get; set; }
    public TimeOnly EndsAt { get; set; }

    /// <summary>What was done in the session (Markdown, sanitized when shown).</summary>
    public string Content { get; set; } = "";

    /// <summary>The travail à faire, if any (Markdown).</summary>
    public string? Homework { get; set; }
    public DateOnly? HomeworkDueDate { get; set; }
    public int? HomeworkMinutes { get; set; }

    /// <summary>
    /// Homework written in the quiet window reaches families when it ends: hidden from them until then (null: shown).
    /// </summary>
    public DateTime? HomeworkVisibleAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public int CreatedById { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int UpdatedById { get; set; }
    public Person? UpdatedBy { get; set; }

    /// <summary>Soft deletion: hidden from families and teachers, still visible to the direction.</summary>
    public DateTime? DeletedAt { get; set; }
    public int? DeletedById { get; set; }

    /// <summary>Optimistic concurrency: two co-teachers never overwrite each other silently.</summary>
    public int Version { get; set; }
    public List<LogbookRevision> Revisions { get; set; } = [];
    public List<LogbookAttachment> Attachments { get; set; } = [];
}

/// <summary>A file given with a session (a worksheet, the slides): read by whoever reads the entry.</summary>
public sealed class LogbookAttachment
{
    public int EntryId { get; set; }
    public int FileId { get; set; }
    public Storage.StoredFile? File { get; set; }
}

/// <summary>The text of an entry as it was before an edit.</summary>
public sealed class LogbookRevision
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public int Version { get; set; }
    public string Content { get; set; } = "";
    public string? Homework { get; set; }
    public DateOnly? HomeworkDueDate { get; set; }
    public int? HomeworkMinutes { get; set; }
    public DateTime EditedAt { get; set; }
    public int EditedById { get; set; }
}

/// <summary>A student's personal "done" tick on a piece of homework.</summary>
public sealed class HomeworkDone
{
    public int StudentId { get; set; }
    public int EntryId { get; set; }
    public DateTime DoneAt { get; set; }
}
