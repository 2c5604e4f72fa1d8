using Enoe.Data.Common;
using Enoe.Data.People;
using Enoe.Data.SingleSignOn;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

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

    [Fact]
    public async Task TwoAdminsEditingTheSameService_TheSecondIsToldAndChangesNothing()
    {
        var admin = await UserAsync("admin.academie", Profile.AcademyAdmin);
        var list = (await Registry.ListAsync(admin)).Value!;
        var first = SsoRegistrationDraft.From(list.First(r => r.Protocol == SsoProtocol.Cas));
        var second = SsoRegistrationDraft.From(list.First(r => r.Protocol == SsoProtocol.Cas));
        first.Name = "Renommée par la première";
        second.Name = "Renommée par la seconde";

        Assert.True((await Registry.SaveAsync(admin, first)).Succeeded);
        var refused = await Registry.SaveAsync(admin, second);

        Assert.Contains(SingleSignOnMessages.Changed, refused.Errors);
        await using var db = _db.NewContext();
        Assert.Equal("Renommée par la première", (await db.Set<SsoRegistration>().FindAsync(first.Id))!.Name);
    }

    [Fact]
    public async Task ARegistrationsUrlOptions_AreWhatCasMatchesWith()
    {
        var admin = await UserAsync("admin.academie", Profile.AcademyAdmin);
        var draft = Draft("Ressource sous IIS", "https://iis.example.test/Ressource/Accueil.aspx");
        draft.Match = ServiceMatch.Exact;
        Assert.True((await Registry.SaveAsync(admin, draft)).Succeeded);
        var cas = _db.Get<CasService>();
        Assert.Null(await cas.FindAsync("https://iis.example.test/ressource/accueil.aspx?eleve=1"));

        var saved = (await Registry.ListAsync(admin)).Value!.Single(r => r.Name == "Ressource sous IIS");
        var options = SsoRegistrationDraft.From(saved);
        options.UrlOptions = ServiceUrlOptions.IgnoreQuery | ServiceUrlOptions.PathCaseInsensitive;
        Assert.True((await Registry.SaveAsync(admin, options)).Succeeded);

        Assert.Equal(saved.Id, (await cas.FindAsync("https://iis.example.test/ressource/accueil.aspx?eleve=1"))?.Id);
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
        Assert.Equal(2, await db.Set<SsoRegistration>().CountAsync()); // the demo's only (CAS, OpenID Connect)
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
        var demo = await db.Set<SsoRegistration>().FirstAsync(r => r.Protocol == SsoProtocol.Cas);

        Assert.Equal(ResultKind.Forbidden, (await Registry.ListAsync(teacher)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Registry.SaveAsync(teacher, Draft("X", "https://x.test/"))).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Registry.DeleteAsync(teacher, demo.Id)).Kind);
        Assert.Equal(ResultKind.Forbidden, (await Registry.NewSecretAsync(teacher, demo.Id + 1)).Kind);
        Assert.Equal(2, await db.Set<SsoRegistration>().CountAsync());
    }

    [Fact]
    public async Task Deleting_StopsTheServiceAtOnce()
    {
        var admin = await UserAsync("admin.academie", Profile.AcademyAdmin);
        await using var db = _db.NewContext();
        var demo = await db.Set<SsoRegistration>().FirstAsync(r => r.Protocol == SsoProtocol.Cas);
        Assert.NotNull(await _db.Get<CasService>().FindAsync("http://localhost:8090/page"));

        Assert.True((await Registry.DeleteAsync(admin, demo.Id)).Succeeded);

        Assert.Null(await _db.Get<CasService>().FindAsync("http://localhost:8090/page"));
        Assert.Equal(ResultKind.NotFound, (await Registry.DeleteAsync(admin, demo.Id)).Kind);
    }

    [Fact]
    public async Task AnOpenIdConnectClient_GetsASecretShownOnce_StoredHashed_AndGoesWithItsRegistration()
    {
        var admin = await UserAsync("admin.academie", Profile.AcademyAdmin);
        var draft = Draft("Éditeur KNE", "https://kne.example.test/oidc/retour");
        (draft.Protocol, draft.ClientId, draft.Match) = (SsoProtocol.OpenIdConnect, "kne-manuels", ServiceMatch.Exact);

        var saved = await Registry.SaveAsync(admin, draft);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var secret = saved.Value!.Secret!;
        Assert.True(secret.Length >= 40);
        Assert.True(await ValidatesAsync(secret));
        Assert.True(await RedirectsToAsync("https://kne.example.test/oidc/retour"));
        await using (var db = _db.NewContext())
        {
            var stored = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
                .SingleAsync(a => a.ClientId == "kne-manuels");
            Assert.DoesNotContain(secret, stored.ClientSecret); // hashed, never in clear
        }
        Assert.NotNull(await _db.Get<OidcService>().FindClientAsync("kne-manuels"));
        // Saved again (renamed): the same secret, not shown again.
        (draft.Id, draft.Version) = (saved.Value.Id, saved.Value.Version);
        draft.Name = "KNE";
        var again = await Registry.SaveAsync(admin, draft);
        Assert.Null(again.Value!.Secret);
        Assert.True(await ValidatesAsync(secret));
        // A new secret replaces the old one at once.
        var renewed = await Registry.NewSecretAsync(admin, saved.Value.Id);
        Assert.False(await ValidatesAsync(secret));
        Assert.True(await ValidatesAsync(renewed.Value!.Secret!));

        Assert.True((await Registry.DeleteAsync(admin, saved.Value.Id)).Succeeded);
        Assert.Null(await ClientAsync(_db.Services.CreateAsyncScope()));
        Assert.Null(await _db.Get<OidcService>().FindClientAsync("kne-manuels"));
    }

    /// <summary>
    /// OpenIddict's manager in a scope of its own, as each request has: nothing read before is reused.
    /// </summary>
    private static async Task<object?> ClientAsync(AsyncServiceScope scope) =>
        await scope
            .ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>()
            .FindByClientIdAsync("kne-manuels");

    private async Task<bool> ValidatesAsync(string secret)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        return await apps.ValidateClientSecretAsync((await ClientAsync(scope))!, secret);
    }

    private async Task<bool> RedirectsToAsync(string uri)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        return await apps.ValidateRedirectUriAsync((await ClientAsync(scope))!, uri);
    }

    [Theory]
    [InlineData("demo-ressource", ServiceMatch.Exact, "porte déjà cet identifiant")]
    [InlineData("K", ServiceMatch.Exact, "identifiant du client")]
    [InlineData("kne", ServiceMatch.Prefix, "adresse exacte")]
    public async Task AnOpenIdConnectClient_IsRefused_WhenItsIdOrRedirectIsWrong(
        string clientId,
        ServiceMatch match,
        string message
    )
    {
        var draft = Draft("KNE", "https://kne.example.test/oidc/");
        (draft.Protocol, draft.ClientId, draft.Match) = (SsoProtocol.OpenIdConnect, clientId, match);

        var refused = await Registry.SaveAsync(await UserAsync("admin.academie", Profile.AcademyAdmin), draft);

        Assert.Equal(ResultKind.Invalid, refused.Kind);
        Assert.Contains(refused.Errors, e => e.Contains(message));
        await using var scope = _db.Services.CreateAsyncScope();
        var apps = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Equal(1, await apps.CountAsync()); // the demo's only
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
