using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class DefaultLayoutServiceTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;
    private DefaultLayoutService Defaults => _database.Get<DefaultLayoutService>();
    private CurrentUser Admin => TwoSchools.As(_f.AdminA, _f.A);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task SchoolAdmin_LocksAWidgetInTheStudentsDefault_AndNewStudentsGetItLocked()
    {
        var inherited = (await Defaults.GetForEditAsync(Admin, _f.A.Id, Profile.Student)).Value!;
        Assert.True(inherited.Inherited);
        var layout = (await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.Student)).Value!;
        Assert.False(layout.Inherited);
        var news = layout.Placements.Single(p => p.WidgetKey == "news");
        Assert.True(
            (
                await Defaults.SetFlagsAsync(Admin, _f.A.Id, Profile.Student, news.Id, mandatory: false, locked: true)
            ).Succeeded
        );
        // The admin still moves it
        Assert.True((await Defaults.MoveAsync(Admin, _f.A.Id, Profile.Student, news.Id, 8, 0)).Succeeded);

        var studentTab = (await _database.Get<LayoutService>().GetAsync(TwoSchools.As(_f.StudentA, _f.A)))[0];
        var copied = studentTab.Placements.Single(p => p.WidgetKey == "news");
        Assert.True(copied.Locked && copied.Mandatory);
        Assert.Equal(8, copied.X);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the académie's default: no school, so a unique index of its own
    public async Task TwelveCustomizationsAtOnce_MakeOneDefault_AndEachGetsIt(bool academy)
    {
        var admin = Admin;
        if (academy)
        {
            await using var db = _database.NewContext();
            (await db.Users.SingleAsync(u => u.Id == _f.StaffB.Id)).IsAcademyAdmin = true;
            await db.SaveChangesAsync();
            admin = new CurrentUser(_f.StaffB.Id, "Rectorat", null, Profile.AcademyAdmin);
        }
        int? school = academy ? null : _f.A.Id;
        var results = await Race.AtOnceAsync(12, _ => Defaults.CustomizeAsync(admin, school, Profile.Parent));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors)));
        await using var read = _database.NewContext();
        Assert.Equal(1, await read.DefaultLayouts.CountAsync(l => l.SchoolId == school && l.Profile == Profile.Parent));
    }

    [Fact]
    public async Task TwoAdministratorsMovingWidgetsAtOnce_NeitherChangeFails()
    {
        var layout = (await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.Student)).Value!;
        var ids = layout.Placements.Select(p => p.Id).ToArray();
        var random = new Random(5);
        var moves = Enumerable
            .Range(0, 20)
            .Select(i => (Id: ids[i % ids.Length], X: random.Next(9), Y: random.Next(6)))
            .ToList();

        var results = await Race.AtOnceAsync(
            moves.Count,
            i => Defaults.MoveAsync(Admin, _f.A.Id, Profile.Student, moves[i].Id, moves[i].X, moves[i].Y)
        );

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors)));
        var stored = (await Defaults.GetForEditAsync(Admin, _f.A.Id, Profile.Student)).Value!.Placements;
        Assert.Equal(ids.Order(), stored.Select(p => p.Id).Order());
        foreach (var a in stored)
        foreach (var b in stored.Where(b => b.Id != a.Id))
            Assert.False(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height);
    }

    [Fact]
    public async Task Revert_MakesTheProfileInheritAgain()
    {
        await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.Parent);
        Assert.True((await Defaults.RevertAsync(Admin, _f.A.Id, Profile.Parent)).Succeeded);
        Assert.True((await Defaults.GetForEditAsync(Admin, _f.A.Id, Profile.Parent)).Value!.Inherited);
    }

    [Fact]
    public async Task OnlyAdminsOfThatSchool_EditItsDefaults_AndOnlyTheAcademyEditsTheAcademys()
    {
        Assert.Equal(
            ResultKind.Forbidden,
            (await Defaults.CustomizeAsync(TwoSchools.As(_f.TeacherA, _f.A), _f.A.Id, Profile.Student)).Kind
        );
        Assert.Equal(ResultKind.Forbidden, (await Defaults.CustomizeAsync(Admin, _f.B.Id, Profile.Student)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Defaults.CustomizeAsync(Admin, null, Profile.Student)).Kind);
        Assert.Equal(ResultKind.Invalid, (await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.AcademyAdmin)).Kind);
    }

    [Fact]
    public async Task AddingAWidgetTheProfileMayNotUse_IsRefused()
    {
        await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.Student);
        Assert.Equal(
            ResultKind.Forbidden,
            (await Defaults.AddAsync(Admin, _f.A.Id, Profile.Student, "teachers-only")).Kind
        );
        Assert.True(
            (await Defaults.AddAsync(Admin, _f.A.Id, Profile.Teacher, "teachers-only")).Kind == ResultKind.Invalid
        ); // not customized yet
        await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.Teacher);
        Assert.True((await Defaults.AddAsync(Admin, _f.A.Id, Profile.Teacher, "news")).Succeeded);
    }

    [Fact]
    public async Task WidgetImposedLater_ReachesExistingDashboards_AndFreeingItLetsPeopleChooseAgain()
    {
        var layouts = _database.Get<LayoutService>();
        var student = TwoSchools.As(_f.StudentA, _f.A);
        var mine = (await layouts.GetAsync(student))[0];
        await layouts.RemoveAsync(student, mine.Placements.Single(p => p.WidgetKey == "news").Id);
        Assert.DoesNotContain("news", (await layouts.GetAsync(student))[0].Placements.Select(p => p.WidgetKey));

        var layout = (await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.Student)).Value!;
        var news = layout.Placements.Single(p => p.WidgetKey == "news");
        await Defaults.MoveAsync(Admin, _f.A.Id, Profile.Student, news.Id, 8, 0);
        await Defaults.SetFlagsAsync(Admin, _f.A.Id, Profile.Student, news.Id, mandatory: false, locked: true);

        var imposed = (await layouts.GetAsync(student))[0].Placements.Single(p => p.WidgetKey == "news");
        Assert.True(imposed.Locked && imposed.Mandatory);
        Assert.Equal((8, 0), (imposed.X, imposed.Y));
        var all = (await layouts.GetAsync(student))[0].Placements;
        foreach (var a in all)
        foreach (var b in all.Where(b => b.Id != a.Id))
            Assert.False(a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height);

        await Defaults.SetFlagsAsync(Admin, _f.A.Id, Profile.Student, news.Id, mandatory: false, locked: false);
        var freed = (await layouts.GetAsync(student))[0].Placements.Single(p => p.WidgetKey == "news");
        Assert.False(freed.Locked || freed.Mandatory);
        Assert.True((await layouts.RemoveAsync(student, freed.Id)).Succeeded);
    }
}
