using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data.SingleSignOn;

/// <summary>The académie's register of single sign-on services, on the demo académie.</summary>
public sealed class SsoRegistryTests : IAsyncLifetime
{
    private TestDatabase _db = default!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(seedDemo: true);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private SsoRegistry Registry => _db.Get<SsoRegistry>();

    [Fact]
    public async Task AnAcademyAdmin_RegistersAService_StoredNormalised_AndCasKnowsItAtOnce()
    {
        var admin = await UserAsync("admin.academie", Profile.AcademyAdmin);
        Assert.Null(await _db.Get<CasService>().FindAsync("https://cles.example.test/histoire/frise"));

        var saved = await Registry.SaveAsync(
            admin,
            new SsoRegistrationDraft
            {
                Name = "  Clés pour l'Histoire ",
                ServicePattern = "HTTPS://Cles.Example.TEST:443/histoire/",
                Attributes = AttributeSet.PronoteStyle,
                Released = "nom, categories",
                Profiles = Profile.Student,
                LevelCodes = "4e, 3e",
            }
        );

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var stored = (await Registry.ListAsync(admin)).Value!.Single(r => r.Name == "Clés pour l'Histoire");
        Assert.Equal("https://cles.example.test/histoire/", stored.ServicePattern);
        Assert.Equal(("nom,categories", "4e,3e"), (stored.Released, stored.LevelCodes));
        var found = await _db.Get<CasService>().FindAsync("https://cles.example.test/histoire/frise");
        Assert.Equal(stored.Id, found?.Id);
    }

    [Theory]
    [InlineData("https://res.example.test/app", "finit par « / »")]
    [InlineData("https://res.example.test/app/../autre/", "Adresse invalide")]
    [InlineData("pas une adresse", "Adresse invalide")]
    public async Task AnAddressThatCouldLetOthersIn_IsRefused_AndNothingIsWritten(string pattern, string message)
    {
        var refused = await Registry.SaveAsync(
            await UserAsync("admin.academie", Profile.AcademyAdmin),
            Draft("Ressource", pattern)
        );

        Assert.Equal(ResultKind.Invalid, refused.Kind);
        Assert.Contains(refused.Errors, e => e.Contains(message));
        await using var db = _db.NewContext();
        Assert.Equal(1, await db.Set<SsoRegistration>().CountAsync()); // the demo's only
    }

    [Fact]
    public async Task UnknownAttributes_ATakenAddress_AndAnUnknownResource_AreEachNamed()
    {
        var admin = await UserAsync("admin.academie", Profile.AcademyAdmin);
        var draft = Draft("Doublon", "http://localhost:8090/");
        draft.Released = "ENTPersonNom, motDePasse";
        draft.ResourceId = 999_999;

        var refused = await Registry.SaveAsync(admin, draft);
        Assert.Contains(refused.Errors, e => e.Contains("motDePasse"));

        draft.Released = "";
        refused = await Registry.SaveAsync(admin, draft);
        Assert.Contains(SingleSignOnMessages.Pattern_Taken, refused.Errors);
        Assert.Contains(SingleSignOnMessages.Resource_Unknown, refused.Errors);
    }

    [Fact]
    public async Task SomeoneElse_CannotList_Write_OrDelete()
    {
        var teacher = await UserAsync("claire.fontaine", Profile.Teacher);
        await using var db = _db.NewContext();
        var demo = await db.Set<SsoRegistration>().SingleAsync();

        Assert.Equal(ResultKind.Forbidden, (await Registry.ListAsync(teacher)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Registry.SaveAsync(teacher, Draft("X", "https://x.test/"))).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Registry.DeleteAsync(teacher, demo.Id)).Kind);
        Assert.Equal(1, await db.Set<SsoRegistration>().CountAsync());
    }

    [Fact]
    public async Task Deleting_StopsTheServiceAtOnce()
    {
        var admin = await UserAsync("admin.academie", Profile.AcademyAdmin);
        await using var db = _db.NewContext();
        var demo = await db.Set<SsoRegistration>().SingleAsync();
        Assert.NotNull(await _db.Get<CasService>().FindAsync("http://localhost:8090/page"));

        Assert.True((await Registry.DeleteAsync(admin, demo.Id)).Succeeded);

        Assert.Null(await _db.Get<CasService>().FindAsync("http://localhost:8090/page"));
        Assert.Equal(ResultKind.NotFound, (await Registry.DeleteAsync(admin, demo.Id)).Kind);
    }

    private static SsoRegistrationDraft Draft(string name, string pattern) =>
        new()
        {
            Name = name,
            ServicePattern = pattern,
            Profiles = Profile.Student,
        };

    private async Task<CurrentUser> UserAsync(string userName, Profile profile)
    {
        await using var db = _db.NewContext();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var school = await db
            .Memberships.Where(m => m.PersonId == person.Id)
            .Select(m => (int?)m.SchoolId)
            .FirstOrDefaultAsync();
        return new CurrentUser(person.Id, person.DisplayName, school, profile);
    }
}
