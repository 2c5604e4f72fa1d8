using Enoe.Data.Common;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed partial class GradeServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _classmate = default!,
        _third = default!,
        _otherTeacher = default!,
        _otherParent = default!;
    private Subject _maths = default!,
        _french = default!,
        _history = default!;
    private GradeService Grades => _database.Get<GradeService>();

    private CurrentUser As(Person p) => new(p.Id, p.FirstName, _f.A.Id, Profile.None);

    /// <summary>An assessment of 6eA in maths by its teacher, on <see cref="Day"/>, out of 20.</summary>
    private async Task<int> NewMathsAssessmentAsync(string title) =>
        (
            await Grades.CreateAsync(
                As(_f.TeacherA),
                new AssessmentDraft
                {
                    SchoolClassId = _f.ClassA.Id,
                    SubjectId = _maths.Id,
                    Title = title,
                    Date = Day,
                }
            )
        ).Value;

    private static readonly DateOnly Day = new(2026, 11, 16);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        Person P(string first, Profile profile)
        {
            var p = new Person
            {
                FirstName = first,
                LastName = first + "son",
                UserName = first.ToLowerInvariant(),
                NormalizedUserName = first.ToUpperInvariant(),
            };
            p.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = profile });
            return p;
        }
        (_classmate, _third, _otherTeacher, _otherParent) = (
            P("Bea", Profile.Student),
            P("Chloe", Profile.Student),
            P("Other", Profile.Teacher),
            P("Oparent", Profile.Parent)
        );
        _maths = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "MATHS",
            Name = "Mathématiques",
            Coefficient = 3,
        };
        _french = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "FRANC",
            Name = "Français",
            Coefficient = 2,
        };
        _history = new Subject
        {
            SchoolId = _f.A.Id,
            Code = "HG",
            Name = "Histoire-géographie",
            Coefficient = 1,
        };
        db.AddRange(_classmate, _third, _otherTeacher, _otherParent, _maths, _french, _history);
        db.Enrolments.AddRange(
            new Enrolment { Student = _classmate, SchoolClassId = _f.ClassA.Id },
            new Enrolment { Student = _third, SchoolClassId = _f.ClassA.Id }
        );
        db.Guardianships.Add(new Guardianship { Parent = _otherParent, Student = _classmate });
        db.TeachingAssignments.AddRange(
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = _maths,
                SchoolClassId = _f.ClassA.Id,
            },
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = _french,
                SchoolClassId = _f.ClassA.Id,
            },
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                Subject = _history,
                SchoolClassId = _f.ClassA.Id,
            }
        );
        db.Add(
            new Term
            {
                SchoolId = _f.A.Id,
                Name = "Trimestre 1",
                StartsOn = new(2026, 9, 1),
                EndsOn = new(2026, 11, 30),
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private async Task<int> AssessAsync(
        Subject subject,
        string title,
        decimal scale,
        decimal coefficient,
        params string[] marks
    )
    {
        var id = (
            await Grades.CreateAsync(
                As(_f.TeacherA),
                new AssessmentDraft
                {
                    SchoolClassId = _f.ClassA.Id,
                    SubjectId = subject.Id,
                    Title = title,
                    Date = Day,
                    Scale = scale,
                    Coefficient = coefficient,
                }
            )
        ).Value;
        // Rows in alphabetical order: Beason (classmate), Chloeson (third), Test (StudentA).
        var saved = await Grades.PasteAsync(As(_f.TeacherA), id, _classmate.Id, string.Join("\n", marks));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        await Grades.PublishAsync(As(_f.TeacherA), id, publish: true);
        return id;
    }

    [Fact]
    public async Task Averages_WeighGradesAndSubjects_LeaveOutAbsencesAndExemptions_AndRoundHalfAwayFromZero()
    {
        // StudentA is the third line of each paste.
        await AssessAsync(_maths, "Fractions", 20, 1, "8", "16,5", "12");
        await AssessAsync(_maths, "Équations", 20, 2, "10", "10", "15");
        await AssessAsync(_maths, "QCM", 10, 1, "5", "5", "7"); // 7/10 counts as 14/20
        await AssessAsync(_maths, "Devoir maison", 20, 3, "9", "9", "Abs"); // left out for StudentA
        await AssessAsync(_french, "Dictée", 20, 1, "11", "11", "13,5");
        await AssessAsync(_french, "Oral", 20, 1, "11", "11", "Disp");
        await AssessAsync(_history, "Carte", 20, 1, "10", "10", "12,34");
        await AssessAsync(_history, "Frise", 20, 1, "10", "10", "12,35");

        var report = (await Grades.ReportAsync(As(_f.StudentA))).Value!;

        Assert.Equal("Trimestre 1", report.Term!.Name);
        // (12×1 + 15×2 + 14×1) / 4
        Assert.Equal(14.00m, report.Subjects.Single(s => s.Subject == "Mathématiques").Average);
        Assert.Equal(13.50m, report.Subjects.Single(s => s.Subject == "Français").Average);
        // 12,345 → 12,35, not 12,34
        Assert.Equal(12.35m, report.Subjects.Single(s => s.Subject == "Histoire-géographie").Average);
        Assert.Equal(13.56m, report.General); // (14 × 3 + 13,5 × 2 + 12,35 × 1) / 6 = 13,5583…
        var fractions = report
            .Subjects.Single(s => s.Subject == "Mathématiques")
            .Grades.Single(m => m.Title == "Fractions");
        Assert.Equal(new ClassStats(8m, 16.5m, 12.17m, 3), fractions.Class); // mean 12,1666…
        Assert.Equal(
            "Abs",
            report
                .Subjects.Single(s => s.Subject == "Mathématiques")
                .Grades.Single(m => m.Title == "Devoir maison")
                .Cell
        );
        Assert.Equal([("Trimestre 1", (decimal?)13.56m)], report.History);
    }

    [Fact]
    public async Task GradesReachFamilies_OnlyOncePublished_AtTheSetHour()
    {
        var id = await NewMathsAssessmentAsync("Contrôle");
        await Grades.SaveCellAsync(As(_f.TeacherA), id, _f.StudentA.Id, "17");
        Assert.Empty((await Grades.ReportAsync(As(_f.StudentA))).Value!.Subjects);

        // Published for 18:00 Paris time (17:00 UTC in November); the fake clock says 9:00 UTC.
        Assert.True(
            (
                await Grades.PublishAsync(
                    As(_f.TeacherA),
                    id,
                    true,
                    new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc)
                )
            ).Succeeded
        );
        Assert.Empty((await Grades.ReportAsync(As(_f.StudentA))).Value!.Subjects);
        Assert.Empty((await Grades.LatestAsync(As(_f.ParentA), null)).Grades);
        // The direction reads before
        Assert.Single((await Grades.ReportAsync(As(_f.StaffA), _f.StudentA.Id)).Value!.Subjects);

        _database.Clock.Advance(TimeSpan.FromHours(8));
        Assert.Equal("17", (await Grades.ReportAsync(As(_f.StudentA))).Value!.Subjects.Single().Grades.Single().Cell);
        // The parents a day later, out of the quiet window: Friday 18:00's marks on Monday at 07:00 (06:00 UTC).
        Assert.Empty((await Grades.LatestAsync(As(_f.ParentA), null)).Grades);
        _database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
        Assert.Equal("17", (await Grades.LatestAsync(As(_f.ParentA), null)).Grades.Single().Cell);
    }

    [Fact]
    public async Task RightsMatrix()
    {
        var draft = new AssessmentDraft
        {
            SchoolClassId = _f.ClassA.Id,
            SubjectId = _maths.Id,
            Title = "Contrôle",
            Date = Day,
        };
        Assert.Equal(ResultKind.Forbidden, (await Grades.CreateAsync(As(_otherTeacher), draft)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Grades.CreateAsync(As(_f.StudentA), draft)).Kind);
        var id = await AssessAsync(_maths, "Contrôle", 20, 1, "10", "11", "12");
        Assert.Equal(
            ResultKind.Forbidden,
            (await Grades.SaveCellAsync(As(_otherTeacher), id, _f.StudentA.Id, "20")).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Grades.SaveCellAsync(As(_f.StudentA), id, _f.StudentA.Id, "20")).Kind
        );
        Assert.Equal(ResultKind.Forbidden, (await Grades.GridAsync(As(_f.StudentA), id)).Kind);
        // Not in the class
        Assert.Equal(ResultKind.Invalid, (await Grades.SaveCellAsync(As(_f.TeacherA), id, _f.StaffA.Id, "12")).Kind);

        // Their child, once the parents' delay has passed (Friday's marks: Monday)
        _database.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal("12", (await Grades.ReportAsync(As(_f.ParentA))).Value!.Subjects.Single().Grades.Single().Cell);
        // Not their child
        Assert.Equal(ResultKind.NotFound, (await Grades.ReportAsync(As(_f.ParentA), _classmate.Id)).Kind);
        Assert.Equal("10", (await Grades.ReportAsync(As(_otherParent))).Value!.Subjects.Single().Grades.Single().Cell);
        Assert.Equal(ResultKind.NotFound, (await Grades.ReportAsync(As(_f.StudentA), _classmate.Id)).Kind);
        Assert.Equal(
            ResultKind.NotFound,
            (await Grades.ReportAsync(new CurrentUser(_f.StaffB.Id, "B", _f.B.Id, Profile.Staff), _f.StudentA.Id)).Kind
        );
        Assert.Equal(
            ["BEASON Bea", "CHLOESON Chloe", "TEST StudentA"],
            (await Grades.StudentsForDirectionAsync(As(_f.StaffA), _f.ClassA.Id)).Select(s => s.Name)
        );
        Assert.Empty(await Grades.StudentsForDirectionAsync(As(_f.TeacherA), _f.ClassA.Id));
        Assert.Empty(
            await Grades.StudentsForDirectionAsync(
                new CurrentUser(_f.StaffB.Id, "B", _f.B.Id, Profile.Staff),
                _f.ClassA.Id
            )
        );
    }
}
