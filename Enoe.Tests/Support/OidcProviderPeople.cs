using Enoe.Data;
using Enoe.Data.People;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support;

/// <summary>
/// People of their own for the external sign-in tests (the demo's people stay as other tests expect them): a teacher at
/// Collège Victor Hugo with the demo password, whose e-mail or directory key an <see cref="OidcProvider"/> account maps
/// to.
/// </summary>
public static class OidcProviderPeople
{
    public static async Task<Person> CreateAsync(
        IServiceProvider services,
        string userName,
        string? email = null,
        string? directoryKey = null,
        Profile profile = Profile.Teacher
    )
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var hugo = await db.Schools.Where(s => s.Slug == "college-victor-hugo").Select(s => s.Id).SingleAsync();
        var person = new Person
        {
            FirstName = "Externe",
            LastName = userName.Replace('.', '-'),
            UserName = userName,
            Email = email,
            DirectoryKey = directoryKey,
            CurrentSchoolId = hugo,
        };
        person.Memberships.Add(new Membership { SchoolId = hugo, Profiles = profile });
        var created = await users.CreateAsync(person, Enoe.Data.Demo.DemoSeeder.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return person;
    }

    /// <summary>The e-mail the provider gives the account <paramref name="accountId"/>.</summary>
    public static string EmailOf(string accountId) => $"{accountId}@{OidcProvider.EmailDomain}";

    public static async Task<IReadOnlyList<string>> LoginsOfAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        return await db
            .UserLogins.Where(l => db.Users.Any(u => u.Id == l.UserId && u.UserName == userName))
            .Select(l => l.LoginProvider)
            .ToListAsync();
    }
}
