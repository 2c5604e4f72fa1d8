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

    /// <summary>
    /// Staff and admins together, as an audience (the memo rules' "all staff"). NOT the direction: a profile says who
    /// someone is, their <see cref="StaffFunction"/> what they may see and decide (<see cref="FunctionRights"/>).
    /// </summary>
    Direction = Staff | SchoolAdmin,

    /// <summary>People who work in the établissement.</summary>
    Personnel = Teacher | Staff | SchoolAdmin,
    Everyone = Student | Parent | Teacher | Staff | SchoolAdmin | AcademyAdmin,
}

public static class ProfileNames
{
    public static readonly Profile[] Single =
    [
        Profile.Student,
        Profile.Parent,
        Profile.Teacher,
        Profile.Staff,
        Profile.SchoolAdmin,
        Profile.AcademyAdmin,
    ];

    public static IEnumerable<Profile> Split(this Profile profiles) => Single.Where(p => (profiles & p) == p);

    public static bool HasAny(this Profile profiles, Profile wanted) => (profiles & wanted) != 0;

    /// <summary>The profile's name in the reader's language; several profiles are listed with commas.</summary>
    public static string Of(Profile profile) =>
        profile switch
        {
            Profile.Student => PeopleMessages.Profile_Student,
            Profile.Parent => PeopleMessages.Profile_Parent,
            Profile.Teacher => PeopleMessages.Profile_Teacher,
            Profile.Staff => PeopleMessages.Profile_Staff,
            Profile.SchoolAdmin => PeopleMessages.Profile_SchoolAdmin,
            Profile.AcademyAdmin => PeopleMessages.Profile_AcademyAdmin,
            _ => string.Join(", ", profile.Split().Select(Of)),
        };
}

public static class StaffFunctionNames
{
    public static readonly StaffFunction[] Single =
    [
        StaffFunction.Direction,
        StaffFunction.Cpe,
        StaffFunction.Librarian,
        StaffFunction.Office,
        StaffFunction.Agent,
    ];

    /// <summary>The functions' names in the reader's language, with commas; "no function" for none.</summary>
    public static string Of(StaffFunction functions) =>
        functions == StaffFunction.None
            ? PeopleMessages.Function_None
            : string.Join(
                ", ",
                Single
                    .Where(f => functions.HasFlag(f))
                    .Select(f =>
                        f switch
                        {
                            StaffFunction.Direction => PeopleMessages.Function_Direction,
                            StaffFunction.Cpe => PeopleMessages.Function_Cpe,
                            StaffFunction.Librarian => PeopleMessages.Function_Librarian,
                            StaffFunction.Office => PeopleMessages.Function_Office,
                            _ => PeopleMessages.Function_Agent,
                        }
                    )
            );
}
