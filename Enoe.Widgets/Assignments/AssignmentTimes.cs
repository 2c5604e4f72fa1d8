using Enoe.Data.Common;

namespace Enoe.Widgets.Assignments;

/// <summary>
/// A deadline or hand-in time in the reader's language: "vendredi 4 décembre à 18:00", "Friday 4 December at 18:00".
/// </summary>
public static class AssignmentTimes
{
    public static string Long(DateTime utc)
    {
        var local = SchoolTime.ToLocal(utc);
        return AssignmentsText.FormatDeadlineAt(local.ToString("dddd d MMMM"), local.ToString("HH:mm"));
    }
}
