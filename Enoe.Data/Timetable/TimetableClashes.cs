namespace Enoe.Data.Timetable;

/// <summary>
/// What makes a timetable file impossible whatever the names: the same lesson twice, or a teacher in two lessons at
/// once (on weeks and dates that meet).
/// </summary>
internal static class TimetableClashes
{
    /// <summary>What makes a lesson the same one in the next import: all but its room and dates.</summary>
    public static (DayOfWeek, TimeOnly, TimeOnly, int?, int?, int, int, WeekPattern) Key(Lesson l) =>
        (l.Day, l.StartsAt, l.EndsAt, l.SchoolClassId, l.TeachingGroupId, l.SubjectId, l.TeacherId, l.Weeks);

    /// <summary>Each line that repeats an earlier one or puts its teacher in two places, with why.</summary>
    public static IEnumerable<(int Line, string Reason)> Find(IReadOnlyList<(int Line, Lesson Lesson)> lessons)
    {
        // The same lesson twice over dates that meet (a slot split by semester is two lessons).
        var seen = new List<(int Line, Lesson Lesson)>();
        foreach (var (line, lesson) in lessons)
        {
            if (seen.FirstOrDefault(s => Key(s.Lesson) == Key(lesson) && Meet(s.Lesson, lesson)) is { Line: > 0 } twin)
                yield return (line, TimetableMessages.FormatImport_Duplicate(twin.Line));
            seen.Add((line, lesson));
        }
        foreach (var day in lessons.GroupBy(l => (l.Lesson.TeacherId, l.Lesson.Day)))
        {
            var sorted = day.OrderBy(l => l.Lesson.StartsAt).ToList();
            for (var i = 0; i < sorted.Count; i++)
            for (var j = i + 1; j < sorted.Count && sorted[j].Lesson.StartsAt < sorted[i].Lesson.EndsAt; j++)
                if (
                    Meet(sorted[i].Lesson, sorted[j].Lesson)
                    && Key(sorted[i].Lesson) != Key(sorted[j].Lesson)
                    && !Together(sorted[i].Lesson, sorted[j].Lesson)
                )
                    yield return (sorted[j].Line, TimetableMessages.FormatImport_TeacherClash(sorted[i].Line));
        }
    }

    /// <summary>
    /// One lesson given to two classes or groups at once (EPS for 6eA and 6eB together), written as two lines: the same
    /// hours and subject for other audiences.
    /// </summary>
    private static bool Together(Lesson a, Lesson b) =>
        a.StartsAt == b.StartsAt
        && a.EndsAt == b.EndsAt
        && a.SubjectId == b.SubjectId
        && (a.SchoolClassId != b.SchoolClassId || a.TeachingGroupId != b.TeachingGroupId);

    /// <summary>Whether two lessons of a day can meet the same week: their weeks and dates overlap.</summary>
    private static bool Meet(Lesson a, Lesson b) =>
        (a.Weeks == WeekPattern.Every || b.Weeks == WeekPattern.Every || a.Weeks == b.Weeks)
        && (a.From ?? DateOnly.MinValue) <= (b.To ?? DateOnly.MaxValue)
        && (b.From ?? DateOnly.MinValue) <= (a.To ?? DateOnly.MaxValue);
}
