using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>The enrolment page's key: one per person, whatever the tabs opening it at once.</summary>
public sealed class TwoFactorSetupTests
{
    private static void AddTwoFactor(IServiceCollection services)
    {
        AcademyConsole.AddAccounts(services);
        services.AddScoped<TwoFactorAccount>();
        services.AddScoped<IUserStore<Person>, TwoFactorRecoveryCodeStore>(); // as TwoFactorModule has it
    }

    private static async Task<TwoFactorSetup?> SetupAsync(IServiceProvider services, int personId)
    {
        await using var scope = services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<UserManager<Person>>().FindByIdAsync($"{personId}");
        return await scope.ServiceProvider.GetRequiredService<TwoFactorAccount>().SetupAsync(person!);
    }

    [Fact]
    public async Task TwoTabsOpeningTheEnrolmentAtOnce_BothShowTheKeyStored()
    {
        await using var database = await TestDatabase.CreateAsync(configure: AddTwoFactor);
        var teacher = (await TwoSchools.CreateAsync(database)).TeacherA.Id;
        await using (var setUp = database.NewContext()) // as Identity writes an account (the fixture's are not)
            await setUp
                .Users.Where(p => p.Id == teacher)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.SecurityStamp, "STAMP"));
        // The other tab stores its key just after this one found none.
        var meanwhile = Meanwhile.After("\"AspNetUserTokens\"", () => SetupAsync(database.Services, teacher));
        await using var other = database.NewInstance(s =>
        {
            AddTwoFactor(s);
            s.AddSingleton<IInterceptor>(meanwhile);
        });

        var second = await SetupAsync(other, teacher);
        var first = await meanwhile.Other;

        await using var db = database.NewContext();
        var stored = await db.Set<IdentityUserToken<int>>()
            .Where(t => t.UserId == teacher && t.Name == "AuthenticatorKey")
            .Select(t => t.Value)
            .SingleAsync();
        Assert.Equal((stored, stored), (first!.Key, second!.Key));
        Assert.Equal(await SetupAsync(database.Services, teacher), first);
    }
}
