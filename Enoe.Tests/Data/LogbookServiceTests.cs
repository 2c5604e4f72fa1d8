using Enoe.Data.Common;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class LogbookServiceTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _otherTeacher = default!,
        _otherStudent = default!,
        _otherParent = default!;
    private SchoolClass _classB = default!;
    private Subject _maths = default!;
    private LogbookService Logbook => _database.Get<LogbookService>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        Person P(string name, Profile profile)
        {
            var p = new Person
            {
                FirstName = name,
                LastName = "Test",
                UserName = name.ToLowerInvariant(),
                NormalizedUserName = name.ToUpperInvariant(),
            };
            p.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = profile });
            return p;
        }
        (_otherTeacher, _otherStudent, _otherParent) = (
            P("OtherTeacher", Profile.Teacher),
            P("OtherStudent", Profile.Student),
            P("OtherParent", Profile.Parent)
        );
        _classB = new SchoolClass
        {
            SchoolId = _f.A.Id,
            LevelId = 1,
            Name = "6eB",
        };
        _maths = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
        };
        db.AddRange(_otherTeacher, _otherStudent, _otherParent, _classB, _maths);
        db.Enrolments.Add(new Enrolment { Student = _otherStudent, SchoolClass = _classB });
        db.Guardianships.Add(new Guardianship { Parent = _otherParent, Student = _otherStudent });
        db.TeachingAssignments.AddRange(
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = _maths,
                SchoolClassId = _f.ClassA.Id,
            },
            new TeachingAssignment
            {
                Teacher = _otherTeacher,
                Subject = _maths,
                SchoolClass = _classB,
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private CurrentUser As(Person p) => new(p.Id, p.FirstName, _f.A.Id, Profile.None);

    private LogbookDraft Draft(
        string content = "Fractions : chapitre 3",
        string? homework = "Exercices 4 à 7 p. 52",
        int? classId = null
    ) =>
        new()
        {
            SchoolClassId = classId ?? _f.ClassA.Id,
            SubjectId = _maths.Id,
            SessionDate = Monday,
            StartsAt = new(8, 30),
            EndsAt = new(9, 25),
            Content = content,
            Homework = homework,
            HomeworkDueDate = homework is null ? null : Monday.AddDays(2),
            HomeworkMinutes = 30,
        };

    [Fact]
    public async Task RightsMatrix_WhoWritesAndWhoReads()
    {
        var saved = await Logbook.SaveAsync(As(_f.TeacherA), Draft());
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        // Teaches maths, not in 6eA
        Assert.Equal(ResultKind.Forbidden, (await Logbook.SaveAsync(As(_otherTeacher), Draft())).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Logbook.SaveAsync(As(_f.StudentA), Draft())).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Logbook.SaveAsync(As(_f.StaffA), Draft())).Kind);

        async Task<int> Visible(Person p) => (await Logbook.ListAsync(As(p), Monday, Monday.AddDays(6))).Count;
        Assert.Equal(1, await Visible(_f.TeacherA));
        Assert.Equal(1, await Visible(_f.StudentA));
        Assert.Equal(1, await Visible(_f.ParentA));
        Assert.Equal(1, await Visible(_f.StaffA)); // the direction reads every class of its school
        Assert.Equal(0, await Visible(_otherTeacher));
        Assert.Equal(0, await Visible(_otherStudent));
        Assert.Equal(0, await Visible(_otherParent));
        Assert.Equal(0, await Visible(_f.StaffB)); // another school's staff
    }

    [Fact]
    public async Task ForgedUpdate_CannotMoveAnEntryToAnotherClass()
    {
        var created = (await Logbook.SaveAsync(As(_f.TeacherA), Draft())).Value!;
        var forged = Draft("Modifié");
        (forged.Id, forged.Version, forged.SchoolClassId) = (created.Id, created.Version, _classB.Id);
        Assert.True((await Logbook.SaveAsync(As(_f.TeacherA), forged)).Succeeded);
        await using var db = _database.NewContext();
        Assert.Equal(_f.ClassA.Id, (await db.LogbookEntries.SingleAsync()).SchoolClassId);
        Assert.Equal(ResultKind.Forbidden, (await Logbook.SaveAsync(As(_otherTeacher), forged)).Kind);
    }

    [Fact]
    public async Task CoTeachers_SecondSaveGetsAConflict_WithTheOtherVersion_AndHistoryKeepsEverything()
    {
        await using (var db = _database.NewContext())
        {
            db.TeachingAssignments.Add(
                new TeachingAssignment
                {
                    TeacherId = _otherTeacher.Id,
                    SubjectId = _maths.Id,
                    SchoolClassId = _f.ClassA.Id,
                }
            );
            await db.SaveChangesAsync();
        }
        var created = (await Logbook.SaveAsync(As(_f.TeacherA), Draft("Version 1"))).Value!;
        var mine = Draft("Version de A");
        (mine.Id, mine.Version) = (created.Id, created.Version);
        var theirs = Draft("Version de B");
        (theirs.Id, theirs.Version) = (created.Id, created.Version);

        Assert.True((await Logbook.SaveAsync(As(_f.TeacherA), mine)).Succeeded);
        var conflict = await Logbook.SaveAsync(As(_otherTeacher), theirs);
        Assert.Equal(ResultKind.Conflict, conflict.Kind);
        Assert.Equal("Version de A", conflict.Value!.Content); // theirs to compare with
        Assert.Equal("Version de B", theirs.Content); // the caller's text is untouched

        var history = (await Logbook.HistoryAsync(As(_f.StaffA), created.Id)).Value!;
        Assert.Equal(["Version 1"], history.Select(h => h.Content));
        Assert.Equal(ResultKind.Forbidden, (await Logbook.HistoryAsync(As(_f.StudentA), created.Id)).Kind);
    }

    [Fact]
    public async Task SoftDelete_HidesFromFamiliesAndTeachers_ButNotFromTheDirection()
    {
        var created = (await Logbook.SaveAsync(As(_f.TeacherA), Draft())).Value!;
        Assert.Equal(
            ResultKind.Forbidden,
            (await Logbook.DeleteAsync(As(_otherTeacher), created.Id, created.Version)).Kind
        );
        Assert.True((await Logbook.DeleteAsync(As(_f.TeacherA), created.Id, created.Version)).Succeeded);
        Assert.Empty(await Logbook.ListAsync(As(_f.StudentA), Monday, Monday.AddDays(6)));
        Assert.Empty(await Logbook.ListAsync(As(_f.TeacherA), Monday, Monday.AddDays(6)));
        var direction = Assert.Single(await Logbook.ListAsync(As(_f.StaffA), Monday, Monday.AddDays(6)));
        Assert.True(direction.Deleted);
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.LogbookEntries.CountAsync()); // nothing is ever lost
    }

    [Theory]
    [InlineData("", null, "Écrivez le contenu de la séance ou le travail à faire.")]
    [InlineData("Cours", "Exercice", "Le travail ne peut pas être dû avant la séance.")]
    public async Task InvalidEntries_GetFrenchMessages_AndNothingIsWritten(
        string content,
        string? homework,
        string message
    )
    {
        var draft = Draft(content, homework);
        if (homework is not null)
            draft.HomeworkDueDate = Monday.AddDays(-1);
        var result = await Logbook.SaveAsync(As(_f.TeacherA), draft);
        Assert.Contains(message, result.Errors);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.LogbookEntries.CountAsync());
    }

    [Fact]
    public async Task Undo_RestoresADeletedLesson_ForItsTeachersOnly()
    {
        var created = (await Logbook.SaveAsync(As(_f.TeacherA), Draft())).Value!;
        Assert.True((await Logbook.DeleteAsync(As(_f.TeacherA), created.Id, created.Version)).Succeeded);

        Assert.Equal(ResultKind.Forbidden, (await Logbook.RestoreAsync(As(_otherTeacher), created.Id)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Logbook.RestoreAsync(As(_f.StudentA), created.Id)).Kind);
        // The direction reads, it does not write
        Assert.Equal(ResultKind.Forbidden, (await Logbook.RestoreAsync(As(_f.StaffA), created.Id)).Kind);
        Assert.Empty(await Logbook.ListAsync(As(_f.StudentA), Monday, Monday.AddDays(6)));

        Assert.True((await Logbook.RestoreAsync(As(_f.TeacherA), created.Id)).Succeeded);
        var back = Assert.Single(await Logbook.ListAsync(As(_f.StudentA), Monday, Monday.AddDays(6)));
        Assert.Equal(("Fractions : chapitre 3", false), (back.Content, back.Deleted));
        // Not deleted any more
        Assert.Equal(ResultKind.Invalid, (await Logbook.RestoreAsync(As(_f.TeacherA), created.Id)).Kind);
        // Restored under a new version: a tab still holding the deleted one cannot overwrite it silently.
        Assert.Equal(ResultKind.Conflict, (await Logbook.SaveAsync(As(_f.TeacherA), LogbookDraft.From(created))).Kind);
    }

    [Fact]
    public async Task ATeacherInTwoSchools_ReadsTheCarnetOfTheSchoolTheyWorkIn()
    {
        var two = await TeacherInTwoSchools.CreateAsync(_database, _f);
        Assert.True((await Logbook.SaveAsync(two.InA, Draft("En A"))).Succeeded);
        var inB = Draft("En B");
        (inB.SchoolClassId, inB.SubjectId) = (two.ClassB, two.SubjectB);
        Assert.True((await Logbook.SaveAsync(two.InB, inB)).Succeeded);

        Assert.Equal(["En A"], (await Logbook.ListAsync(two.InA, Monday, Monday.AddDays(6))).Select(e => e.Content));
        Assert.Equal(["En B"], (await Logbook.ListAsync(two.InB, Monday, Monday.AddDays(6))).Select(e => e.Content));
        Assert.Equal(["6eA"], (await Logbook.AudiencesAsync(two.InB)).Select(a => a.Name));
    }

    [Fact]
    public async Task AnEnglishReader_GetsTheMessagesInEnglish()
    {
        using (new InEnglish())
        {
            var invalid = await Logbook.SaveAsync(As(_f.TeacherA), Draft(content: "", homework: null));
            Assert.Equal(["Write what the lesson covered or the homework."], invalid.Errors);
            var forbidden = await Logbook.SaveAsync(As(_otherTeacher), Draft());
            Assert.Equal(["You do not teach this subject in this class or group."], forbidden.Errors);
        }
    }
}
