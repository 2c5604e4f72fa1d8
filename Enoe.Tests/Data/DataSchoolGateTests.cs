using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Data.Skills;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// A service's switch is the switch of the établissement its data belongs to, not of the session: ParentA works in
/// college-a, her second child StudentB is at college-b.
/// </summary>
public sealed class DataSchoolGateTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _child = default!;
    private CurrentUser ParentInA => new(_f.ParentA.Id, "ParentA", _f.A.Id, Profile.Parent);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        SchoolClass classB;
        (_child, classB) = await _f.AddAtSchoolBAsync(_database);
        await using var db = _database.NewContext();
        var teacherB = new Person
        {
            FirstName = "TeacherB",
            LastName = "Test",
            UserName = "teacherb",
            NormalizedUserName = "TEACHERB",
        };
        var maths = new Subject
        {
            SchoolId = _f.B.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        var now = _database.Clock.GetUtcNow().UtcDateTime;
        db.AddRange(teacherB, maths);
        await db.SaveChangesAsync();
        db.Add(
            new Assignment
            {
                SchoolId = _f.B.Id,
                SchoolClassId = classB.Id,
                Subject = maths,
                Teacher = teacherB,
                Title = "Exercices",
                DueAt = now.AddDays(3),
                CreatedAt = now,
            }
        );
        db.Add(
            new LogbookEntry
            {
                SchoolId = _f.B.Id,
                SchoolClassId = classB.Id,
                Subject = maths,
                SessionDate = new(2026, 11, 19),
                StartsAt = new(8, 0),
                EndsAt = new(9, 0),
                Content = "Les fractions",
                CreatedAt = now,
                CreatedById = teacherB.Id,
                UpdatedAt = now,
                UpdatedById = teacherB.Id,
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task SwitchAtBAsync(EntService service, bool on)
    {
        await using var db = _database.NewContext();
        await db.SwitchAsync(_f.B.Id, service, on);
        await _database.Get<ServiceAccess>().ChangedAsync(_f.B.Id);
    }

    [Fact]
    public async Task TheLivret_OfAChildWhoseSchoolSwitchedCompetencesOff_IsRefused_AndTheReadWritesNothing()
    {
        var skills = _database.Get<SkillService>();
        await SwitchAtBAsync(EntService.Skills, on: false);

        var booklet = await skills.BookletAsync(ParentInA, _child.Id);
        Assert.Equal(ResultKind.Forbidden, booklet.Kind);
        Assert.True(ServiceAccess.IsGateRefusal(booklet));
        Assert.Null(await skills.ProgressAsync(ParentInA, _child.Id));
        await using (var db = _database.NewContext())
            Assert.False(await db.Set<SkillDomain>().AnyAsync(d => d.SchoolId == _f.B.Id));

        // Where it runs, the family reads the booklet, and still nothing is written by the read.
        await SwitchAtBAsync(EntService.Skills, on: true);
        Assert.Equal(13, (await skills.BookletAsync(ParentInA, _child.Id)).Value!.Total);
        await using (var db = _database.NewContext())
            Assert.False(await db.Set<SkillDomain>().AnyAsync(d => d.SchoolId == _f.B.Id));
    }

    [Fact]
    public async Task TheChildsSchool_Decides_EvenWhenTheSessionsSchoolRunsTheServiceOrNot()
    {
        var skills = _database.Get<SkillService>();
        await using (var db = _database.NewContext())
            await db.SwitchAsync(_f.A.Id, EntService.Skills, on: false);
        await _database.Get<ServiceAccess>().ChangedAsync(_f.A.Id);
        Assert.True((await skills.BookletAsync(ParentInA, _child.Id)).Succeeded);
        Assert.Equal(ResultKind.Forbidden, (await skills.BookletAsync(ParentInA, _f.StudentA.Id)).Kind);
    }

    [Fact]
    public async Task Marks_OfAChildWhoseSchoolSwitchedNotesOff_AreRefused()
    {
        var grades = _database.Get<GradeService>();
        Assert.True((await grades.ReportAsync(ParentInA, _child.Id)).Succeeded);
        await SwitchAtBAsync(EntService.Grades, on: false);
        Assert.Equal(ResultKind.Forbidden, (await grades.ReportAsync(ParentInA, _child.Id)).Kind);
        Assert.Null((await grades.LatestAsync(ParentInA, _child.Id)).StudentId);
    }

    [Fact]
    public async Task Devoirs_OfAChildWhoseSchoolSwitchedThemOff_AreNeitherListedNorOpened()
    {
        var assignments = _database.Get<AssignmentService>();
        var listed = Assert.Single(await assignments.ListForLearnerAsync(ParentInA, _child.Id));
        Assert.True((await assignments.GetAsync(ParentInA, listed.Id, _child.Id)).Succeeded);

        await SwitchAtBAsync(EntService.Documents, on: false);
        Assert.Empty(await assignments.ListForLearnerAsync(ParentInA, _child.Id));
        Assert.Equal(ResultKind.Forbidden, (await assignments.GetAsync(ParentInA, listed.Id, _child.Id)).Kind);
    }

    [Fact]
    public async Task TheCarnet_OfAChildWhoseSchoolSwitchedItOff_IsNotListed()
    {
        var logbook = _database.Get<LogbookService>();
        DateOnly from = new(2026, 11, 16),
            to = new(2026, 11, 22);
        Assert.Single(await logbook.ListAsync(ParentInA, from, to, studentId: _child.Id));
        await SwitchAtBAsync(EntService.Logbook, on: false);
        Assert.Empty(await logbook.ListAsync(ParentInA, from, to, studentId: _child.Id));
    }
}
