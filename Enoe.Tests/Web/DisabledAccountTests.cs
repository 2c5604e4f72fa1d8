using Enoe.App.Account;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Web;

/// <summary>Someone who left the directory is cut off: no new sign-in, and open sessions end within a minute.</summary>
[Collection(SharedApp.Name)]
public sealed class DisabledAccountTests(EnoeAppFactory app)
{
    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_gets_the_single_message()
    {
        var userName = await DisableSomeStudentAsync(skip: 7);
        var response = await app.NewClient().SignInAsync(userName);
        Assert.StartsWith("/connexion?erreur=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Pages_check_the_security_stamp_within_a_minute_too()
    {
        // Open tabs: SessionCircuitTests (CircuitSignInWatch).
        var cookies = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        Assert.True(cookies.ValidationInterval <= TimeSpan.FromMinutes(1));
    }

    private async Task<string> DisableSomeStudentAsync(int skip)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var userName = await db
            .Users.Where(u => u.Memberships.Any(m => m.Profiles == Profile.Student))
            .OrderBy(u => u.Id)
            .Skip(skip)
            .Select(u => u.UserName!)
            .FirstAsync();
        await DisableAsync(userName);
        return userName;
    }

    /// <summary>What the directory sync does to someone who left: disabled, and a new security stamp.</summary>
    private async Task DisableAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var person = (await users.FindByNameAsync(userName))!;
        person.DisabledAt = DateTime.UtcNow;
        await users.UpdateAsync(person);
        await users.UpdateSecurityStampAsync(person);
    }
}
