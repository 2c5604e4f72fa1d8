using Enoe.Data.People;

namespace Enoe.Widgets.Abstractions;

/// <summary>Authorization policy names; each requires one of the profiles <see cref="Profiles"/> maps it to.</summary>
public static class Policies
{
    public const string Student = nameof(Student);
    public const string Parent = nameof(Parent);
    public const string Teacher = nameof(Teacher);
    public const string Staff = nameof(Staff);
    public const string SchoolAdmin = nameof(SchoolAdmin);
    public const string AcademyAdmin = nameof(AcademyAdmin);
    /// <summary>Writes the établissement's public site: staff and admins.</summary>
    public const string SiteEditor = nameof(SiteEditor);

    public static readonly IReadOnlyDictionary<string, Profile> Profiles = new Dictionary<string, Profile>
    {
        [Student] = Profile.Student,
        [Parent] = Profile.Parent,
        [Teacher] = Profile.Teacher,
        [Staff] = Profile.Staff,
        [SchoolAdmin] = Profile.SchoolAdmin,
        [AcademyAdmin] = Profile.AcademyAdmin,
        [SiteEditor] = Profile.Staff | Profile.SchoolAdmin,
    };
}
