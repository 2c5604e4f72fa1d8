using Enoe.Data.Demo;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Data.SchoolLife;

/// <summary>
/// Order 38, after the timetables: the roll calls of the last school days, a few absences and lateness across the
/// classes (some justified, some waiting for the vie scolaire, some not justified yet), and Lucas's and Emma's own:
/// Sophie has an absence of Lucas to justify, Emma (18) one of hers waiting. Emma's birth date makes her an adult.
/// </summary>
internal sealed class SchoolLifeDemoStep : IDemoStep
{
    public int Order => 38;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var db = demo.Db;
        var running = demo.Running(EntService.SchoolLife);
        var emma = await db.Users.FirstAsync(p => p.Id == demo.Emma, ct);
        emma.BirthDate = demo.Calendar.Today.AddYears(-18).AddMonths(-2);
        db.Update(emma);
        var lucas = await db.Users.FirstAsync(p => p.Id == demo.Lucas, ct);
        lucas.BirthDate = demo.Calendar.Today.AddYears(-13).AddMonths(-5);
        db.Update(lucas);

        var lessons = await db.Set<Lesson>()
            .AsNoTracking()
            .Where(l => running.Contains(l.SchoolId) && l.SchoolClassId != null && l.Weeks == WeekPattern.Every)
            .ToListAsync(ct);
        var days = demo.Calendar.SchoolDays(demo.Calendar.Today.AddDays(-10), demo.Calendar.Today.AddDays(-1)).ToList();
        var motives = new Dictionary<int, List<MotiveView>>(); // each établissement's default list: illness first
        foreach (var school in running)
            motives[school] = await AttendanceService.MotiveListAsync(db, school, withArchived: false, ct);
        var random = new Random(40);
        var now = demo.Now;
        var absences = new List<Absence>();
        foreach (var day in days)
        foreach (var lesson in lessons.Where(l => l.Day == day.DayOfWeek))
        {
            db.Add(
                new RollCall
                {
                    LessonId = lesson.Id,
                    Date = day,
                    TakenById = lesson.TeacherId,
                    TakenAt = DemoWorld.Utc(day, lesson.StartsAt.AddMinutes(5)),
                    Completed = true,
                }
            );
            var audience = demo.World.Classes.First(c => c.ClassId == lesson.SchoolClassId);
            if (random.Next(6) != 0)
                continue; // most lessons: everyone there
            var student = audience.Students[random.Next(audience.Students.Count)];
            if (student == demo.Lucas || student == demo.Emma)
                continue;
            var late = random.Next(3) == 0;
            var justified = random.Next(3);
            absences.Add(
                new Absence
                {
                    SchoolId = lesson.SchoolId,
                    StudentId = student,
                    LessonId = lesson.Id,
                    Kind = late ? AttendanceKind.Lateness : AttendanceKind.Absence,
                    MinutesLate = late ? 5 + random.Next(15) : null,
                    Date = day,
                    StartsAt = lesson.StartsAt,
                    EndsAt = lesson.EndsAt,
                    RecordedById = lesson.TeacherId,
                    RecordedAt = DemoWorld.Utc(day, lesson.StartsAt.AddMinutes(5)),
                    Justification = late ? JustificationStatus.None : (JustificationStatus)justified,
                    MotiveId = late || justified == 0 ? null : motives[lesson.SchoolId][0].Id,
                    JustifiedById = late || justified == 0 ? null : demo.World.ParentsOf[student].FirstOrDefault(),
                    JustifiedAt = late || justified == 0 ? null : DemoWorld.Utc(day, new(19, 0)),
                }
            );
        }
        absences.AddRange(Family(demo, lessons, days, now, motives));
        db.AddRange(absences);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Lucas absent on the last school day (to justify) and late the day before; Emma's waiting.</summary>
    private static IEnumerable<Absence> Family(
        DemoContext demo,
        List<Lesson> lessons,
        List<DateOnly> days,
        DateTime now,
        Dictionary<int, List<MotiveView>> motives
    )
    {
        if (days.Count < 2)
            yield break;
        foreach (
            var (student, day, kind, status) in new[]
            {
                (demo.Lucas, days[^1], AttendanceKind.Absence, JustificationStatus.None),
                (demo.Lucas, days[^2], AttendanceKind.Lateness, JustificationStatus.None),
                (demo.Emma, days[^1], AttendanceKind.Absence, JustificationStatus.Pending),
            }
        )
        {
            var classId = demo.World.Classes.FirstOrDefault(c => c.Students.Contains(student))?.ClassId;
            var lesson = lessons
                .Where(l => l.SchoolClassId == classId && l.Day == day.DayOfWeek)
                .MinBy(l => l.StartsAt);
            if (lesson is null)
                continue;
            var pending = status == JustificationStatus.Pending;
            yield return new Absence
            {
                SchoolId = lesson.SchoolId,
                StudentId = student,
                LessonId = lesson.Id,
                Kind = kind,
                MinutesLate = kind == AttendanceKind.Lateness ? 10 : null,
                Date = day,
                StartsAt = lesson.StartsAt,
                EndsAt = lesson.EndsAt,
                RecordedById = lesson.TeacherId,
                RecordedAt = DemoWorld.Utc(day, lesson.StartsAt.AddMinutes(5)),
                Justification = status,
                MotiveId = pending ? motives[lesson.SchoolId][1].Id : null, // a medical appointment
                JustificationComment = pending ? "Rendez-vous chez l'orthodontiste." : null,
                JustifiedById = pending ? student : null,
                JustifiedAt = pending ? now.AddHours(-3) : null,
            };
        }
    }
}
