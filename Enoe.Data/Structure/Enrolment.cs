using Enoe.Data.People;

namespace Enoe.Data.Structure;

/// <summary>A student in a class.</summary>
public sealed class Enrolment
{
    public int StudentId { get; set; }
    public Person? Student { get; set; }
    public int SchoolClassId { get; set; }
    public SchoolClass? SchoolClass { get; set; }
}

/// <summary>A student in a teaching group.</summary>
public sealed class GroupEnrolment
{
    public int StudentId { get; set; }
    public Person? Student { get; set; }
    public int TeachingGroupId { get; set; }
    public TeachingGroup? TeachingGroup { get; set; }
}

/// <summary>A teacher teaches a subject to exactly one class or one group.</summary>
public sealed class TeachingAssignment
{
    public int Id { get; set; }
    public int TeacherId { get; set; }
    public Person? Teacher { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? SchoolClassId { get; set; }
    public SchoolClass? SchoolClass { get; set; }
    public int? TeachingGroupId { get; set; }
    public TeachingGroup? TeachingGroup { get; set; }
}
