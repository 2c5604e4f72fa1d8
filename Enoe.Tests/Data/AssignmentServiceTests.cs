using Enoe.Data.Assignments;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.People;
using Enoe.Data.Storage;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class AssignmentServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _otherTeacher = default!,
        _otherStudent = default!,
        _otherParent = default!,
        _classmate = default!;
    private Subject _french = default!;
    private AssignmentService Assignments => _database.Get<AssignmentService>();
    private FileStore Files => _database.Get<FileStore>();

    private CurrentUser As(Person p) => new(p.Id, p.FirstName, _f.A.Id, Profile.None);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        Person P(string first, string last = "Test")
        {
            var p = new Person
            {
                FirstName = first,
                LastName = last,
                UserName = first.ToLowerInvariant(),
                NormalizedUserName = first.ToUpperInvariant(),
            };
            p.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = Profile.None });
            return p;
        }
        (_otherTeacher, _otherStudent, _otherParent, _classmate) = (
            P("OtherTeacher"),
            P("OtherStudent"),
            P("OtherParent"),
            P("Zoé", "Abadie")
        );
        var classB = new SchoolClass
        {
            SchoolId = _f.A.Id,
            LevelId = 1,
            Name = "6eB",
        };
        _french = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "FRANC",
            Name = "Français",
        };
        db.AddRange(_otherTeacher, _otherStudent, _otherParent, _classmate, classB, _french);
        db.Enrolments.AddRange(
            new Enrolment { Student = _otherStudent, SchoolClass = classB },
            new Enrolment { Student = _classmate, SchoolClassId = _f.ClassA.Id }
        );
        db.Guardianships.Add(new Guardianship { Parent = _otherParent, Student = _otherStudent });
        db.TeachingAssignments.AddRange(
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = _french,
                SchoolClassId = _f.ClassA.Id,
            },
            new TeachingAssignment
            {
                Teacher = _otherTeacher,
                Subject = _french,
                SchoolClass = classB,
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private DateTime InParis(int days, int hour = 18) =>
        Enoe.Data.Common.SchoolTime.ToLocal(_database.Clock.GetUtcNow().UtcDateTime).Date.AddDays(days).AddHours(hour);

    private async Task<int> SetAsync(bool acceptsLate = true)
    {
        var created = await Assignments.CreateAsync(
            As(_f.TeacherA),
            new AssignmentDraft
            {
                SchoolClassId = _f.ClassA.Id,
                SubjectId = _french.Id,
                Title = "Rédaction : mon héros",
                Instructions = "Une page, **au propre**.",
                DueLocal = InParis(2),
                AcceptsLate = acceptsLate,
            },
            [TestFiles.Pdf("sujet.pdf", "sujet")]
        );
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        return created.Value;
    }

    [Fact]
    public async Task OnlyATeacherOfTheClassAndSubject_SetsADevoir()
    {
        var draft = new AssignmentDraft
        {
            SchoolClassId = _f.ClassA.Id,
            SubjectId = _french.Id,
            Title = "Devoir",
            DueLocal = InParis(3),
        };
        Assert.Equal(ResultKind.Forbidden, (await Assignments.CreateAsync(As(_otherTeacher), draft, [])).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Assignments.CreateAsync(As(_f.StudentA), draft, [])).Kind);
        Assert.Equal(
            ResultKind.Invalid,
            (
                await Assignments.CreateAsync(
                    As(_f.TeacherA),
                    new AssignmentDraft
                    {
                        SchoolClassId = _f.ClassA.Id,
                        SubjectId = _french.Id,
                        Title = "Hier",
                        DueLocal = InParis(-1),
                    },
                    []
                )
            ).Kind
        );
        Assert.Equal(
            ResultKind.Invalid,
            (
                await Assignments.CreateAsync(
                    As(_f.TeacherA),
                    new AssignmentDraft
                    {
                        SchoolClassId = _f.ClassA.Id,
                        SubjectId = _french.Id,
                        Title = " ",
                        DueLocal = InParis(3),
                    },
                    []
                )
            ).Kind
        );
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.Assignments.CountAsync());
    }

    [Fact]
    public async Task ATeacherInTwoSchools_ListsTheDevoirsOfTheSchoolTheyWorkIn()
    {
        var two = await TeacherInTwoSchools.CreateAsync(_database, _f, "FRANC");
        var inA = await SetAsync();
        var inB = await Assignments.CreateAsync(
            two.InB,
            new AssignmentDraft
            {
                SchoolClassId = two.ClassB,
                SubjectId = two.SubjectB,
                Title = "Rédaction en B",
                DueLocal = InParis(3),
            },
            []
        );
        Assert.True(inB.Succeeded, string.Join(" ", inB.Errors));

        Assert.Equal([inA], (await Assignments.ListSetAsync(two.InA)).Select(a => a.Id));
        Assert.Equal([inB.Value], (await Assignments.ListSetAsync(two.InB)).Select(a => a.Id));
    }

    [Fact]
    public async Task ADevoirSetByMistake_IsDeletedWithItsFiles_ByItsTeacher_OnlyWhileNobodyHasHandedIn()
    {
        var id = await SetAsync();
        var filesOnDisk = TestFiles.FilesOnDisk(_database.Directory);
        Assert.Equal(ResultKind.Forbidden, (await Assignments.DeleteAsync(As(_otherTeacher), id)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Assignments.DeleteAsync(As(_f.StudentA), id)).Kind);

        Assert.True((await Assignments.DeleteAsync(As(_f.TeacherA), id)).Succeeded);
        await using (var db = _database.NewContext())
        {
            Assert.Equal(0, await db.Assignments.CountAsync());
            Assert.Equal(0, await db.StoredFiles.CountAsync());
        }
        Assert.Equal(filesOnDisk - 1, TestFiles.FilesOnDisk(_database.Directory));

        var handedIn = await SetAsync();
        Assert.True((await Assignments.HandInAsync(As(_f.StudentA), handedIn, [TestFiles.Pdf("copie.pdf")])).Succeeded);
        var refused = await Assignments.DeleteAsync(As(_f.TeacherA), handedIn);
        Assert.Equal(ResultKind.Invalid, refused.Kind);
        Assert.Contains("copies ont déjà été remises", refused.Errors[0]);
        Assert.Equal(
            SubmissionStatus.HandedIn,
            (await Assignments.GetAsync(As(_f.StudentA), handedIn)).Value!.LearnerRow!.Status
        ); // the student's work is still there
    }

    [Fact]
    public async Task AnEnglishReader_GetsTheDeadlineAndLateFoldersInEnglish()
    {
        var refusing = await SetAsync(acceptsLate: false);
        var accepting = await SetAsync(acceptsLate: true);
        _database.Clock.Advance(TimeSpan.FromDays(3));
        await Assignments.HandInAsync(As(_f.StudentA), accepting, [TestFiles.Pdf("copie.pdf")]);
        using (new InEnglish())
        {
            var refused = await Assignments.HandInAsync(As(_f.StudentA), refusing, [TestFiles.Pdf()]);
            var due = Enoe.Data.Common.SchoolTime.ToLocal(
                (await Assignments.GetAsync(As(_f.StudentA), refusing)).Value!.DueAt
            );
            Assert.Equal(
                $"The deadline ({due:dddd d MMMM} at {due:HH:mm}) has passed and this "
                    + "assignment does not accept late work: your work has not been handed in.",
                refused.Errors[0]
            );
            Assert.StartsWith("The deadline (Sunday 22 November at 18:00)", refused.Errors[0]);
            Assert.Equal(
                ["TEST StudentA (late)/copie.pdf"],
                (await Assignments.SubmissionsZipAsync(As(_f.TeacherA), accepting)).Value.Entries.Select(e =>
                    e.EntryName
                )
            );
        }
    }
}
