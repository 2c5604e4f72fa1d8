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
        var workspace = await database
            .Get<WorkspaceService>()
            .GetAsync(new CurrentUser(f.StaffA.Id, "StaffA", f.B.Id, Profile.Staff));
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
            await db.RunOnlyAsync(f.A.Id, EntService.Dashboard, EntService.Memos);
        var workspace = (await database.Get<WorkspaceService>().GetAsync(TwoSchools.As(f.StaffA, f.A)))!;
        Assert.True(workspace.Runs(EntService.Memos));
        Assert.False(workspace.Runs(EntService.PublicSite));
    }

    [Fact]
    public async Task ChoosingAChildAtAnotherSchool_MovesTheParentThere_AndTheWorkspaceShowsThatChild()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var (childB, _) = await f.AddAtSchoolBAsync(database);
        var workspaces = database.Get<WorkspaceService>();

        var atA = (await workspaces.GetAsync(TwoSchools.As(f.ParentA, f.A)))!;
        Assert.Equal((f.A.Id, f.StudentA.Id), (atA.School!.Id, atA.SelectedChildId));

        var chosen = await workspaces.ChooseChildAsync(f.ParentA.Id, childB.Id);
        Assert.Equal(f.B.Id, chosen.Value);
        await using (var db = database.NewContext())
        {
            var parent = await db.Users.SingleAsync(p => p.Id == f.ParentA.Id);
            Assert.Equal((f.B.Id, childB.Id), (parent.CurrentSchoolId, parent.ViewedChildId));
        }
        // The cookie is refreshed for college-b: header, news and widgets now speak of that school and child.
        var atB = (await workspaces.GetAsync(new CurrentUser(f.ParentA.Id, "ParentA", f.B.Id, Profile.Parent)))!;
        Assert.Equal((f.B.Id, childB.Id, "5eB"), (atB.School!.Id, atB.SelectedChildId, atB.SelectedChild!.ClassName));
    }

    [Fact]
    public async Task TheChildShown_IsAlwaysAtTheSchoolTheParentWorksIn()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var (childB, _) = await f.AddAtSchoolBAsync(database);
        await database.Get<WorkspaceService>().ChooseChildAsync(f.ParentA.Id, childB.Id);
        // Switching établissement back to college-a (the menu) shows college-a's child, not the one chosen at
        // college-b.
        var atA = (await database.Get<WorkspaceService>().GetAsync(TwoSchools.As(f.ParentA, f.A)))!;
        Assert.Equal(f.StudentA.Id, atA.SelectedChildId);
    }

    [Fact]
    public async Task ChoosingSomeoneElsesChild_IsRefused_AndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var result = await database.Get<WorkspaceService>().ChooseChildAsync(f.StaffA.Id, f.StudentA.Id);
        Assert.Equal(Enoe.Data.Common.ResultKind.Forbidden, result.Kind);
        await using var db = database.NewContext();
        Assert.Null((await db.Users.SingleAsync(p => p.Id == f.StaffA.Id)).ViewedChildId);
    }

    [Fact]
    public async Task ChoosingAChild_WhoseSchoolTheParentDoesNotBelongTo_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var (childB, _) = await f.AddAtSchoolBAsync(database, parentJoinsB: false);
        var result = await database.Get<WorkspaceService>().ChooseChildAsync(f.ParentA.Id, childB.Id);
        Assert.Equal(Enoe.Data.Common.ResultKind.Forbidden, result.Kind);
    }

    [Fact]
    public async Task AnAcademyAdmin_InNoSchool_GetsTheirWorkspace_WithNoSchool()
    {
        await using var database = await TestDatabase.CreateAsync();
        await TwoSchools.CreateAsync(database);
        var admin = new Person
        {
            FirstName = "Rectorat",
            LastName = "Admin",
            UserName = "admin.rectorat",
            NormalizedUserName = "ADMIN.RECTORAT",
            IsAcademyAdmin = true,
        };
        await using (var db = database.NewContext())
        {
            db.Users.Add(admin);
            await db.SaveChangesAsync();
        }

        var workspace = await database
            .Get<WorkspaceService>()
            .GetAsync(new CurrentUser(admin.Id, "admin.rectorat", null, Profile.AcademyAdmin));

        Assert.NotNull(workspace); // read from the person alone: they have no membership to read it from
        Assert.Null(workspace.School);
        Assert.Equal(Profile.AcademyAdmin, workspace.Profiles);
        Assert.Equal(("Rectorat Admin", "admin.rectorat"), (workspace.DisplayName, workspace.UserName));
        await using var read = database.NewContext();
        Assert.Equal(await read.Academies.Select(a => a.Name).SingleAsync(), workspace.AcademyName);
    }
}
