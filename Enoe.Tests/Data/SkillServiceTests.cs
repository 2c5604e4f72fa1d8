using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.Skills;
using Enoe.Data.Structure;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

public sealed class SkillServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private SkillService Skills => _database.Get<SkillService>();

    private CurrentUser As(Person p) => new(p.Id, p.FirstName, _f.A.Id, Profile.None);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
        await using var db = _database.NewContext();
        db.TeachingAssignments.Add(
            new TeachingAssignment
            {
                TeacherId = _f.TeacherA.Id,
                SchoolClassId = _f.ClassA.Id,
                Subject = new Subject
                {
                    SchoolId = _f.A.Id,
                    Code = "TECH",
                    Name = "Technologie",
                },
            }
        );
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task TheBooklet_ShowsEachSkillsLatestLevel_AndItsHistory()
    {
        var empty = (await Skills.BookletAsync(As(_f.StudentA))).Value!;
        Assert.Equal(["D1", "D2", "D3", "D4", "D5", "NUM"], empty.Domains.Select(d => d.Code));
        Assert.Equal((0, 13), (empty.Assessed, empty.Total));
        // The framework is made when a teacher opens the booklet to assess (a family's read writes nothing).
        var teachers = (await Skills.BookletAsync(As(_f.TeacherA), _f.StudentA.Id)).Value!;
        var coding = teachers.Domains.Single(d => d.Code == "NUM").Skills.Single(s => s.Code == "NUM.3").SkillId;

        Assert.True(
            (await Skills.AssessAsync(As(_f.TeacherA), _f.StudentA.Id, coding, MasteryLevel.Fragile)).Succeeded
        );
        _database.Clock.Advance(TimeSpan.FromDays(30));
        Assert.True(
            (await Skills.AssessAsync(As(_f.TeacherA), _f.StudentA.Id, coding, MasteryLevel.VeryGood)).Succeeded
        );

        var booklet = (await Skills.BookletAsync(As(_f.ParentA))).Value!;
        var skill = booklet.Domains.SelectMany(d => d.Skills).Single(s => s.SkillId == coding);
        Assert.Equal(MasteryLevel.VeryGood, skill.Latest);
        Assert.Equal([MasteryLevel.VeryGood, MasteryLevel.Fragile], skill.History.Select(h => h.Level));
        Assert.Equal((1, 1), (booklet.Assessed, booklet.AtLeast(MasteryLevel.Satisfactory)));
        var progress = (await Skills.ProgressAsync(As(_f.StudentA)))!;
        Assert.Equal(
            (13, 1, 1, 0),
            (
                progress.Total,
                progress.Assessed,
                progress.ByLevel[MasteryLevel.VeryGood],
                progress.ByLevel[MasteryLevel.Fragile]
            )
        );
    }

    [Fact]
    public async Task OnlyTheStudentsTeachers_Assess_AndOnlyTheirReaders_Read()
    {
        var skill = (await Skills.BookletAsync(As(_f.TeacherA), _f.StudentA.Id)).Value!.Domains[0].Skills[0].SkillId;
        Assert.Equal(
            ResultKind.Forbidden,
            (await Skills.AssessAsync(As(_f.StaffA), _f.StudentA.Id, skill, MasteryLevel.Satisfactory)).Kind
        );
        Assert.Equal(
            ResultKind.Forbidden,
            (await Skills.AssessAsync(As(_f.StudentA), _f.StudentA.Id, skill, MasteryLevel.VeryGood)).Kind
        );
        Assert.Equal(
            ResultKind.Invalid,
            (await Skills.AssessAsync(As(_f.TeacherA), _f.StudentA.Id, skill, (MasteryLevel)7)).Kind
        );
        Assert.Equal(
            ResultKind.NotFound,
            (
                await Skills.AssessAsync(
                    As(_f.TeacherA),
                    _f.StudentA.Id,
                    skill,
                    MasteryLevel.Fragile,
                    assessmentId: 999
                )
            ).Kind
        );

        Assert.True((await Skills.BookletAsync(As(_f.TeacherA), _f.StudentA.Id)).Succeeded);
        Assert.True((await Skills.BookletAsync(As(_f.StaffA), _f.StudentA.Id)).Succeeded);
        Assert.Equal(
            ResultKind.NotFound,
            (await Skills.BookletAsync(new CurrentUser(_f.StaffB.Id, "B", _f.B.Id, Profile.Staff), _f.StudentA.Id)).Kind
        );
        // Not a student
        Assert.Equal(ResultKind.NotFound, (await Skills.BookletAsync(As(_f.AdminA), _f.ParentA.Id)).Kind);
    }
}
