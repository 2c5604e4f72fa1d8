namespace Enoe.Data.Demo;

/// <summary>
/// A weekly timetable on each school's time slots: every class gets its subjects' hours, LV2 and
/// spécialité groups of a level meet at the same time (their students come from every class of the
/// level), and nobody — class or teacher, even one teaching in two schools — is in two places at once.
/// Built greedily with the demo's seeded random: the same every run.
/// </summary>
internal sealed class DemoTimetable
{
    public sealed record Lesson(DemoWorld.Teaching Teaching, int Day, int Slot, TimeOnly StartsAt, TimeOnly EndsAt);

    private readonly Dictionary<DemoWorld.Teaching, List<Lesson>> _byTeaching = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(int, int, int)> _teacherBusy = [],
        _classBusy = [];

    /// <summary>Monday is 0; Wednesday afternoon has no lessons.</summary>
    public static int DayIndex(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;

    public IEnumerable<Lesson> On(DateOnly day, DemoWorld.Teaching teaching) =>
        Of(teaching).Where(l => l.Day == DayIndex(day));

    public IReadOnlyList<Lesson> Of(DemoWorld.Teaching teaching) =>
        _byTeaching.TryGetValue(teaching, out var lessons) ? lessons : [];

    /// <summary>Every lesson of a teaching on school days between two dates, in order.</summary>
    public IEnumerable<(DateOnly Day, Lesson Lesson)> Sessions(
        DemoCalendar calendar,
        DemoWorld.Teaching teaching,
        DateOnly from,
        DateOnly to
    ) => calendar.SchoolDays(from, to).SelectMany(day => On(day, teaching).OrderBy(l => l.Slot).Select(l => (day, l)));

    /// <summary>Whether a class has no lesson at that day and slot (a free period to book the CDI).</summary>
    public bool ClassFree(int classId, int day, int slot) => !_classBusy.Contains((classId, day, slot));

    /// <summary>Whether a teacher has no lesson at that day and slot.</summary>
    public bool TeacherFree(int teacherId, int day, int slot) => !_teacherBusy.Contains((teacherId, day, slot));

    public static DemoTimetable Build(DemoWorld world, Random random)
    {
        var timetable = new DemoTimetable();
        foreach (var school in world.Schools)
        {
            var cells = Enumerable
                .Range(0, 5)
                .SelectMany(day => school.Slots.Select((slot, i) => (Day: day, Slot: i, slot.StartsAt)))
                .Where(c => c.Day != 2 || c.StartsAt < new TimeOnly(12, 30))
                .Select(c => (c.Day, c.Slot))
                .ToList();
            var teachings = world.Teachings.Where(t => t.Audience.SchoolId == school.Id).ToList();

            // Groups first, by level and block: LV2 (espagnol, allemand) together, spécialités (NSI, SES) together.
            foreach (
                var block in teachings
                    .Where(t => t.Audience.GroupId is not null)
                    .GroupBy(t => (t.Audience.Level, Block: t.Subject is "NSI" or "SES" ? "SPE" : "LV2"))
            )
            {
                var hours = block.Max(t => DemoCurriculum.WeeklyHours(t.Subject, t.Audience.Level));
                for (var h = 0; h < hours; h++)
                    timetable.Place(school, [.. block], cells, random);
            }
            var hoursToPlace = teachings
                .Where(t => t.Audience.ClassId is not null)
                .SelectMany(t => Enumerable.Repeat(t, DemoCurriculum.WeeklyHours(t.Subject, t.Audience.Level)))
                .ToList();
            foreach (var teaching in hoursToPlace.OrderBy(_ => random.Next()).ToList())
                timetable.Place(school, [teaching], cells, random);
        }
        return timetable;
    }

    /// <summary>
    /// Puts one hour of these teachings (one, or a block of groups) where all their classes and teachers are free,
    /// spreading a subject over the week.
    /// </summary>
    private void Place(
        DemoWorld.SchoolInfo school,
        IReadOnlyList<DemoWorld.Teaching> together,
        List<(int Day, int Slot)> cells,
        Random random
    )
    {
        var classes = together.SelectMany(t => t.Audience.ClassIds).Distinct().ToList();
        var free = cells
            .Where(c =>
                classes.All(k => !_classBusy.Contains((k, c.Day, c.Slot)))
                && together.All(t => !_teacherBusy.Contains((t.TeacherId, c.Day, c.Slot)))
            )
            .ToList();
        var spread = free.Where(c => !together.Any(t => Of(t).Any(l => l.Day == c.Day))).ToList();
        var choices = spread.Count > 0 ? spread : free;
        if (choices.Count == 0)
            return; // a full week: one hour fewer, as happens
        var (day, slot) = choices[random.Next(choices.Count)];
        foreach (var teaching in together)
        {
            var lesson = new Lesson(teaching, day, slot, school.Slots[slot].StartsAt, school.Slots[slot].EndsAt);
            if (!_byTeaching.TryGetValue(teaching, out var list))
                _byTeaching[teaching] = list = [];
            list.Add(lesson);
            _teacherBusy.Add((teaching.TeacherId, day, slot));
        }
        foreach (var k in classes)
            _classBusy.Add((k, day, slot));
    }
}
