using System.Globalization;
using Enoe.Data.Timetable;

namespace Enoe.Widgets.Timetable;

/// <summary>How a lesson reads in a timetable or "Ma journée", in the reader's language (one text per part).</summary>
public static class LessonText
{
    public static string Hours(LessonView lesson) =>
        lesson.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture)
        + "–"
        + lesson.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Where and with whom: the group, or the class unless <paramref name="showClass"/> is false (the reader's own),
    /// the teacher, the room.
    /// </summary>
    public static string Details(LessonView lesson, bool showClass) =>
        string.Join(
            " · ",
            new[]
            {
                showClass || lesson.GroupId is not null ? lesson.Audience : null,
                lesson.Teacher,
                lesson.Room,
            }.Where(p => !string.IsNullOrEmpty(p))
        );

    /// <summary>Week A or B for a lesson that alternates; empty for a weekly one.</summary>
    public static string Weeks(LessonView lesson) =>
        lesson.Weeks switch
        {
            WeekPattern.A => TimetableText.Weeks_A,
            WeekPattern.B => TimetableText.Weeks_B,
            _ => "",
        };

    /// <summary>What changed, for a lesson that is not as planned; null otherwise.</summary>
    public static string? Change(LessonView lesson)
    {
        var what = lesson.Status switch
        {
            LessonStatus.Cancelled => TimetableText.Status_Cancelled,
            LessonStatus.MovedAway => TimetableText.FormatStatus_MovedAway(
                lesson.MovedTo?.ToString("dddd d MMMM, HH:mm")
            ),
            LessonStatus.MovedHere => TimetableText.FormatStatus_MovedHere(lesson.MovedFrom?.ToString("dddd d MMMM")),
            LessonStatus.RoomChanged => TimetableText.FormatStatus_RoomChanged(lesson.PlannedRoom ?? "—"),
            _ => null,
        };
        return what is null ? null
            : string.IsNullOrEmpty(lesson.Reason) ? what
            : TimetableText.FormatStatus_WithReason(what, lesson.Reason);
    }

    /// <summary>The row's class: struck through when it does not take place, marked when changed.</summary>
    public static string RowClass(LessonView lesson) =>
        lesson.Status switch
        {
            LessonStatus.AsPlanned => "enoe-lesson",
            _ when !lesson.TakesPlace => "enoe-lesson enoe-lesson-off",
            _ => "enoe-lesson enoe-lesson-changed",
        };
}
