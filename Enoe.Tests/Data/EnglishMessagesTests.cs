using System.Globalization;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Data.Schools;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// What the data layer answers (Identity's password rules, account creation, school settings, profile
/// and school names) comes in the reader's language: the same call reads French, then English.
/// </summary>
public sealed class EnglishMessagesTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        // Identity as the app configures it: the localized describer, ten characters at least.
        _database = await TestDatabase.CreateAsync(configure: services =>
        {
            services
                .AddIdentityCore<Person>(o =>
                {
                    o.Password.RequiredLength = 10;
                    o.Password.RequireNonAlphanumeric = false;
                })
                .AddEntityFrameworkStores<EnoeDbContext>()
                .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
            services.AddScoped<AccountAdministration>();
        });
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task AWeakPassword_IsRefused_InTheReadersLanguage()
    {
        Assert.Contains("Le mot de passe doit contenir au moins 10 caractères.", await PasswordErrorsAsync("court"));
        await InEnglish(async () =>
        {
            var errors = await PasswordErrorsAsync("short");
            Assert.Contains("The password must be at least 10 characters long.", errors);
            Assert.Contains("The password must contain at least one digit.", errors);
        });
    }

    [Fact]
    public async Task AccountAdministration_Answers_InTheReadersLanguage()
    {
        var student = new NewAccount
        {
            FirstName = "Sans",
            LastName = "Classe",
            Profile = Profile.Student,
        };
        var errors = (await CreateAsync(_f.AdminA, student)).Errors;
        Assert.Contains("Un élève doit être inscrit dans une classe.", errors);
        await InEnglish(async () =>
        {
            Assert.Contains("A student must be enrolled in a class.", (await CreateAsync(_f.AdminA, student)).Errors);
            Assert.Equal(
                ["Only a school administrator can create accounts."],
                (await CreateAsync(_f.TeacherA, student)).Errors
            );
            Assert.Contains(
                "First name is required.",
                (await CreateAsync(_f.AdminA, new NewAccount { LastName = "X", Profile = Profile.Teacher })).Errors
            );
        });
    }

    [Fact]
    public async Task SchoolSettings_AndNames_Answer_InTheReadersLanguage()
    {
        var settings = _database.Get<SchoolSettingsService>();
        var admin = TwoSchools.As(_f.AdminA, _f.A);
        Assert.Equal("Enseignant, Admin établissement", ProfileNames.Of(Profile.Teacher | Profile.SchoolAdmin));
        await InEnglish(async () =>
        {
            Assert.Equal(
                ["The warning threshold goes from 1 to 10 pieces of homework due on the same day."],
                (await settings.SaveAsync(admin, new SchoolSettings(40))).Errors
            );
            Assert.Equal(
                ["Only the school's administrators can change its settings."],
                (await settings.SaveAsync(TwoSchools.As(_f.TeacherA, _f.A), new SchoolSettings(3))).Errors
            );
            Assert.Contains(
                "Time slots M1 and M2 overlap.",
                (
                    await settings.SaveSlotsAsync(
                        admin,
                        [new("M1", new(8, 0), new(9, 0)), new("M2", new(8, 30), new(9, 30))]
                    )
                ).Errors
            );
            Assert.Equal("Teacher, School admin", ProfileNames.Of(Profile.Teacher | Profile.SchoolAdmin));
            Assert.Equal("High school", SchoolKindNames.Of(SchoolKind.Lycee));
        });
    }

    private async Task<IReadOnlyList<string>> PasswordErrorsAsync(string password)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        var person = new Person
        {
            FirstName = "Nouveau",
            LastName = "Compte",
            UserName = "nouveau." + Guid.NewGuid().ToString("N")[..8],
        };
        var result = await users.CreateAsync(person, password);
        Assert.False(result.Succeeded);
        return [.. result.Errors.Select(e => e.Description)];
    }

    private async Task<Enoe.Data.Common.Result<CreatedAccount>> CreateAsync(Person who, NewAccount account)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        return await scope
            .ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync(TwoSchools.As(who, _f.A), _f.A.Id, account);
    }

    /// <summary>Runs <paramref name="test"/> as an English reader, then gives the test run its French back.</summary>
    private static async Task InEnglish(Func<Task> test)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            await test();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
