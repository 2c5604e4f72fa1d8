using Enoe.Data.Demo;
using Enoe.Data.Schools;

namespace Enoe.Data.Logbook;

/// <summary>
/// The carnet de bord of the month: every lesson of every class and group on school days from four
/// weeks ago to today, written by its teacher, working through the subject's chapters; homework due
/// at the subject's next lesson (next week's included), never more than the school's warning
/// threshold on one day. The named students have ticked most of what was due.
/// </summary>
internal static class LogbookDemo
{
    private const int MostDuePerDay = 2;

    public static List<LogbookEntry> Build(
        DemoWorld world,
        DemoTimetable timetable,
        IReadOnlySet<int> schools,
        Random random
    )
    {
        var calendar = world.Calendar;
        var entries = new List<LogbookEntry>();
        var duePerDay = new Dictionary<(int ClassId, DateOnly Day), int>();
        foreach (var teaching in world.Teachings.Where(t => schools.Contains(t.Audience.SchoolId)))
        {
            var audience = teaching.Audience;
            var topics = DemoCurriculum.Topics(teaching.Subject, audience.Level);
            var sessions = timetable.Sessions(calendar, teaching, calendar.From, calendar.Today).ToList();
            var upcoming = timetable
                .Sessions(calendar, teaching, calendar.Today.AddDays(1), calendar.NextFriday.AddDays(7))
                .Select(s => s.Day)
                .ToList();
            for (var i = 0; i < sessions.Count; i++)
            {
                var (day, lesson) = sessions[i];
                // The month's sessions share the chapters out in order, a few sessions each.
                var topicIndex = Math.Min(topics.Length - 1, i * topics.Length / Math.Max(1, sessions.Count));
                var firstOfTopic =
                    i == 0 || Math.Min(topics.Length - 1, (i - 1) * topics.Length / sessions.Count) != topicIndex;
                var written = DemoWorld.Utc(day, lesson.EndsAt).AddMinutes(10 + random.Next(180));
                if (written > world.Now)
                    written = world.Now.AddMinutes(-5);
                var entry = new LogbookEntry
                {
                    SchoolId = audience.SchoolId,
                    SchoolClassId = audience.ClassId,
                    TeachingGroupId = audience.GroupId,
                    SubjectId = teaching.SubjectId,
                    SessionDate = day,
                    StartsAt = lesson.StartsAt,
                    EndsAt = lesson.EndsAt,
                    Content = DemoCurriculum.Session(
                        teaching.Subject,
                        topics[topicIndex],
                        firstOfTopic ? 0 : 1,
                        random
                    ),
                    CreatedAt = written,
                    CreatedById = teaching.TeacherId,
                    UpdatedAt = written,
                    UpdatedById = teaching.TeacherId,
                    Version = 1,
                };
                var due = i + 1 < sessions.Count ? sessions[i + 1].Day : upcoming.FirstOrDefault(d => d > day);
                if (
                    due != default
                    && random.NextDouble() < 0.6
                    && DemoCurriculum.Homework(teaching.Subject, random) is var (text, minutes)
                    && audience.ClassIds.All(c => duePerDay.GetValueOrDefault((c, due)) < MostDuePerDay)
                )
                {
                    (entry.Homework, entry.HomeworkDueDate, entry.HomeworkMinutes) = (text, due, minutes);
                    foreach (var c in audience.ClassIds)
                        duePerDay[(c, due)] = duePerDay.GetValueOrDefault((c, due)) + 1;
                }
                entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>
    /// What the named students (the demo's own sign-ins) have ticked: most homework already due. After the entries are
    /// saved (their ids).
    /// </summary>
    public static List<HomeworkDone> Ticks(
        DemoWorld world,
        IReadOnlyList<LogbookEntry> entries,
        IEnumerable<int> students,
        Random random
    )
    {
        var ticks = new List<HomeworkDone>();
        foreach (var student in students)
        {
            var classes = world
                .Classes.Concat(world.Groups)
                .Where(a => a.Students.Contains(student))
                .Select(a => (a.ClassId, a.GroupId))
                .ToHashSet();
            // Only work already due: coming work ticked "done" is drawn at 70 % opacity, below the contrast axe-core
            // requires.
            foreach (
                var entry in entries.Where(e =>
                    e.HomeworkDueDate < world.Calendar.Today && classes.Contains((e.SchoolClassId, e.TeachingGroupId))
                )
            )
            {
                if (random.NextDouble() < 0.85)
                    ticks.Add(
                        new HomeworkDone
                        {
                            StudentId = student,
                            EntryId = entry.Id,
                            DoneAt = Min(world.Now, entry.UpdatedAt.AddHours(20)),
                        }
                    );
            }
        }
        return ticks;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}

/// <summary>Order 50: the month's sessions and homework, what the named students ticked (needs no other).</summary>
internal sealed class LogbookDemoStep : IDemoStep
{
    public int Order => 50;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var entries = LogbookDemo.Build(demo.World, demo.Timetable, demo.Running(EntService.Logbook), new Random(4));
        await DemoBulk.InsertAsync(demo.Db, entries, ct);
        var ticks = LogbookDemo.Ticks(demo.World, entries, [demo.Lucas, demo.Emma], new Random(9));
        await DemoBulk.InsertAsync(demo.Db, ticks, ct);
    }
}
