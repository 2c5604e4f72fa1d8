using System.Diagnostics;
using System.Text;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.People;
using Enoe.Data.SchoolLife;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Enoe.Data.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Bench.SchoolLife;

/// <summary>One big établissement in a migrated database, its direction, and the steps timed over it.</summary>
public sealed partial class BenchSchool : IAsyncDisposable
{
    private static readonly string[] Subjects =
    [
        "FRAN",
        "MATHS",
        "HG",
        "ANG",
        "ESP",
        "SVT",
        "PC",
        "TECHNO",
        "EPS",
        "AP",
        "MUS",
        "LATIN",
    ];

    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("enoe-bench-school-life-");
    private readonly Counter _counter = new();
    private ServiceProvider _services = default!;
    private CurrentUser _direction = default!;
    private int _schoolId;
    private List<int> _teacherIds = [];

    public int Classes { get; private init; }
    public int Students { get; private set; }
    public int Teachers => _teacherIds.Count;

    public static async Task<BenchSchool> CreateAsync(int classes, int studentsPerClass)
    {
        var school = new BenchSchool { Classes = classes };
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IInterceptor>(school._counter);
        // The bench's day (last week's Monday) at 15:00 UTC: every lesson of it has begun.
        school._day = SchoolWeeks.MondayOf(DateOnly.FromDateTime(DateTime.UtcNow)).AddDays(-7);
        var at = new DateTimeOffset(school._day.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
        services.AddSingleton<TimeProvider>(new StandingClock(at));
        services.AddEnoeData(school._folder.FullName);
        AddDeskServices(services, school);
        school._services = services.BuildServiceProvider();
        await school._services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        await school.FillAsync(studentsPerClass);
        return school;
    }

    private async Task FillAsync(int studentsPerClass)
    {
        await using var db = await NewContextAsync();
        var school = new School
        {
            Academy = new Academy { Name = "Académie du banc d'essai" },
            Slug = "college-banc",
            Name = "Collège du banc d'essai",
            Uai = Uai.Create("0259999"),
            Kind = SchoolKind.College,
        };
        db.Add(school);
        db.AddRange(
            Subjects.Select(code => new Subject
            {
                School = school,
                Code = code,
                Name = code,
            })
        );
        Person P(string first, string last, Profile profile, StaffFunction functions = default)
        {
            var person = new Person
            {
                FirstName = first,
                LastName = last,
                UserName = $"{first}.{last}".ToLowerInvariant(),
            };
            person.Memberships.Add(
                new Membership
                {
                    School = school,
                    Profiles = profile,
                    Functions = functions,
                }
            );
            return person;
        }
        var cpe = P("Cpe", "Banc", Profile.Staff, StaffFunction.Cpe | StaffFunction.Direction);
        db.Add(cpe);
        // 12 subjects × one teacher per block of 12 classes: nobody is ever in two lessons at once (see the file).
        var teachers = Enumerable
            .Range(0, Subjects.Length * ((Classes + 11) / 12))
            .Select(i => P("Prof", $"T{i:000}", Profile.Teacher))
            .ToList();
        db.AddRange(teachers);
        for (var c = 0; c < Classes; c++)
        {
            var schoolClass = new SchoolClass
            {
                School = school,
                LevelId = 1 + c % 4,
                Name = $"C{c:00}",
            };
            db.Add(schoolClass);
            for (var s = 0; s < studentsPerClass; s++)
                db.Add(
                    new Enrolment
                    {
                        Student = P("Eleve", $"C{c:00}S{s:00}", Profile.Student),
                        SchoolClass = schoolClass,
                    }
                );
        }
        await db.SaveChangesAsync();
        Students = Classes * studentsPerClass;
        _schoolId = school.Id;
        _teacherIds = [.. teachers.Select(t => t.Id)];
        _direction = new CurrentUser(cpe.Id, "Cpe", school.Id, Profile.Staff);
    }

    /// <summary>
    /// 33 lessons a week per class on M1–S4, Wednesday afternoon free: class c has subject (cell + c) mod 12 in each
    /// cell, taught by that subject's teacher of c's block of 12 classes.
    /// </summary>
    public (byte[] Bytes, int Lessons) TimetableFile()
    {
        string[] days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi"];
        string[] slots = ["M1", "M2", "M3", "M4", "S1", "S2", "S3", "S4"];
        var cells = days.SelectMany((d, i) => slots.Select(s => (Day: d, Slot: s)))
            .Where(c => !(c.Day == "mercredi" && c.Slot[0] == 'S'))
            .Take(33)
            .ToList();
        var text = new StringBuilder(TimetableCsv.Header).Append("\r\n");
        var lessons = 0;
        for (var c = 0; c < Classes; c++)
        for (var k = 0; k < cells.Count; k++)
        {
            var s = (k + c) % Subjects.Length;
            var teacher = $"prof.t{s * ((Classes + 11) / 12) + c / 12:000}";
            text.Append($"{cells[k].Day};{cells[k].Slot};C{c:00};;{Subjects[s]};{teacher};Salle {c:00};;;\r\n");
            lessons++;
        }
        return (Encoding.UTF8.GetBytes(text.ToString()), lessons);
    }

    public async Task<int> PreviewAsync(byte[] file) =>
        Check(await Get<TimetableImport>().PreviewAsync(_direction, file));

    public async Task<int> ImportAsync(byte[] file) => Check(await Get<TimetableImport>().ApplyAsync(_direction, file));

    private static int Check(Enoe.Data.Common.Result<TimetablePlan> plan) =>
        plan.Succeeded && plan.Value!.Valid
            ? plan.Value.Lessons
            : throw new InvalidOperationException(string.Join("\n", plan.Errors.Concat(plan.Value?.Errors ?? [])));

    /// <summary>
    /// The last Monday (a school day: no holidays in this database): <paramref name="count"/> absences at its lessons.
    /// </summary>
    public async Task<int> AbsencesAsync(int count)
    {
        var day = _day;
        await using var db = await NewContextAsync();
        var lessons = await db.Set<Lesson>()
            .Where(l => l.SchoolId == _schoolId && l.Day == DayOfWeek.Monday)
            .ToListAsync();
        var random = new Random(22);
        var now = DateTime.UtcNow;
        foreach (var lesson in lessons.Where((_, i) => i % 2 == 0))
            db.Add(
                new RollCall
                {
                    LessonId = lesson.Id,
                    Date = day,
                    TakenById = lesson.TeacherId,
                    TakenAt = now,
                    Completed = true,
                }
            );
        var added = new HashSet<(int, int)>();
        while (added.Count < count)
        {
            var lesson = lessons[random.Next(lessons.Count)];
            var student = await db
                .Enrolments.Where(e => e.SchoolClassId == lesson.SchoolClassId)
                .Select(e => e.StudentId)
                .Skip(random.Next(20))
                .FirstAsync();
            if (!added.Add((lesson.Id, student)))
                continue;
            var late = added.Count % 4 == 0;
            db.Add(
                new Absence
                {
                    SchoolId = _schoolId,
                    StudentId = student,
                    LessonId = lesson.Id,
                    Kind = late ? AttendanceKind.Lateness : AttendanceKind.Absence,
                    MinutesLate = late ? 10 : null,
                    Date = day,
                    StartsAt = lesson.StartsAt,
                    EndsAt = lesson.EndsAt,
                    RecordedById = lesson.TeacherId,
                    RecordedAt = now,
                }
            );
        }
        await db.SaveChangesAsync();
        return added.Count;
    }

    private DateOnly _day;

    /// <summary>The CPE's day, once; the commands it sent.</summary>
    public async Task<int> CpeDayAsync()
    {
        _counter.Reset();
        var day = await Get<AttendanceService>().DayAsync(_direction, _day);
        if (!day.Succeeded || day.Value!.Absences.Count == 0)
            throw new InvalidOperationException(string.Join(" ", day.Errors));
        return _counter.Count;
    }

    public async Task TimeOnceAsync(string step, Func<Task<int>> run)
    {
        _counter.Reset();
        var clock = Stopwatch.StartNew();
        await run();
        Console.WriteLine($"{step, -60} {clock.Elapsed.TotalMilliseconds, 8:0} {_counter.Count, 9}");
    }

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private Task<EnoeDbContext> NewContextAsync() =>
        _services.GetRequiredService<IDbContextFactory<EnoeDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
