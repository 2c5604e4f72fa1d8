using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

public sealed class WorkspaceServiceTests
{
    [Fact]
    public async Task Workspace_ReadsProfilesFromTheDatabase_NotFromTheCookie()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        // The cookie claims admin rights; the database says teacher.
        var forged = new CurrentUser(f.TeacherA.Id, "TeacherA", f.A.Id, Profile.SchoolAdmin | Profile.AcademyAdmin);
        var workspace = await database.Get<WorkspaceService>().GetAsync(forged);
        Assert.Equal(Profile.Teacher, workspace!.Profiles);
    }

    [Fact]
    public async Task Workspace_FallsBackToAMembership_WhenTheCookieNamesAnotherSchool()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var workspace = await database.Get<WorkspaceService>().GetAsync(new CurrentUser(f.StaffA.Id, "StaffA", f.B.Id, Profile.Staff));
        Assert.Equal(f.A.Id, workspace!.School!.Id);
    }

    [Fact]
    public async Task Parent_SeesOnlyTheirOwnChildren_WithClass()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var workspace = await database.Get<WorkspaceService>().GetAsync(TwoSchools.As(f.ParentA, f.A));
        var child = Assert.Single(workspace!.Children);
        Assert.Equal((f.StudentA.Id, "6eA"), (child.Id, child.ClassName));
        Assert.Empty((await database.Get<WorkspaceService>().GetAsync(TwoSchools.As(f.TeacherA, f.A)))!.Children);
    }

    [Fact]
    public async Task Workspace_ExposesTheServicesTheSchoolRuns()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        await using (var db = database.NewContext())
        {
            (await db.Schools.SingleAsync(s => s.Id == f.A.Id)).Services = EntService.Dashboard | EntService.Memos;
            await db.SaveChangesAsync();
        }
        var workspace = (await database.Get<WorkspaceService>().GetAsync(TwoSchools.As(f.StaffA, f.A)))!;
        Assert.True(workspace.Runs(EntService.Memos));
        Assert.False(workspace.Runs(EntService.PublicSite));
    }
}
