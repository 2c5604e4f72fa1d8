using Bunit;
using Enoe.Data.Assignments;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets.Abstractions;
using Enoe.Widgets.Assignments;

namespace Enoe.Tests.Components;

public sealed class CopiesToMarkWidgetTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private Person _classmate = default!;
    private Subject _french = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => Enoe.Widgets.WidgetsServiceCollectionExtensions.AddEnoeWidgets(s));
        _f = await TwoSchools.CreateAsync(_database);
        await using (var db = _database.NewContext())
        {
            _classmate = new Person { FirstName = "Anna", LastName = "Abel", UserName = "anna", NormalizedUserName = "ANNA" };
            _classmate.Memberships.Add(new Membership { SchoolId = _f.A.Id, Profiles = Profile.Student });
            _french = new Subject { SchoolId = _f.A.Id, Code = "FRANC", Name = "Français" };
            db.AddRange(_classmate, _french);
            db.Enrolments.Add(new Enrolment { Student = _classmate, SchoolClassId = _f.ClassA.Id });
            db.TeachingAssignments.Add(new TeachingAssignment { TeacherId = _f.TeacherA.Id, Subject = _french, SchoolClassId = _f.ClassA.Id });
            await db.SaveChangesAsync();
        }
        this.AddDashboardServices(_database);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ALateCopyOnAnOlderDevoir_AppearsLive()
    {
        var teacher = TwoSchools.As(_f.TeacherA, _f.A);
        var assignments = _database.Get<AssignmentService>();
        var id = (await assignments.CreateAsync(teacher, new AssignmentDraft
        {
            SchoolClassId = _f.ClassA.Id, SubjectId = _french.Id, Title = "Rédaction", AcceptsLate = true,
            DueLocal = Enoe.Data.Common.SchoolTime.ToLocal(_database.Clock.GetUtcNow().UtcDateTime).AddDays(1),
        }, [])).Value;
        await assignments.HandInAsync(TwoSchools.As(_f.StudentA, _f.A), id, [TestFiles.Pdf()]);
        await assignments.ReturnAsync(teacher, id, _f.StudentA.Id, "Bien.", null);
        _database.Clock.Advance(TimeSpan.FromDays(3)); // past due, every copy returned: nothing to mark

        var workspace = (await _database.Get<WorkspaceService>().GetAsync(teacher))!;
        var widget = Render<CopiesToMarkWidget>(p => p.Add(w => w.Context, new WidgetContext(teacher, workspace, null, new WidgetSize(4, 3), null)));
        widget.WaitForAssertion(() => Assert.Contains("Aucune copie à corriger.", widget.Markup));

        await assignments.HandInAsync(TwoSchools.As(_classmate, _f.A), id, [TestFiles.Pdf()]); // late, from another circuit

        widget.WaitForAssertion(() => Assert.Contains("1 à corriger", widget.Markup));
        Assert.Contains("Rédaction", widget.Markup);
    }
}
