namespace Enoe.Data.Memos;

public enum AudienceKind
{
    Person,
    ClassStudents,
    ClassParents,
    ClassTeachers,
    GroupStudents,

    /// <summary>
    /// Everyone of the établissement holding a profile (<see cref="MemoAddress.TargetId"/> is a
    /// <see cref="People.Profile"/> value).
    /// </summary>
    Profile,
}

/// <summary>
/// Who a mémo goes to, as chosen in the form: a person, or an audience expanded to people at send time.
/// </summary>
public sealed record MemoAddress(AudienceKind Kind, int TargetId, string Label);
