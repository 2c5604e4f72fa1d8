namespace Enoe.Data.People;

/// <summary>The profiles a person holds in an établissement (admins académie hold theirs académie-wide).</summary>
[Flags]
public enum Profile
{
    None = 0,
    Student = 1 << 0,
    Parent = 1 << 1,
    Teacher = 1 << 2,
    Staff = 1 << 3,
    SchoolAdmin = 1 << 4,
    AcademyAdmin = 1 << 5,

    /// <summary>People who work in the établissement.</summary>
    Personnel = Teacher | Staff | SchoolAdmin,
    Everyone = Student | Parent | Teacher | Staff | SchoolAdmin | AcademyAdmin,
}

public static class ProfileNames
{
    public static readonly Profile[] Single =
        [Profile.Student, Profile.Parent, Profile.Teacher, Profile.Staff, Profile.SchoolAdmin, Profile.AcademyAdmin];

    public static IEnumerable<Profile> Split(this Profile profiles) => Single.Where(p => (profiles & p) == p);

    public static bool HasAny(this Profile profiles, Profile wanted) => (profiles & wanted) != 0;

    public static string French(this Profile profile) => profile switch
    {
        Profile.Student => "Élève",
        Profile.Parent => "Parent",
        Profile.Teacher => "Enseignant",
        Profile.Staff => "Personnel",
        Profile.SchoolAdmin => "Admin établissement",
        Profile.AcademyAdmin => "Admin académie",
        _ => string.Join(", ", profile.Split().Select(French)),
    };
}
