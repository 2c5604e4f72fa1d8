using Enoe.Data.People;
using Enoe.Data.Schools;

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

    /// <summary>Sets default dashboards: admins of an établissement or of the académie.</summary>
    public const string LayoutAdmin = nameof(LayoutAdmin);

    /// <summary>
    /// Opens the pages of the établissement's staff work (public site articles, bookable resources): staff and admins.
    /// The sign-in cookie carries profiles, not functions: the data services decide through <c>FunctionRights</c>
    /// (a librarian opens the resources page but is refused there).
    /// </summary>
    public const string SiteEditor = nameof(SiteEditor);

    /// <summary>
    /// "Service:memos" and so on: the person's current établissement runs that ENT service (checked in the
    /// database at each request). Each service's module declares its own, e.g. <c>MemosModule.Running</c>.
    /// </summary>
    public const string ServicePrefix = "Service:";

    public static string Running(EntService service) => ServicePrefix + service.Key;

    public static readonly IReadOnlyDictionary<string, Profile> Profiles = new Dictionary<string, Profile>
    {
        [Student] = Profile.Student,
        [Parent] = Profile.Parent,
        [Teacher] = Profile.Teacher,
        [Staff] = Profile.Staff,
        [SchoolAdmin] = Profile.SchoolAdmin,
        [AcademyAdmin] = Profile.AcademyAdmin,
        [SiteEditor] = Profile.Staff | Profile.SchoolAdmin,
        [LayoutAdmin] = Profile.SchoolAdmin | Profile.AcademyAdmin,
    };
}
