using Enoe.Data.People;
using Enoe.Data.Structure;

namespace Enoe.Data.Grades;

/// <summary>A trimestre or semestre of an établissement's year.</summary>
public sealed class Term
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
}

/// <summary>
/// An evaluation of a class or group in a subject. Its marks reach families only once
/// <see cref="PublishedAt"/> has come (a teacher may publish now, or at a set hour such as 18:00).
/// </summary>
public sealed class Assessment : IClassContent
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
    public DateOnly Date { get; set; }

    /// <summary>Marked out of this (20 by default; any scale).</summary>
    public decimal Scale { get; set; } = 20;
    public decimal Coefficient { get; set; } = 1;

    /// <summary>When the students see the marks (moved out of the quiet window).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>
    /// When their parents do: the établissement's delay after <see cref="PublishedAt"/>, or the day the copies are
    /// handed back in class, moved out of the quiet window. Null while unpublished.
    /// </summary>
    public DateTime? ParentsSeeAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>What a student got: a mark, or why there is none.</summary>
public enum GradeKind
{
    Numeric,
    Absent,
    Exempt,
    NotGraded,
}

public sealed class Grade
{
    public int AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    public int StudentId { get; set; }
    public Person? Student { get; set; }
    public GradeKind Kind { get; set; }

    /// <summary>On the assessment's scale; only for <see cref="GradeKind.Numeric"/>.</summary>
    public decimal? Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
