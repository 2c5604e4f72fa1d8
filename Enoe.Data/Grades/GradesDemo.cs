using Enoe.Data.Demo;
using Enoe.Data.Schools;
using Enoe.Data.Skills;

namespace Enoe.Data.Grades;

/// <summary>
/// Marks and skills of the month. Each class is assessed in most of its subjects (quizzes /10, tests /20 with
/// coefficient 2, LV2 and spécialité groups too) on the days it has that lesson; marks follow each student's level with
/// some luck, a few absences (Abs) and exemptions in EPS (Disp); an assessment is published three days later at 18:00
/// (so the demo goes on publishing for a few days after it is seeded), except each class's latest, still being marked.
/// Where the école runs the livret, tests also assess a skill of the socle.
/// </summary>
internal sealed class GradesDemo(DemoWorld world, DemoTimetable timetable, Random random)
{
    /// <summary>Subjects assessed, and how many times in the month.</summary>
    private static readonly (string Subject, int Count)[] Plan =
    [
        ("FRAN", 2),
        ("PHILO", 2),
        ("MATHS", 2),
        ("HG", 1),
        ("ANG", 1),
        ("SVT", 1),
        ("PC", 1),
        ("EPS", 1),
        ("ESP", 1),
        ("ALL", 1),
        ("NSI", 1),
        ("SES", 1),
    ];

    /// <summary>The skill of the socle a subject's tests assess.</summary>
    private static readonly Dictionary<string, string> SkillOf = new()
    {
        ["FRAN"] = "D1.1",
        ["ANG"] = "D1.2",
        ["ESP"] = "D1.2",
        ["ALL"] = "D1.2",
        ["MATHS"] = "D1.3",
        ["EPS"] = "D1.4",
        ["SVT"] = "D4",
        ["PC"] = "D4",
        ["HG"] = "D5",
    };

    private readonly Dictionary<int, double> _level = [];

    public List<(Assessment Assessment, List<Grade> Grades)> Build(IReadOnlySet<int> schools)
    {
        var result = new List<(Assessment, List<Grade>)>();
        foreach (var audience in world.Classes.Concat(world.Groups).Where(a => schools.Contains(a.SchoolId)))
        {
            var mine = new List<(Assessment, List<Grade>)>();
            foreach (var (subject, count) in Plan)
            {
                var teaching = world.TeachingsOf(audience).FirstOrDefault(t => t.Subject == subject);
                if (teaching is null)
                    continue;
                var sessions = timetable
                    .Sessions(world.Calendar, teaching, world.Calendar.From, world.Calendar.Today.AddDays(-1))
                    .ToList();
                if (sessions.Count < 2)
                    continue;
                var topics = DemoCurriculum.Topics(subject, audience.Level);
                for (var n = 0; n < count; n++)
                {
                    // Spread over the month: one at about 60 % of it, or two at a third and near the end.
                    var index =
                        count == 1 ? sessions.Count * 3 / 5
                        : n == 0 ? sessions.Count / 3
                        : sessions.Count - 1 - random.Next(2);
                    var (day, lesson) = sessions[index];
                    var major = count == 1 || n == 1;
                    var scale = major || subject is "EPS" ? 20m : 10m;
                    var assessment = new Assessment
                    {
                        SchoolId = audience.SchoolId,
                        SchoolClassId = audience.ClassId,
                        TeachingGroupId = audience.GroupId,
                        SubjectId = teaching.SubjectId,
                        TeacherId = teaching.TeacherId,
                        Title = DemoCurriculum.AssessmentTitle(
                            subject,
                            topics[Math.Min(topics.Length - 1, index * topics.Length / sessions.Count)],
                            major
                        ),
                        Date = day,
                        Scale = scale,
                        Coefficient = major && subject is not ("EPS" or "ANG" or "ESP" or "ALL") ? 2 : 1,
                        CreatedAt = DemoWorld.Utc(day, lesson.StartsAt).AddDays(-2),
                        PublishedAt = DemoWorld.Utc(day.AddDays(3), new TimeOnly(18, 0)),
                        ParentsSeeAt = DemoWorld.Utc(day.AddDays(3), new TimeOnly(18, 0)),
                    };
                    mine.Add((assessment, GradesOf(assessment, audience.Students, subject)));
                }
            }
            // The latest of each class is still being marked: families do not see it yet (the most recent others wait
            // for their 18:00).
            if (mine.Count > 0 && audience.ClassId is not null && mine.MaxBy(m => m.Item1.Date) is var (latest, grades))
            {
                (latest.PublishedAt, latest.ParentsSeeAt) = (null, null);
                grades.RemoveAll(_ => random.NextDouble() < 0.4); // the teacher is half-way through the pile
            }
            result.AddRange(mine);
        }
        return result;
    }

    private List<Grade> GradesOf(Assessment assessment, IReadOnlyList<int> students, string subject)
    {
        var markedAt = DemoWorld.Utc(assessment.Date.AddDays(1 + random.Next(2)), new TimeOnly(20, 0));
        if (markedAt > world.Now)
            markedAt = world.Now;
        var grades = new List<Grade>();
        foreach (var student in students)
        {
            var roll = random.NextDouble();
            var grade = new Grade
            {
                Assessment = assessment,
                StudentId = student,
                UpdatedAt = markedAt,
            };
            if (subject == "EPS" && roll < 0.05)
                grade.Kind = GradeKind.Exempt;
            else if (roll > 0.96)
                grade.Kind = GradeKind.Absent;
            else
            {
                var on20 = Math.Clamp(LevelOf(student) + Gaussian() * 2.3, 1.5, 20);
                var mark = Math.Round((decimal)on20 * assessment.Scale / 20m * 2m, MidpointRounding.AwayFromZero) / 2m;
                (grade.Kind, grade.Value) = (GradeKind.Numeric, Math.Min(mark, assessment.Scale));
            }
            grades.Add(grade);
        }
        return grades;
    }

    /// <summary>
    /// The livret's judgements: each marked test of a subject that assesses a skill, level drawn from the mark; the
    /// technology teacher's digital skills besides.
    /// </summary>
    public List<SkillAssessment> Skills(
        IReadOnlyList<(Assessment Assessment, List<Grade> Grades)> marked,
        IReadOnlyDictionary<(int SchoolId, string Code), int> skills
    )
    {
        var judgements = new List<SkillAssessment>();
        var subjects = world.Teachings.DistinctBy(t => t.SubjectId).ToDictionary(t => t.SubjectId, t => t.Subject);
        foreach (var (assessment, grades) in marked)
        {
            var school = world.Schools.First(s => s.Id == assessment.SchoolId);
            // Only tests families already see: the booklet would otherwise tell a mark before its publication.
            if (
                !school.Runs(EntService.Skills)
                || !(assessment.PublishedAt <= world.Now)
                || !SkillOf.TryGetValue(subjects[assessment.SubjectId], out var code)
            )
                continue;
            judgements.AddRange(
                grades
                    .Where(g => g.Kind == GradeKind.Numeric)
                    .Select(g => new SkillAssessment
                    {
                        StudentId = g.StudentId,
                        SkillId = skills[(school.Id, code)],
                        TeacherId = assessment.TeacherId,
                        AssessmentId = assessment.Id,
                        Level = (g.Value!.Value * 20 / assessment.Scale) switch
                        {
                            >= 16 => MasteryLevel.VeryGood,
                            >= 12 => MasteryLevel.Satisfactory,
                            >= 8 => MasteryLevel.Fragile,
                            _ => MasteryLevel.Insufficient,
                        },
                        AssessedAt = g.UpdatedAt,
                    })
            );
        }
        foreach (
            var teaching in world.Teachings.Where(t =>
                t.Subject == "TECHNO" && world.Schools.First(s => s.Id == t.Audience.SchoolId).Runs(EntService.Skills)
            )
        )
        {
            if (
                timetable
                    .Sessions(world.Calendar, teaching, world.Calendar.From, world.Calendar.Today.AddDays(-1))
                    .LastOrDefault()
                is not
                ({ } day, { } lesson)
            )
                continue;
            foreach (var student in teaching.Audience.Students)
                judgements.Add(
                    new SkillAssessment
                    {
                        StudentId = student,
                        SkillId = skills[(teaching.Audience.SchoolId, "NUM.3")],
                        TeacherId = teaching.TeacherId,
                        Level = (MasteryLevel)Math.Clamp((int)Math.Round((LevelOf(student) - 4) / 4), 1, 4),
                        AssessedAt = DemoWorld.Utc(day, lesson.EndsAt),
                    }
                );
        }
        return judgements;
    }

    /// <summary>A student's usual level (/20), the same in every subject, give or take.</summary>
    private double LevelOf(int student)
    {
        if (!_level.TryGetValue(student, out var level))
            _level[student] = level = Math.Clamp(12.5 + Gaussian() * 3, 5, 18.5);
        return level;
    }

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>Order 60, after Skills (40): the year's terms, the month's marks, the skills its tests assess.</summary>
internal sealed class GradesDemoStep : IDemoStep
{
    public int Order => 60;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var schools = demo.Running(EntService.Grades);
        var terms = demo
            .World.Schools.Where(s => schools.Contains(s.Id))
            .SelectMany(s =>
                demo.Calendar.Terms.Select(t => new Term
                {
                    SchoolId = s.Id,
                    Name = t.Name,
                    StartsOn = t.From,
                    EndsOn = t.To,
                })
            );
        await DemoBulk.InsertAsync(demo.Db, terms, ct);
        var grades = new GradesDemo(demo.World, demo.Timetable, new Random(5));
        var marked = grades.Build(schools);
        await DemoBulk.InsertAsync(demo.Db, marked.Select(m => m.Assessment), ct);
        await DemoBulk.InsertAsync(demo.Db, marked.SelectMany(m => m.Grades), ct);
        await DemoBulk.InsertAsync(demo.Db, grades.Skills(marked, demo.Handover.SkillIds), ct);
    }
}
