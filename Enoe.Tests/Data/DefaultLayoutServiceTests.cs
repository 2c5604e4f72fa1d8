using Enoe.Data.Common;
using Enoe.Data.Dashboards;
using Enoe.Data.People;
using Enoe.Tests.Support;

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
        Assert.True((await Defaults.SetFlagsAsync(Admin, _f.A.Id, Profile.Student, news.Id, mandatory: false, locked: true)).Succeeded);
        Assert.True((await Defaults.MoveAsync(Admin, _f.A.Id, Profile.Student, news.Id, 8, 0)).Succeeded); // the admin still moves it

        var studentTab = (await _database.Get<LayoutService>().GetAsync(TwoSchools.As(_f.StudentA, _f.A)))[0];
        var copied = studentTab.Placements.Single(p => p.WidgetKey == "news");
        Assert.True(copied.Locked && copied.Mandatory);
        Assert.Equal(8, copied.X);
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
        Assert.Equal(ResultKind.Forbidden, (await Defaults.CustomizeAsync(TwoSchools.As(_f.TeacherA, _f.A), _f.A.Id, Profile.Student)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Defaults.CustomizeAsync(Admin, _f.B.Id, Profile.Student)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Defaults.CustomizeAsync(Admin, null, Profile.Student)).Kind);
        Assert.Equal(ResultKind.Invalid, (await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.AcademyAdmin)).Kind);
    }

    [Fact]
    public async Task AddingAWidgetTheProfileMayNotUse_IsRefused()
    {
        await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.Student);
        Assert.Equal(ResultKind.Forbidden, (await Defaults.AddAsync(Admin, _f.A.Id, Profile.Student, "teachers-only")).Kind);
        Assert.True((await Defaults.AddAsync(Admin, _f.A.Id, Profile.Teacher, "teachers-only")).Kind == ResultKind.Invalid); // not customized yet
        await Defaults.CustomizeAsync(Admin, _f.A.Id, Profile.Teacher);
        Assert.True((await Defaults.AddAsync(Admin, _f.A.Id, Profile.Teacher, "news")).Succeeded);
    }
}
