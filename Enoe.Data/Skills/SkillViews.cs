namespace Enoe.Data.Skills;

public sealed record SkillJudgement(MasteryLevel Level, DateTime AssessedAt, string Teacher);

/// <summary>
/// A skill in a student's booklet: its latest level (null: not assessed yet) and every earlier one, newest first.
/// </summary>
public sealed record SkillState(
    int SkillId,
    string Code,
    string Name,
    MasteryLevel? Latest,
    IReadOnlyList<SkillJudgement> History
);

public sealed record DomainState(string Code, string Name, IReadOnlyList<SkillState> Skills);

public sealed record Booklet(
    int StudentId,
    string Student,
    string? ClassName,
    string School,
    IReadOnlyList<DomainState> Domains
)
{
    public int Assessed => Domains.Sum(d => d.Skills.Count(s => s.Latest is not null));
    public int Total => Domains.Sum(d => d.Skills.Count);

    public int AtLeast(MasteryLevel level) => Domains.Sum(d => d.Skills.Count(s => s.Latest >= level));
}

/// <summary>A class a teacher assesses, with its students, for the booklet page's picker.</summary>
public sealed record ClassStudents(int ClassId, string ClassName, IReadOnlyList<(int Id, string Name)> Students);

/// <summary>How far a student's booklet has come, and whose it is (a parent's page names the child).</summary>
public sealed record SkillProgress(int StudentId, int Total, IReadOnlyDictionary<MasteryLevel, int> ByLevel)
{
    public int Assessed => ByLevel.Values.Sum();
}
