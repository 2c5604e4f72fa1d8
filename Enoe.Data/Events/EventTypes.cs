using System.Collections.Frozen;
using Enoe.Data.Assignments;
using Enoe.Data.Bookings;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Data.Privacy;
using Enoe.Data.PublicSite;
using Enoe.Data.Schools;
using Enoe.Data.Sessions;

namespace Enoe.Data.Events;

/// <summary>
/// Every event ENOE publishes, by name: the only types a message from Redis may name (a type name read from the
/// network is never handed to <c>Type.GetType</c>). A new event goes here too; a test checks that every type
/// published anywhere is listed and survives JSON.
/// </summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(AssignmentChanged),
        typeof(SchoolLife.AttendanceChanged),
        typeof(BookingChanged),
        typeof(Caching.CacheInvalidated),
        typeof(DataExportChanged),
        typeof(GradesChanged),
        typeof(Timetable.LessonChanged),
        typeof(LogbookChanged),
        typeof(MemoRead),
        typeof(MemoSent),
        typeof(Notifications.NotificationsDelivered),
        typeof(Notifications.NotificationsRead),
        typeof(PublicSiteChanged),
        typeof(SchoolServicesChanged),
        typeof(SessionsEnded),
        typeof(Timetable.TimetableImported),
    ];

    /// <summary>
    /// By <see cref="Type.Name"/>, the name an envelope carries (unique: the dictionary would throw).
    /// </summary>
    private static readonly FrozenDictionary<string, Type> ByName = All.ToFrozenDictionary(t => t.Name);

    public static Type? Find(string name) => ByName.GetValueOrDefault(name);

    public static bool IsKnown(Type type) => ByName.TryGetValue(type.Name, out var known) && known == type;
}
