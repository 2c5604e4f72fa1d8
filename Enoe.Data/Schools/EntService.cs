namespace Enoe.Data.Schools;

/// <summary>The ENT services an établissement may run. Stored as flags on <see cref="School.Services"/>.</summary>
[Flags]
public enum EntService
{
    None = 0,
    PublicSite = 1 << 0,
    Dashboard = 1 << 1,
    Logbook = 1 << 2,
    Memos = 1 << 3,
    Bookings = 1 << 4,
    Documents = 1 << 5,
    Grades = 1 << 6,
    Skills = 1 << 7,
    Resources = 1 << 8,

    All = PublicSite | Dashboard | Logbook | Memos | Bookings | Documents | Grades | Skills | Resources,
}
