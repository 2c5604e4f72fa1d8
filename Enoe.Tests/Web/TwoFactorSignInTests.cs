using System.Net;
using Enoe.Data.People;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

[Collection(TwoFactorApp.Name)]
public sealed class TwoFactorSignInTests(EnoeAppFactory app)
{
    [Fact]
    public async Task AnEnrolledPerson_GivesTheAppsCode_AfterThePassword()
    {
        var teacher = await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 6);
        var (key, _) = await app.NewClient().EnrolAsync(teacher);

        var client = app.NewClient();
        var password = await client.PostFormAsync(
            "/connexion",
            "/compte/connexion",
            new() { ["UserName"] = teacher, ["Password"] = Enoe.Data.Demo.DemoSeeder.Password }
        );
        Assert.StartsWith("/connexion/code", password.Headers.Location!.PathAndQueryOrOriginal());
        // The password alone opens nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/tableau-de-bord")).StatusCode);
        var page = await client.GetPageAsync("/connexion/code");
        Assert.Contains("Se souvenir de cet appareil pendant 30 jours", page);
        Assert.DoesNotContain("checked", page); // not remembered unless asked

        var code = await client.SignInWithCodeAsync(TwoFactorCodes.Now(key));
        Assert.Equal("/tableau-de-bord", code.Headers.Location!.PathAndQueryOrOriginal());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tableau-de-bord")).StatusCode);
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce_ThenNoMore()
    {
        var teacher = await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 7);
        var (_, codes) = await app.NewClient().EnrolAsync(teacher);

        Assert.Equal("/tableau-de-bord", await app.SignInWithAsync(teacher, codes[0].ToLowerInvariant()));
        Assert.StartsWith("/connexion/code", await app.SignInWithAsync(teacher, codes[0]));
        Assert.Equal(1, (await app.PersonAsync(teacher)).AccessFailedCount); // counted once, as any wrong code
        Assert.Equal("/tableau-de-bord", await app.SignInWithAsync(teacher, codes[1]));
        Assert.Equal(
            8,
            await app.WithUsersAsync(async u => await u.CountRecoveryCodesAsync((await u.FindByNameAsync(teacher))!))
        );
    }

    [Fact]
    public async Task WrongCodes_LockTheAccount_EvenTheRightCodeIsThenRefused()
    {
        var teacher = await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 8);
        var (key, codes) = await app.NewClient().EnrolAsync(teacher);

        var client = app.NewClient();
        await client.PostFormAsync(
            "/connexion",
            "/compte/connexion",
            new() { ["UserName"] = teacher, ["Password"] = Enoe.Data.Demo.DemoSeeder.Password }
        );
        // Wrong app codes and a wrong recovery code count alike: five failures in all.
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.SignInWithCodeAsync(TwoFactorCodes.At(key, -20 - i));
            Assert.EndsWith("&erreur=1", wrong.Headers.Location!.PathAndQueryOrOriginal());
        }
        await client.SignInWithCodeAsync("ZZZZZ-ZZZZZ");
        Assert.True(await app.WithUsersAsync(async u => await u.IsLockedOutAsync((await u.FindByNameAsync(teacher))!)));

        var right = await client.SignInWithCodeAsync(TwoFactorCodes.Now(key));
        Assert.EndsWith("&erreur=1", right.Headers.Location!.PathAndQueryOrOriginal());
        var recovery = await client.SignInWithCodeAsync(codes[0]);
        Assert.EndsWith("&erreur=1", recovery.Headers.Location!.PathAndQueryOrOriginal());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/tableau-de-bord")).StatusCode);
        Assert.Equal(
            10,
            await app.WithUsersAsync(async u => await u.CountRecoveryCodesAsync((await u.FindByNameAsync(teacher))!))
        );
    }

    [Fact]
    public async Task TheCodeStep_WithoutThePasswordFirst_SignsNobodyIn()
    {
        var client = app.NewClient();
        var response = await client.SignInWithCodeAsync(TwoFactorCodes.Now(), "/connexion");
        Assert.StartsWith("/connexion?erreur=1", response.Headers.Location!.PathAndQueryOrOriginal());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/tableau-de-bord")).StatusCode);
    }
}
