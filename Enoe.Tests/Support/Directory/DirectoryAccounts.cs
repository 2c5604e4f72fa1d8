using Enoe.Data;
using Enoe.Data.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Support.TestDirectory;

/// <summary>
/// A directory account in an app's database, made as a sync would leave it (the sync itself is tested elsewhere): the
/// sample person's login as user name, their jointure as <see cref="Person.DirectoryKey"/>, no password hash.
/// </summary>
public static class DirectoryAccounts
{
    public static async Task<Person> AddAsync(
        IServiceProvider services,
        SamplePerson sample,
        string schoolSlug = "college-victor-hugo",
        Profile profile = Profile.Student
    )
    {
        var entry = sample.Entry;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var school = await db.Schools.SingleAsync(s => s.Slug == schoolSlug);
        var person = new Person
        {
            FirstName = entry.FirstName!,
            LastName = entry.LastName!,
            UserName = entry.Login,
            NormalizedUserName = entry.Login!.ToUpperInvariant(),
            DirectoryKey = entry.Key,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CurrentSchoolId = school.Id,
            CreatedAt = DateTime.UtcNow,
        };
        person.Memberships.Add(new Membership { School = school, Profiles = profile });
        db.Users.Add(person);
        await db.SaveChangesAsync();
        return person;
    }
}

/// <summary>The app reading a test slapd (started first) for directory sign-in.</summary>
public sealed class DirectoryAppFactory : EnoeAppFactory, IAsyncLifetime
{
    public SlapdServer Slapd { get; } = new();

    public async Task InitializeAsync()
    {
        await Slapd.InitializeAsync();
        foreach (var (key, value) in Slapd.AppSettings())
            Settings[key] = value;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Slapd.DisposeAsync();
    }

    /// <summary>A sample person with their directory account in this app's database.</summary>
    public async Task<SamplePerson> AccountAsync(string dn)
    {
        var person = Slapd.Sample.Find(dn)!;
        await DirectoryAccounts.AddAsync(Services, person);
        return person;
    }
}

/// <summary>
/// An app whose directory does not answer (nothing listens at its address), with a rate limit low enough to reach.
/// </summary>
public sealed class DownDirectoryAppFactory : EnoeAppFactory
{
    public DownDirectoryAppFactory()
    {
        Settings["Enoe:Directory:Ldap:Url"] = $"ldap://127.0.0.1:{PostgreSqlServer.FreePort()}";
        Settings["Enoe:Directory:Ldap:BindDn"] = SlapdServer.ServiceDn;
        Settings["Enoe:Directory:Ldap:BindPassword"] = SlapdServer.ServicePassword;
        Settings["Enoe:Directory:Ldap:BaseDn"] = SampleDirectory.BaseDn;
        Settings["Enoe:Directory:Ldap:Timeout"] = "00:00:20"; // process-wide in libldap: the tests' one value
        Settings["Enoe:Directory:Schedule"] = "";
    }

    protected override int LoginAttemptsPerMinute => 3;
}
