using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Privacy;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// A whole class read at once (the marks grid, its CSV) is logged for each student in one insert; each entry carries
/// the student's établissement and the reader's function there, not the session's.
/// </summary>
public sealed class AccessLogClassTests : IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Subject _maths = default!;
    private Person _twoSchools = default!,
        _studentB = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_counter));
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        Person Member(string first, Profile profile, int schoolId)
        {
            var p = new Person
            {
                FirstName = first,
                LastName = "Test",
                UserName = first.ToLowerInvariant(),
                NormalizedUserName = first.ToUpperInvariant(),
            };
            p.Memberships.Add(new Membership { SchoolId = schoolId, Profiles = profile });
            db.Add(p);
            return p;
        }
        // A teacher in A who is the direction in B.
        _twoSchools = Member("Double", Profile.Teacher, _f.A.Id);
        _twoSchools.Memberships.Add(
            new Membership
            {
                SchoolId = _f.B.Id,
                Profiles = Profile.Staff,
                Functions = StaffFunction.Direction,
                Function = "Principal",
            }
        );
        _studentB = Member("StudentB", Profile.Student, _f.B.Id);
        db.Enrolments.Add(
            new Enrolment
            {
                Student = _studentB,
                SchoolClass = new SchoolClass
                {
                    SchoolId = _f.B.Id,
                    LevelId = 1,
                    Name = "6e1",
                },
            }
        );
        for (var i = 1; i < 30; i++)
            db.Enrolments.Add(
                new Enrolment { Student = Member($"Eleve{i}", Profile.Student, _f.A.Id), SchoolClassId = _f.ClassA.Id }
            );
        _maths = db.AddMaths(_f, _twoSchools);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private GradeService Grades => _database.Get<GradeService>();

    [Fact]
    public async Task TheGridAndTheCsvOfAClass_LogEachStudent_InOneInsert()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        var id = await Grades.NewMathsAssessmentAsync(_f, _maths);

        _counter.Reset();
        Assert.Equal(30, (await Grades.GridAsync(teacher, id)).Value!.Rows.Count);
        Assert.Equal(1, InsertsIntoTheLog());
        var entries = await EntriesAsync();
        Assert.Equal(30, entries.Count);
        Assert.All(entries, e => Assert.Equal(("teacher|Mathématiques", _f.A.Id), (e.ReaderFunction, e.SchoolId)));

        await Grades.GridAsync(teacher, id); // within the hour: nothing more
        _database.Clock.Advance(AccessLog.Window + TimeSpan.FromMinutes(1));
        _counter.Reset();
        Assert.True((await Grades.CsvAsync(teacher, id)).Succeeded);

        Assert.Equal(1, InsertsIntoTheLog());
        Assert.Equal(60, (await EntriesAsync()).Count);
    }

    [Fact]
    public async Task AReaderOfTwoSchools_IsLoggedWithEachStudentsSchool_AndWhatTheyAreThere()
    {
        var inA = new CurrentUser(_twoSchools.Id, "Double", _f.A.Id, Profile.Teacher); // signed in at A

        await using (var db = _database.NewContext())
            await AccessLog.RecordAsync(
                db,
                _database.Clock,
                inA,
                [_studentB.Id, _f.StudentA.Id],
                PersonalDataKind.Marks,
                default
            );

        var entries = (await EntriesAsync()).ToDictionary(e => e.StudentId);
        Assert.Equal(
            (_f.B.Id, "direction|Principal"),
            (entries[_studentB.Id].SchoolId, entries[_studentB.Id].ReaderFunction)
        );
        Assert.Equal(
            (_f.A.Id, "teacher|Mathématiques"),
            (entries[_f.StudentA.Id].SchoolId, entries[_f.StudentA.Id].ReaderFunction)
        );
    }

    private int InsertsIntoTheLog() =>
        _counter.Log.Split("\n---\n").Count(c => c.Contains("INSERT INTO \"DataAccessLog\"", StringComparison.Ordinal));

    private async Task<List<DataAccessEntry>> EntriesAsync()
    {
        await using var db = _database.NewContext();
        return await db.Set<DataAccessEntry>()
            .Where(e => e.ReaderId == _f.TeacherA.Id || e.ReaderId == _twoSchools.Id)
            .ToListAsync();
    }
}
