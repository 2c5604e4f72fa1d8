using Enoe.Data.Demo;
using Enoe.Data.Schools;

namespace Enoe.Data.Timetable;

/// <summary>
/// Order 35: each school's weekly timetable from the demo's (the one the carnet's sessions follow), with rooms; in the
/// lycée a TP alternating weeks A and B; this week, a lesson of Lucas's class cancelled and one of Emma's in another
/// room.
/// </summary>
internal sealed class TimetableDemoStep : IDemoStep
{
    public int Order => 35;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var world = demo.World;
        var running = demo.Running(EntService.Timetable);
        var lessons = new List<Lesson>();
        foreach (var teaching in world.Teachings.Where(t => running.Contains(t.Audience.SchoolId)))
        foreach (var lesson in demo.Timetable.Of(teaching))
            lessons.Add(
                new Lesson
                {
                    SchoolId = teaching.Audience.SchoolId,
                    Day = (DayOfWeek)(lesson.Day + 1),
                    StartsAt = lesson.StartsAt,
                    EndsAt = lesson.EndsAt,
                    SchoolClassId = teaching.Audience.ClassId,
                    TeachingGroupId = teaching.Audience.GroupId,
                    SubjectId = teaching.SubjectId,
                    TeacherId = teaching.TeacherId,
                    Room = RoomOf(teaching),
                }
            );
        var lumiere = world.Schools.FirstOrDefault(s => s.Slug == "lycee-lumiere" && running.Contains(s.Id));
        if (lumiere is not null)
            lessons.AddRange(AlternatingPractical(demo, lumiere));
        demo.Db.AddRange(lessons);
        await demo.Db.SaveChangesAsync(ct);

        // This week (or the next school week): one cancellation, one room change.
        var day = demo.Calendar.SchoolDays(demo.Calendar.Today, demo.Calendar.Today.AddDays(21)).FirstOrDefault();
        foreach (
            var (student, kind) in new[]
            {
                (demo.Lucas, LessonChangeKind.Cancelled),
                (demo.Emma, LessonChangeKind.RoomChanged),
            }
        )
        {
            var audience = world.Classes.FirstOrDefault(c => c.Students.Contains(student));
            var lesson = lessons
                .Where(l =>
                    l.SchoolClassId == audience?.ClassId && l.Day == day.DayOfWeek && l.Weeks == WeekPattern.Every
                )
                .OrderBy(l => l.StartsAt)
                .Skip(1)
                .FirstOrDefault();
            if (lesson is null)
                continue;
            var cancelled = kind == LessonChangeKind.Cancelled;
            demo.Db.Add(
                new LessonChange
                {
                    LessonId = lesson.Id,
                    Date = day,
                    Kind = kind,
                    NewRoom = cancelled ? null : "CDI",
                    Reason = cancelled ? "Professeur absent" : "Salle indisponible (travaux)",
                    ChangedById = world
                        .Memberships.Where(m => m.SchoolId == lesson.SchoolId && m.Function is not null)
                        .OrderBy(m => m.Function!.StartsWith("Conseill", StringComparison.Ordinal) ? 0 : 1)
                        .First()
                        .PersonId,
                    ChangedAt = demo.Now.AddHours(-2),
                }
            );
        }
        await demo.Db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Sciences practicals of 2ndeA: physique-chimie on weeks A, SVT on weeks B, at the latest slot of the week where
    /// the class and both teachers are free.
    /// </summary>
    private static IEnumerable<Lesson> AlternatingPractical(DemoContext demo, DemoWorld.SchoolInfo school)
    {
        var audience = demo.World.Classes.FirstOrDefault(c => c.SchoolId == school.Id && c.Name == "2ndeA");
        if (audience is null)
            yield break;
        var teachings = demo
            .World.TeachingsOf(audience)
            .Where(t => t.Subject is "PC" or "SVT")
            .OrderBy(t => t.Subject, StringComparer.Ordinal)
            .ToList();
        if (teachings.Count < 2)
            yield break;
        var free = Enumerable
            .Range(0, 5)
            .Where(d => d != 2) // Wednesday afternoon has no lessons
            .SelectMany(d => Enumerable.Range(0, school.Slots.Count).Select(s => (Day: d, Slot: s)))
            .OrderByDescending(c => c.Slot)
            .ThenByDescending(c => c.Day)
            .Where(c =>
                demo.Timetable.ClassFree(audience.ClassId!.Value, c.Day, c.Slot)
                && teachings.All(t => demo.Timetable.TeacherFree(t.TeacherId, c.Day, c.Slot))
            )
            .Select(c => ((int, int)?)(c.Day, c.Slot))
            .FirstOrDefault();
        if (free is not var (day, slot))
            yield break;
        foreach (var (teaching, weeks) in teachings.Zip(new[] { WeekPattern.A, WeekPattern.B }))
            yield return new Lesson
            {
                SchoolId = school.Id,
                Day = (DayOfWeek)(day + 1),
                StartsAt = school.Slots[slot].StartsAt,
                EndsAt = school.Slots[slot].EndsAt,
                SchoolClassId = audience.ClassId,
                SubjectId = teaching.SubjectId,
                TeacherId = teaching.TeacherId,
                Room = "Labo 2",
                Weeks = weeks,
            };
    }

    /// <summary>
    /// A class's own room; the gymnasium for EPS, a laboratory for sciences, a language room for groups.
    /// </summary>
    private static string RoomOf(DemoWorld.Teaching teaching) =>
        teaching.Subject switch
        {
            "EPS" => "Gymnase",
            "PC" or "SVT" => "Labo 1",
            "NSI" => "Salle informatique B12",
            _ when teaching.Audience.GroupId is int g => $"Salle {200 + g % 20}",
            _ => $"Salle {100 + (teaching.Audience.ClassId ?? 0) % 40}",
        };
}
