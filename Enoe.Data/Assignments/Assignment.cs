using Enoe.Data.People;
using Enoe.Data.Structure;

namespace Enoe.Data.Assignments;

/// <summary>
/// A devoir set to a class or teaching group: students hand in submissions, the teacher returns them corrected.
/// </summary>
public sealed class Assignment : IClassContent
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int? SchoolClassId { get; set; }
    public SchoolClass? SchoolClass { get; set; }
    public int? TeachingGroupId { get; set; }
    public TeachingGroup? TeachingGroup { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int TeacherId { get; set; }
    public Person? Teacher { get; set; }
    public string Title { get; set; } = "";

    /// <summary>Markdown, sanitized when shown.</summary>
    public string Instructions { get; set; } = "";
    public DateTime DueAt { get; set; }

    /// <summary>Late hand-ins are accepted (and flagged), or refused.</summary>
    public bool AcceptsLate { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<AssignmentFile> Files { get; set; } = [];
}

/// <summary>A file of the devoir's subject.</summary>
public sealed class AssignmentFile
{
    public int AssignmentId { get; set; }
    public int FileId { get; set; }
    public Storage.StoredFile? File { get; set; }
}

/// <summary>
/// One hand-in of a student; handing in again adds a new one (<see cref="Number"/> 2, 3…), the earlier ones stay.
/// </summary>
public sealed class Submission
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public Assignment? Assignment { get; set; }
    public int StudentId { get; set; }
    public Person? Student { get; set; }
    public int Number { get; set; }
    public DateTime SubmittedAt { get; set; }
    public bool Late { get; set; }
    public List<SubmissionFile> Files { get; set; } = [];
}

public sealed class SubmissionFile
{
    public int SubmissionId { get; set; }
    public int FileId { get; set; }
    public Storage.StoredFile? File { get; set; }
}

/// <summary>
/// The corrected submission a teacher gives back to a student: a comment and, optionally, an annotated file.
/// </summary>
public sealed class SubmissionReturn
{
    public int Id { get; set; }
    public int AssignmentId { get; set; }
    public int StudentId { get; set; }
    public string Comment { get; set; } = "";
    public int? FileId { get; set; }
    public Storage.StoredFile? File { get; set; }
    public DateTime ReturnedAt { get; set; }
    public int ReturnedById { get; set; }
}
