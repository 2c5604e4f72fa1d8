using System.Net;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

/// <summary>
/// What changes a second factor asks for a current code, and ends the person's other sessions at once.
/// </summary>
[Collection(TwoFactorApp.Name)]
public sealed class TwoFactorCurrentCodeTests(EnoeAppFactory app)
{
    private const string WrongCode = "Ce code n'est pas le bon : rien n'a été changé.";

    [Fact]
    public async Task NewRecoveryCodes_AndTurningOff_AskACurrentCode_AWrongOneChangesNothing()
    {
        var teacher = await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 10);
        var client = app.NewClient();
        var (key, codes) = await client.EnrolAsync(teacher);

        foreach (var wrong in new[] { TwoFactorCodes.At(key, -20), "AAAAA-BBBBB" })
        {
            var regenerated = await client.PostCodeAsync("regenerate", wrong);
            Assert.Contains(WrongCode, regenerated);
            Assert.Empty(TwoFactorSteps.RecoveryCodes(regenerated));
            Assert.Contains(WrongCode, await client.PostCodeAsync("disable", wrong));
        }
        Assert.True((await app.PersonAsync(teacher)).TwoFactorEnabled);
        Assert.Contains("Codes de secours restants : 10.", await client.GetPageAsync(TwoFactorSteps.Page));

        // A recovery code proves it (and is used up with the old ones); the app's code turns it off.
        var renewed = TwoFactorSteps.RecoveryCodes(
            await client.PostCodeAsync("regenerate", codes[0].ToLowerInvariant())
        );
        Assert.Equal(10, renewed.Count);
        Assert.Empty(renewed.Intersect(codes));
        await client.PostCodeAsync("disable", TwoFactorCodes.Now(key));
        Assert.False((await app.PersonAsync(teacher)).TwoFactorEnabled);
    }

    [Fact]
    public async Task Enrolling_EndsThePersonsOtherSessionsAtOnce_TurningOffToo_TheirOwnGoesOn()
    {
        var teacher = await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 11);
        var other = app.NewClient();
        await other.SignInAsync(teacher);
        var client = app.NewClient();
        var (key, _) = await client.EnrolAsync(teacher);

        Assert.True(await SignedOutAsync(other)); // not a minute later: now
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/profil")).StatusCode);

        var another = app.NewClient();
        await another.PostFormAsync(
            "/connexion",
            "/compte/connexion",
            new() { ["UserName"] = teacher, ["Password"] = Enoe.Data.Demo.DemoSeeder.Password }
        );
        await another.SignInWithCodeAsync(TwoFactorCodes.Now(key));
        Assert.False(await SignedOutAsync(another));
        await client.PostCodeAsync("disable", TwoFactorCodes.Now(key));
        Assert.True(await SignedOutAsync(another));
        Assert.False(await SignedOutAsync(client));
    }

    [Fact]
    public async Task AnAdminsReset_EndsEverySessionOfThePerson_AtOnce()
    {
        var teacher = (await OidcProviderPeople.CreateAsync(app.Services, "reset.victor-hugo")).UserName!;
        var client = app.NewClient();
        await client.EnrolAsync(teacher);
        Assert.False(await SignedOutAsync(client));
        var admin = app.NewClient();
        await admin.SignInAsync("admin.victor-hugo");

        var page = await (
            await admin.PostFormAsync(
                "/gestion/comptes",
                "/gestion/comptes",
                new() { ["_handler"] = "two-factor-reset", ["TwoFactorUserName"] = teacher }
            )
        ).ReadPageAsync();

        Assert.Contains("réinitialisée", page);
        Assert.True(await SignedOutAsync(client));
        Assert.False(await SignedOutAsync(admin));
    }

    [Fact]
    public async Task AnAdmin_CannotResetTheirOwn_ThroughTheAccountsPage()
    {
        var admin = app.NewClient();
        await admin.SignInAsync("admin.victor-hugo");

        var page = await (
            await admin.PostFormAsync(
                "/gestion/comptes",
                "/gestion/comptes",
                new() { ["_handler"] = "two-factor-reset", ["TwoFactorUserName"] = "admin.victor-hugo" }
            )
        ).ReadPageAsync();

        Assert.Contains("Votre propre double authentification se désactive depuis votre page", page);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByNameAsync("admin.victor-hugo"))!));
    }

    [Fact]
    public async Task AWrongCurrentCode_IsSaidInEnglish()
    {
        var client = app.NewClient();
        var (key, _) = await client.EnrolAsync(
            await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 13)
        );
        await client.GetAsync("/culture/en");
        var page = await client.PostCodeAsync("regenerate", TwoFactorCodes.At(key, -20));
        Assert.Contains("Current code (from your app, or a recovery code)", page);
        Assert.Contains("That code is not right, so nothing was changed.", page);
    }

    private static async Task<bool> SignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/compte/profil");
        return response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.PathAndQueryOrOriginal().StartsWith("/connexion", StringComparison.Ordinal);
    }
}
