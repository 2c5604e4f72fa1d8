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
        var first = new Dictionary<(DayOfWeek, TimeOnly, TimeOnly, int?, int?, int, int, WeekPattern), int>();
        foreach (var (line, lesson) in lessons)
            if (!first.TryAdd(Key(lesson), line))
                yield return (line, TimetableMessages.FormatImport_Duplicate(first[Key(lesson)]));
        foreach (var day in lessons.GroupBy(l => (l.Lesson.TeacherId, l.Lesson.Day)))
        {
            var sorted = day.OrderBy(l => l.Lesson.StartsAt).ToList();
            for (var i = 0; i < sorted.Count; i++)
            for (var j = i + 1; j < sorted.Count && sorted[j].Lesson.StartsAt < sorted[i].Lesson.EndsAt; j++)
                if (Meet(sorted[i].Lesson, sorted[j].Lesson) && Key(sorted[i].Lesson) != Key(sorted[j].Lesson))
                    yield return (sorted[j].Line, TimetableMessages.FormatImport_TeacherClash(sorted[i].Line));
        }
    }

    /// <summary>Whether two lessons of a day can meet the same week: their weeks and dates overlap.</summary>
    private static bool Meet(Lesson a, Lesson b) =>
        (a.Weeks == WeekPattern.Every || b.Weeks == WeekPattern.Every || a.Weeks == b.Weeks)
        && (a.From ?? DateOnly.MinValue) <= (b.To ?? DateOnly.MaxValue)
        && (b.From ?? DateOnly.MinValue) <= (a.To ?? DateOnly.MaxValue);
}
