using System.Diagnostics;
using Enoe.Bench.SchoolLife;
using Enoe.Data;
using Enoe.Data.Database;
using Enoe.Data.Grades;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Bench.Delivery;

/// <summary>
/// One établissement in a migrated SQLite database: classes of 30 students, each with two parents, a teacher of the
/// first class, the direction; and the deliveries timed over it.
/// </summary>
public sealed class BenchSchool : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateTempSubdirectory("enoe-bench-delivery-");
    private readonly Counter _counter = new();
    private readonly BenchClock _clock = new();
    private ServiceProvider _services = default!;
    private CurrentUser _direction = default!,
        _teacher = default!;
    private int _schoolId,
        _classId,
        _subjectId;
    private List<int> _firstClass = [];

    public int Parents { get; private set; }

    public static async Task<BenchSchool> CreateAsync(int classes)
    {
        var school = new BenchSchool();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IInterceptor>(school._counter);
        services.AddSingleton<TimeProvider>(school._clock);
        services.AddEnoeData(school._folder.FullName);
        school._services = services.BuildServiceProvider();
        await school._services.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        await school.FillAsync(classes);
        return school;
    }

    private async Task FillAsync(int classes)
    {
        await using var db = await _services
            .GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        var school = new School
        {
            Academy = new Academy { Name = "Académie du banc d'essai" },
            Slug = "college-banc",
            Name = "Collège du banc d'essai",
            Uai = Uai.Create("0259998"),
            Kind = SchoolKind.College,
        };
        var maths = new Subject
        {
            School = school,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        db.AddRange(school, maths);
        var n = 0;
        Person P(Profile profile, StaffFunction functions = default)
        {
            var person = new Person
            {
                FirstName = "P" + ++n,
                LastName = "Banc",
                UserName = "p" + n,
                NormalizedUserName = "P" + n,
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
        var direction = P(Profile.Staff, StaffFunction.Direction);
        var teacher = P(Profile.Teacher);
        db.AddRange(direction, teacher);
        var first = new List<Person>();
        for (var c = 0; c < classes; c++)
        {
            var schoolClass = new SchoolClass
            {
                School = school,
                LevelId = 1 + c % 4,
                Name = $"C{c}",
            };
            if (c == 0)
                db.TeachingAssignments.Add(
                    new TeachingAssignment
                    {
                        Teacher = teacher,
                        SchoolClass = schoolClass,
                        Subject = maths,
                    }
                );
            for (var s = 0; s < 30; s++)
            {
                var student = P(Profile.Student);
                db.Enrolments.Add(new Enrolment { Student = student, SchoolClass = schoolClass });
                foreach (var parent in new[] { P(Profile.Parent), P(Profile.Parent) })
                    db.Guardianships.Add(new Guardianship { Parent = parent, Student = student });
                Parents += 2;
                if (c == 0)
                    first.Add(student);
            }
        }
        await db.SaveChangesAsync();
        (_schoolId, _subjectId) = (school.Id, maths.Id);
        _classId = await db.Classes.Where(c => c.Name == "C0").Select(c => c.Id).SingleAsync();
        _firstClass = [.. first.Select(p => p.Id)];
        _direction = new(direction.Id, "Direction", school.Id, Profile.Staff);
        _teacher = new(teacher.Id, "Professeur", school.Id, Profile.Teacher);
    }

    /// <summary>Sets the bench's clock to <paramref name="local"/> (Paris time).</summary>
    public void At(DateTime local) => _clock.Now = new(Enoe.Data.Common.SchoolTime.ToUtc(local), TimeSpan.Zero);

    /// <summary>An assessment of the first class, every student marked: what publishing it costs is timed.</summary>
    public async Task<int> MarkedAssessmentAsync()
    {
        var grades = _services.GetRequiredService<GradeService>();
        var id = (
            await grades.CreateAsync(
                _teacher,
                new AssessmentDraft
                {
                    SchoolClassId = _classId,
                    SubjectId = _subjectId,
                    Title = "Contrôle",
                    Date = DateOnly.FromDateTime(_clock.Now.UtcDateTime),
                }
            )
        ).Value;
        foreach (var student in _firstClass)
            await grades.SaveCellAsync(_teacher, id, student, "12");
        return id;
    }

    public Task<Step> PublishAsync(int assessmentId) =>
        TimeAsync(() => _services.GetRequiredService<GradeService>().PublishAsync(_teacher, assessmentId, true));

    /// <summary>
    /// The send and the delivery after it (copies, notifications, the event), as the recipients wait.
    /// </summary>
    public Task<Step> MemoToEveryParentAsync() =>
        TimeAsync(async () =>
        {
            var memos = _services.GetRequiredService<MemoService>();
            var sent = await memos.SendAsync(
                _direction,
                new MemoDraft
                {
                    To = [new(AudienceKind.Profile, (int)Profile.Parent, "Tous les parents")],
                    Subject = "Réunion",
                    Body = "Jeudi à 18 h.",
                },
                []
            );
            await memos.WhenDeliveredAsync();
            return sent;
        });

    public Task<Step> ReleaseAsync() =>
        TimeAsync(async () =>
        {
            await _services.GetRequiredService<HeldReleases>().ReleaseDueAsync();
            return Enoe.Data.Common.Result.Ok();
        });

    private async Task<Step> TimeAsync(Func<Task<Enoe.Data.Common.Result>> work)
    {
        var before = await NotificationsAsync();
        _counter.Reset();
        var clock = Stopwatch.StartNew();
        var result = await work();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var commands = _counter.Count;
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors));
        return new(elapsed, commands, await NotificationsAsync() - before);
    }

    private async Task<int> NotificationsAsync()
    {
        await using var db = await _services
            .GetRequiredService<IDbContextFactory<EnoeDbContext>>()
            .CreateDbContextAsync();
        return await db.Set<Notification>().CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}

/// <summary>One timed step: its time, the commands it sent, the notifications it wrote.</summary>
public sealed record Step(double Milliseconds, int Commands, int Notifications);
