using Enoe.Data.Timetable;
using Enoe.Widgets.Timetable;
using Microsoft.AspNetCore.Components;

namespace Enoe.Widgets.Logbook;

/// <summary>
/// The teacher's lessons of the day from the timetable, each filling the new session's form in one click.
/// </summary>
public partial class LogbookPage
{
    [Inject]
    private TimetableService Timetable { get; set; } = default!;

    /// <summary>
    /// Today's lessons that take place, with the index of their class or group and subject in the form.
    /// </summary>
    private IReadOnlyList<(LessonView Lesson, int Audience)> _todaysLessons = [];

    private async Task LoadTodaysLessonsAsync()
    {
        if (_audiences.Count == 0)
            return;
        var today = await Timetable.DaysAsync(_user, TimetableOf.Mine, Today, Today);
        _todaysLessons =
        [
            .. today
                .Days.SelectMany(d => d.Lessons)
                .Where(l => l.TakesPlace && l.TeacherId == _user.PersonId)
                .Select(l => (l, AudienceOf(l)))
                .Where(x => x.Item2 >= 0),
        ];
    }

    private int AudienceOf(LessonView lesson)
    {
        for (var i = 0; i < _audiences.Count; i++)
            if (
                _audiences[i].SubjectId == lesson.SubjectId
                && _audiences[i].SchoolClassId == lesson.ClassId
                && _audiences[i].TeachingGroupId == lesson.GroupId
            )
                return i;
        return -1;
    }

    private static string FillLabel(LessonView lesson) =>
        LogbookText.FormatFillFromLesson(LessonText.Hours(lesson), lesson.Audience, lesson.Subject);

    /// <summary>The class or group, subject, day and hours of the lesson, as the timetable has them.</summary>
    private async Task FillFromAsync(LessonView lesson, int audience)
    {
        // What was typed stays: only the class or group, subject, day and hours change.
        AudienceIndex = audience;
        (_draft.SessionDate, _draft.StartsAt, _draft.EndsAt) = (lesson.Date, lesson.StartsAt, lesson.EndsAt);
        await CheckLoadAsync();
    }
}
