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
    /// <summary>Writes the établissement's public site: staff and admins.</summary>
    public const string SiteEditor = nameof(SiteEditor);

    /// <summary>"Service:Memos" and so on: the person's current établissement runs that ENT service (checked in the database).</summary>
    public const string ServicePrefix = "Service:";
    public const string PublicSiteRunning = ServicePrefix + nameof(EntService.PublicSite);
    public const string LogbookRunning = ServicePrefix + nameof(EntService.Logbook);
    public const string GradesRunning = ServicePrefix + nameof(EntService.Grades);
    public const string SkillsRunning = ServicePrefix + nameof(EntService.Skills);
    public const string BookingsRunning = ServicePrefix + nameof(EntService.Bookings);
    public const string MemosRunning = ServicePrefix + nameof(EntService.Memos);
    public const string DocumentsRunning = ServicePrefix + nameof(EntService.Documents);

    public static string Running(EntService service) => ServicePrefix + service;

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
