using Bunit;
using Enoe.Data.Grades;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Grades;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Components;

public sealed class GradeGridTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _classmate = default!;
    private int _assessment;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => Enoe.Widgets.WidgetsServiceCollectionExtensions.AddEnoeWidgets(s));
        _f = await TwoSchools.CreateAsync(_database);
        await using (var db = _database.NewContext())
        {
            _classmate = new Person { FirstName = "Anna", LastName = "Abel", UserName = "anna", NormalizedUserName = "ANNA" };
            _classmate.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = Profile.Student });
            var maths = new Subject { SchoolId = _f.A.Id, Code = "MATHS", Name = "Mathématiques" };
            db.AddRange(_classmate, maths);
            db.Enrolments.Add(new Enrolment { Student = _classmate, SchoolClassId = _f.ClassA.Id });
            db.TeachingAssignments.Add(new TeachingAssignment { TeacherId = _f.TeacherA.Id, Subject = maths, SchoolClassId = _f.ClassA.Id });
            await db.SaveChangesAsync();
            _assessment = (await _database.Get<GradeService>().CreateAsync(TwoSchools.As(_f.TeacherA, _f.A),
                new AssessmentDraft { SchoolClassId = _f.ClassA.Id, SubjectId = maths.Id, Title = "Contrôle", Date = new(2026, 11, 16) })).Value;
        }
        this.AddDashboardServices(_database);
        this.SignInAs(_f.TeacherA, _f.A.Id, Profile.Teacher);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string[]> StoredAsync()
    {
        await using var db = _database.NewContext();
        return [.. (await db.Set<Grade>().Where(g => g.AssessmentId == _assessment).OrderBy(g => g.StudentId).ToListAsync()).Select(g => GradeInput.Display(g.Kind, g.Value))];
    }

    [Fact]
    public async Task TypingAMark_SavesIt_AndEnterMovesToTheNextStudent()
    {
        var grid = Render<GradeGridPage>(p => p.Add(x => x.Id, _assessment));
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("input.enoe-grade").Count));

        grid.FindAll("input.enoe-grade")[0].Change("15,5"); // ABEL Anna, then TEST StudentA
        grid.WaitForAssertion(() => Assert.Contains("Enregistré.", grid.Markup));
        grid.FindAll("input.enoe-grade")[0].KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(["15,5"], await StoredAsync());
        var focused = JSInterop.VerifyFocusAsyncInvoke();
        Assert.NotNull(focused.Arguments[0]); // the second student's cell
        grid.FindAll("input.enoe-grade")[1].Change("abs");
        grid.WaitForAssertion(() => Assert.Equal("Abs", grid.FindAll("input.enoe-grade")[1].GetAttribute("value")));
    }

    [Fact]
    public async Task AMarkAboveTheScale_IsRefusedInTheCell_AndNothingIsSaved()
    {
        var grid = Render<GradeGridPage>(p => p.Add(x => x.Id, _assessment));
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("input.enoe-grade").Count));

        grid.FindAll("input.enoe-grade")[0].Change("25");

        grid.WaitForAssertion(() => Assert.Contains("25 dépasse le barème (20).", grid.Markup));
        Assert.Equal("true", grid.FindAll("input.enoe-grade")[0].GetAttribute("aria-invalid"));
        Assert.Empty(await StoredAsync());
    }
}
