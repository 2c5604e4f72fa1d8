namespace Enoe.Data.Memos;

/// <summary>
/// Who may write to whom in an établissement, in the spirit of Open ENT NG's communication matrix.
/// Staff and admins write to everyone of their établissement; the rest is the établissement's choice.
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

    Default = StudentsToTheirTeachers | StudentsToStaff | ParentsToTeachers | ParentsToStaff | TeachersToStudents | TeachersToParents | TeachersToColleagues,
}

public static class MemoRuleNames
{
    public static readonly IReadOnlyList<(MemoRules Rule, string French)> All =
    [
        (MemoRules.StudentsToTheirTeachers, "Les élèves écrivent aux enseignants de leurs classes et groupes"),
        (MemoRules.StudentsToStaff, "Les élèves écrivent au personnel (vie scolaire, direction, CDI)"),
        (MemoRules.StudentsToClassmates, "Les élèves écrivent aux élèves de leurs classes et groupes"),
        (MemoRules.ParentsToTeachers, "Les parents écrivent aux enseignants de leurs enfants"),
        (MemoRules.ParentsToStaff, "Les parents écrivent au personnel et à la direction"),
        (MemoRules.ParentsToClassParents, "Les parents écrivent aux autres parents de la classe"),
        (MemoRules.TeachersToStudents, "Les enseignants écrivent aux élèves de leurs classes et groupes"),
        (MemoRules.TeachersToParents, "Les enseignants écrivent aux parents de leurs élèves"),
        (MemoRules.TeachersToColleagues, "Les enseignants écrivent à leurs collègues et au personnel"),
    ];
}
