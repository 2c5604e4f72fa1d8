using System.Diagnostics;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>Who must sign in with a second factor: read from the function table, in memory and in queries.</summary>
public sealed class TwoFactorRulesTests
{
    private static readonly StaffFunction[] EveryFunction = [StaffFunction.None, .. StaffFunctionNames.Single];

    [Fact]
    public void The_direction_and_the_admins_must_the_other_functions_need_not()
    {
        Assert.True(TwoFactorRules.IsRequired(Profile.Staff, StaffFunction.Direction));
        Assert.True(TwoFactorRules.IsRequired(Profile.SchoolAdmin, StaffFunction.None));
        Assert.True(TwoFactorRules.IsRequired(Profile.AcademyAdmin, StaffFunction.None));
        foreach (var function in new[] { StaffFunction.Cpe, StaffFunction.Librarian, StaffFunction.Office })
            Assert.False(TwoFactorRules.IsRequired(Profile.Staff, function | StaffFunction.Agent));
        Assert.False(TwoFactorRules.IsRequired(Profile.Teacher | Profile.Staff, StaffFunction.None));
        // The rule is the table's: whoever holds a guarded right by their membership alone.
        foreach (var profile in ProfileNames.Single)
        foreach (var function in EveryFunction)
            Assert.Equal(
                TwoFactorRules.Guarded.Any(r => FunctionRights.Allows(r, FunctionRights.Of(profile, function))),
                TwoFactorRules.IsRequired(profile, function)
            );
    }

    [Fact]
    public async Task The_query_agrees_with_the_rule_for_every_function()
    {
        await using var database = await TestDatabase.CreateAsync();
        var school = await TwoSchools.CreateAsync(database);
        await using var db = database.NewContext();
        foreach (var function in EveryFunction)
        {
            await database.GiveAsync(school.StaffA, school.A, function);
            Assert.Equal(
                TwoFactorRules.IsRequired(Profile.Staff, function),
                await db.IsRequiredAsync(school.StaffA.Id)
            );
        }
        Assert.True(await db.IsRequiredAsync(school.AdminA.Id));
        Assert.False(await db.IsRequiredAsync(school.TeacherA.Id));
        Assert.False(await db.IsRequiredAsync(school.StudentA.Id));
    }

    [Fact]
    public async Task One_read_answers_the_session_and_the_enrolment_until_the_second_factor_changes()
    {
        var counter = new CommandCounter();
        await using var database = await TestDatabase.CreateAsync(configure: s =>
            s.AddSingleton<IInterceptor>(counter)
        );
        var school = await TwoSchools.CreateAsync(database);
        var sessions = database.Get<SignInSessions>();
        var direction = school.StaffA.Id;
        var (kept, other) = (
            await sessions.StartAsync(direction, null, null, false),
            await sessions.StartAsync(direction, null, null, false)
        );
        var teacher = await sessions.StartAsync(school.TeacherA.Id, null, null, false);
        counter.Reset();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 20; i++)
        {
            Assert.True(await sessions.IsOpenAsync(kept, direction));
            Assert.True(await sessions.MustEnrolAsync(kept, direction));
        }
        Assert.True(counter.Count <= 1 + (int)(clock.Elapsed / SignInSessions.CheckCache), counter.Log);
        Assert.False(await sessions.MustEnrolAsync(teacher, school.TeacherA.Id));

        await using (var db = database.NewContext())
            await db
                .Users.Where(p => p.Id == direction)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.TwoFactorEnabled, true));
        Assert.Equal(1, await sessions.SecondFactorChangedAsync(direction, keep: kept));

        Assert.False(await sessions.MustEnrolAsync(kept, direction)); // read again at once
        Assert.True(await sessions.IsOpenAsync(kept, direction));
        Assert.False(await sessions.IsOpenAsync(other, direction));
    }
}
