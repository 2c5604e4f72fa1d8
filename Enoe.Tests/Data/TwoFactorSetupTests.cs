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

    private static async Task<(TestDatabase Database, int Teacher)> TeacherAsync()
    {
        var database = await TestDatabase.CreateAsync(configure: AddTwoFactor);
        var teacher = (await TwoSchools.CreateAsync(database)).TeacherA.Id;
        await using var db = database.NewContext(); // as Identity writes an account (the fixture's are not)
        await db.Users.Where(p => p.Id == teacher).ExecuteUpdateAsync(s => s.SetProperty(p => p.SecurityStamp, "S"));
        return (database, teacher);
    }

    private static async Task<string> StoredKeyAsync(TestDatabase database, int person)
    {
        await using var db = database.NewContext();
        return await db.Set<IdentityUserToken<int>>()
            .Where(t => t.UserId == person && t.Name == "AuthenticatorKey")
            .Select(t => t.Value!)
            .SingleAsync();
    }

    [Fact]
    public async Task ASignInFailingWhileTheEnrolmentOpens_LeavesItAKeyStored()
    {
        var (database, teacher) = await TeacherAsync();
        await using var _ = database;
        // Something else changes the person's row (a failed sign-in counted) just after the page found no key.
        var meanwhile = Meanwhile.After(
            "\"AspNetUserTokens\"",
            async () =>
            {
                await using var db = database.NewContext();
                return await db
                    .Users.Where(p => p.Id == teacher)
                    .ExecuteUpdateAsync(s =>
                        s.SetProperty(p => p.AccessFailedCount, 1).SetProperty(p => p.ConcurrencyStamp, "changed")
                    );
            }
        );
        await using var other = database.NewInstance(s =>
        {
            AddTwoFactor(s);
            s.AddSingleton<IInterceptor>(meanwhile);
        });

        var setup = await SetupAsync(other, teacher);

        Assert.Equal(1, await meanwhile.Other);
        Assert.Equal(await StoredKeyAsync(database, teacher), setup!.Key);
    }

    [Fact]
    public async Task TwoTabsOpeningTheEnrolmentAtOnce_BothShowTheKeyStored()
    {
        var (database, teacher) = await TeacherAsync();
        await using var _ = database;
        // The other tab stores its key just after this one found none.
        var meanwhile = Meanwhile.After("\"AspNetUserTokens\"", () => SetupAsync(database.Services, teacher));
        await using var other = database.NewInstance(s =>
        {
            AddTwoFactor(s);
            s.AddSingleton<IInterceptor>(meanwhile);
        });

        var second = await SetupAsync(other, teacher);
        var first = await meanwhile.Other;

        var stored = await StoredKeyAsync(database, teacher);
        Assert.Equal((stored, stored), (first!.Key, second!.Key));
        Assert.Equal(await SetupAsync(database.Services, teacher), first);
    }
}
