using Enoe.Data.People;

namespace Enoe.Data.Statistics;

/// <summary>
/// What the usage figures count, one stable key each (stored in <see cref="UsageCount.Metric"/>: never rename one).
/// Sign-ins count people, each once a day per établissement; the others count events as they happen.
/// </summary>
public static class UsageMetric
{
    /// <summary>People who signed in, whatever their profiles (a teacher who is also a parent counts once).</summary>
    public const string People = "signin.people";
    public const string Students = "signin.student";
    public const string Parents = "signin.parent";
    public const string Teachers = "signin.teacher";
    public const string Staff = "signin.staff";
    public const string Admins = "signin.admin";

    /// <summary>Sessions written in the carnet de bord (new entries; edits are not counted).</summary>
    public const string LogbookEntries = "logbook.entries";

    /// <summary>Mémos sent: one per sending, whatever the number of recipients.</summary>
    public const string MemosSent = "memos.sent";

    /// <summary>Bookings made: a weekly series counts each week booked.</summary>
    public const string BookingsMade = "bookings.made";

    /// <summary>Copies handed in for a devoir: handing in again counts again.</summary>
    public const string CopiesHandedIn = "assignments.handedin";

    /// <summary>
    /// Assessments whose marks were published (now or at a set hour), counted when the teacher publishes.
    /// </summary>
    public const string MarksPublished = "grades.published";

    /// <summary>
    /// Single sign-on hand-offs to a digital resource (counted by <see cref="UsageCounter.HandedOffAsync"/>).
    /// </summary>
    public const string SsoHandOffs = "sso.handoffs";

    /// <summary>The sign-in figures, in the order the console shows them.</summary>
    public static IReadOnlyList<string> SignIns { get; } = [People, Students, Parents, Teachers, Staff, Admins];

    /// <summary>The services' figures, in the order the console shows them.</summary>
    public static IReadOnlyList<string> Services { get; } =
    [LogbookEntries, MemosSent, BookingsMade, CopiesHandedIn, MarksPublished, SsoHandOffs];

    public static IReadOnlyList<string> All { get; } = [.. SignIns, .. Services];

    /// <summary>
    /// What one person's first sign-in of the day adds: one person, and one for each profile they hold.
    /// </summary>
    public static IEnumerable<string> ForSignIn(Profile profiles)
    {
        yield return People;
        if (profiles.HasAny(Profile.Student))
            yield return Students;
        if (profiles.HasAny(Profile.Parent))
            yield return Parents;
        if (profiles.HasAny(Profile.Teacher))
            yield return Teachers;
        if (profiles.HasAny(Profile.Staff))
            yield return Staff;
        if (profiles.HasAny(Profile.SchoolAdmin))
            yield return Admins;
    }

    /// <summary>The figure's name in the reader's language.</summary>
    public static string Label(string metric) =>
        metric switch
        {
            People => UsageMessages.Metric_People,
            Students => UsageMessages.Metric_Students,
            Parents => UsageMessages.Metric_Parents,
            Teachers => UsageMessages.Metric_Teachers,
            Staff => UsageMessages.Metric_Staff,
            Admins => UsageMessages.Metric_Admins,
            LogbookEntries => UsageMessages.Metric_LogbookEntries,
            MemosSent => UsageMessages.Metric_MemosSent,
            BookingsMade => UsageMessages.Metric_BookingsMade,
            CopiesHandedIn => UsageMessages.Metric_CopiesHandedIn,
            MarksPublished => UsageMessages.Metric_MarksPublished,
            SsoHandOffs => UsageMessages.Metric_SsoHandOffs,
            _ => metric,
        };
}
