using System.ComponentModel;
using Enoe.Data.Common;

namespace Enoe.Data.Notifications;

/// <summary>
/// An établissement's quiet window as cached, and the one question every sender asks of it: when may what is written
/// now reach a family? Computed in the académie's time (Europe/Paris), answered in UTC.
/// </summary>
[ImmutableObject(true)]
public sealed record QuietWindow(
    TimeOnly Evening,
    TimeOnly Morning,
    bool Weekend,
    bool StaffExempt,
    int ParentMarkDelayHours,
    IReadOnlyList<QuietWindow.Lifted> Exceptions
)
{
    [ImmutableObject(true)]
    public sealed record Lifted(DateOnly From, DateOnly To, string Label);

    /// <summary>
    /// The circulaire's window: weeknights 20:00–07:00 and the weekend, staff held too, parents a day later.
    /// </summary>
    public static readonly QuietWindow Default = new(new(20, 0), new(7, 0), true, false, 24, []);

    /// <summary>Whether <paramref name="utc"/> falls in the window.</summary>
    public bool IsQuiet(DateTime utc) => IsQuietLocal(SchoolTime.ToLocal(utc));

    /// <summary>
    /// When something written at <paramref name="utc"/> may be delivered: that instant outside the window, else the
    /// window's end (Monday 07:00 for Friday 21:00).
    /// </summary>
    public DateTime ReleaseAt(DateTime utc)
    {
        var local = SchoolTime.ToLocal(utc);
        if (!IsQuietLocal(local))
            return DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        // Quietness only changes at the morning's and the evening's hour: the release is the first of those instants
        // that is not quiet. Any window ends within a week (a weekend is the longest).
        var first = DateOnly.FromDateTime(local);
        for (var day = first; day <= first.AddDays(7); day = day.AddDays(1))
            foreach (var time in new[] { Morning, Evening })
            {
                var candidate = day.ToDateTime(time);
                if (candidate > local && !IsQuietLocal(candidate))
                    return DateTime.SpecifyKind(SchoolTime.ToUtc(candidate), DateTimeKind.Utc);
            }
        return DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }

    /// <summary>When parents may see a mark the student sees at <paramref name="studentUtc"/>.</summary>
    public DateTime ParentsSeeMarkAt(DateTime studentUtc) => ReleaseAt(studentUtc.AddHours(ParentMarkDelayHours));

    private bool IsQuietLocal(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        var today = DateOnly.FromDateTime(local);
        // After midnight the night began the day before: it is lifted when that day is.
        if (time < Morning)
            return !IsLifted(today.AddDays(-1));
        if (IsLifted(today))
            return false;
        if (time >= Evening)
            return true;
        return Weekend && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
    }

    private bool IsLifted(DateOnly day) => Exceptions.Any(e => e.From <= day && day <= e.To);
}
