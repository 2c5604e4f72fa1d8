namespace Enoe.Data.Memos;

/// <summary>
/// Who may write to whom in an établissement, in the spirit of Open ENT NG's communication matrix.
/// The direction, the CPE, the secrétariat and the admins write to everyone of their établissement, every staff member
/// to the personnel (<see cref="People.FunctionRights"/>); the rest is the établissement's choice.
/// </summary>
[Flags]
public enum MemoRules
{
    None = 0,

    /// <summary>Students write to the teachers of their classes and groups.</summary>
    StudentsToTheirTeachers = 1 << 0,

    /// <summary>Students write to the staff (vie scolaire, direction, CDI).</summary>
    StudentsToStaff = 1 << 1,

    /// <summary>Students write to the students of their classes and groups.</summary>
    StudentsToClassmates = 1 << 2,

    /// <summary>Parents write to their children's teachers.</summary>
    ParentsToTeachers = 1 << 3,

    /// <summary>Parents write to the staff and the direction.</summary>
    ParentsToStaff = 1 << 4,

    /// <summary>Parents write to the other parents of their children's classes.</summary>
    ParentsToClassParents = 1 << 5,

    /// <summary>Teachers write to the students of their classes and groups.</summary>
    TeachersToStudents = 1 << 6,

    /// <summary>Teachers write to the parents of their students.</summary>
    TeachersToParents = 1 << 7,

    /// <summary>Teachers write to every colleague and the staff.</summary>
    TeachersToColleagues = 1 << 8,

    Default =
        StudentsToTheirTeachers
        | StudentsToStaff
        | ParentsToTeachers
        | ParentsToStaff
        | TeachersToStudents
        | TeachersToParents
        | TeachersToColleagues,
}

public static class MemoRuleNames
{
    /// <summary>Each rule and its description, in the reader's language (read when shown, never cached).</summary>
    public static IReadOnlyList<(MemoRules Rule, string Text)> All =>
        [
            (MemoRules.StudentsToTheirTeachers, MemoMessages.Rule_StudentsToTheirTeachers),
            (MemoRules.StudentsToStaff, MemoMessages.Rule_StudentsToStaff),
            (MemoRules.StudentsToClassmates, MemoMessages.Rule_StudentsToClassmates),
            (MemoRules.ParentsToTeachers, MemoMessages.Rule_ParentsToTeachers),
            (MemoRules.ParentsToStaff, MemoMessages.Rule_ParentsToStaff),
            (MemoRules.ParentsToClassParents, MemoMessages.Rule_ParentsToClassParents),
            (MemoRules.TeachersToStudents, MemoMessages.Rule_TeachersToStudents),
            (MemoRules.TeachersToParents, MemoMessages.Rule_TeachersToParents),
            (MemoRules.TeachersToColleagues, MemoMessages.Rule_TeachersToColleagues),
        ];

    /// <summary>A rule's short name, as refusals quote it: « parents → autres parents ».</summary>
    public static string Name(MemoRules rule) =>
        rule switch
        {
            MemoRules.StudentsToTheirTeachers => MemoMessages.RuleName_StudentsToTheirTeachers,
            MemoRules.StudentsToStaff => MemoMessages.RuleName_StudentsToStaff,
            MemoRules.StudentsToClassmates => MemoMessages.RuleName_StudentsToClassmates,
            MemoRules.ParentsToTeachers => MemoMessages.RuleName_ParentsToTeachers,
            MemoRules.ParentsToStaff => MemoMessages.RuleName_ParentsToStaff,
            MemoRules.ParentsToClassParents => MemoMessages.RuleName_ParentsToClassParents,
            MemoRules.TeachersToStudents => MemoMessages.RuleName_TeachersToStudents,
            MemoRules.TeachersToParents => MemoMessages.RuleName_TeachersToParents,
            MemoRules.TeachersToColleagues => MemoMessages.RuleName_TeachersToColleagues,
            _ => rule.ToString(),
        };
}
