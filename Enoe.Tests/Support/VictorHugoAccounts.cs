using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>Fresh local accounts in the demo's collège Victor Hugo, made by its admin, and their sessions.</summary>
public static class VictorHugoAccounts
{
    public static async Task<(CurrentUser Admin, int SchoolId, CreatedAccount Created)> NewTeacherAsync(
        IServiceProvider services,
        string first,
        string last
    )
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var adminId = await db.Users.Where(u => u.UserName == "admin.victor-hugo").Select(u => u.Id).SingleAsync();
        var school = await db.Schools.Where(s => s.Slug == "college-victor-hugo").Select(s => s.Id).SingleAsync();
        var admin = new CurrentUser(adminId, "admin", school, Profile.SchoolAdmin);
        var result = await scope
            .ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync(
                admin,
                school,
                new NewAccount
                {
                    FirstName = first,
                    LastName = last,
                    Profile = Profile.Teacher,
                }
            );
        return (admin, school, result.Value!);
    }

    public static async Task<List<SignInSession>> SessionsOfAsync(IServiceProvider services, int personId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        return await db.Set<SignInSession>().Where(s => s.PersonId == personId).ToListAsync();
    }
}
