using Enoe.Data.Schools;

namespace Enoe.Data.Structure;

/// <summary>A class (division) such as 4eB.</summary>
public sealed class SchoolClass
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public int LevelId { get; set; }
    public Level? Level { get; set; }
    public required string Name { get; set; }
}

/// <summary>A teaching group that cuts across classes, such as "LV2 allemand 4e".</summary>
public sealed class TeachingGroup
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public required string Name { get; set; }

    /// <summary>
    /// The directory's code for the group (<c>ENTStructureGroupes</c> is <c>code$label</c>): a sync finds the group by
    /// it when its label changes. Null for groups made by hand.
    /// </summary>
    public string? Code { get; set; }
}

/// <summary>A subject (matière) as the établissement names it.</summary>
public sealed class Subject
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>Its weight in the general average.</summary>
    public decimal Coefficient { get; set; } = 1;
}
