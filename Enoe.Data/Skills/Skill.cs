using Enoe.Data.People;

namespace Enoe.Data.Skills;

/// <summary>
/// A domain of the établissement's skills framework (the socle commun's, or digital skills in the manner of the B2i).
/// </summary>
public sealed class SkillDomain
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public List<Skill> Skills { get; set; } = [];
}

public sealed class Skill
{
    public int Id { get; set; }
    public int DomainId { get; set; }
    public SkillDomain? Domain { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>The four levels of the livret scolaire.</summary>
public enum MasteryLevel
{
    Insufficient = 1,
    Fragile = 2,
    Satisfactory = 3,
    VeryGood = 4,
}

/// <summary>
/// A teacher's judgement of a student on a skill, on its own or from an assessment. The latest one counts; all are
/// kept.
/// </summary>
public sealed class SkillAssessment
{
    public int Id { get; set; }
    public int StudentId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    public MasteryLevel Level { get; set; }
    public int TeacherId { get; set; }
    public Person? Teacher { get; set; }
    public int? AssessmentId { get; set; }
    public DateTime AssessedAt { get; set; }
}

public static class MasteryNames
{
    /// <summary>The livret's name for a level in the reader's language; "not assessed yet" for none.</summary>
    public static string Label(this MasteryLevel? level) =>
        level switch
        {
            MasteryLevel.Insufficient => SkillMessages.Level_Insufficient,
            MasteryLevel.Fragile => SkillMessages.Level_Fragile,
            MasteryLevel.Satisfactory => SkillMessages.Level_Satisfactory,
            MasteryLevel.VeryGood => SkillMessages.Level_VeryGood,
            _ => SkillMessages.Level_None,
        };

    public static string Label(this MasteryLevel level) => ((MasteryLevel?)level).Label();
}
