using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Tests.Support.TestDirectory;

namespace Enoe.Tests.Web;

/// <summary>Directory accounts (password checked by the académie directory) go through the same second step.</summary>
public sealed class TwoFactorDirectoryTests(DirectoryAppFactory app) : IClassFixture<DirectoryAppFactory>
{
    [Fact]
    public async Task TheDirectorysDirection_MustEnrol_ThenGivesACodeAfterTheDirectoryPassword()
    {
        // As a sync leaves the direction (National_4): staff who administer their établissement.
        var direction = app.Slapd.Sample.Find(SampleDirectory.DirectionDn(0))!;
        await DirectoryAccounts.AddAsync(app.Services, direction, profile: Profile.Staff | Profile.SchoolAdmin);
        var login = direction.Entry.Login!;
        var first = app.NewClient();
        await first.SignInAsync(login, SampleDirectory.Password);
        Assert.Equal(TwoFactorSteps.Page, (await first.GetAsync("/tableau-de-bord")).Headers.Location?.OriginalString);
        var key = await first.KeyShownAsync();
        Assert.Equal(10, TwoFactorSteps.RecoveryCodes(await first.ConfirmAsync(TwoFactorCodes.Now(key))).Count);

        var client = app.NewClient();
        var password = await client.PostFormAsync(
            "/connexion",
            "/compte/connexion",
            new() { ["UserName"] = login, ["Password"] = SampleDirectory.Password }
        );
        Assert.StartsWith("/connexion/code", password.Headers.Location!.PathAndQueryOrOriginal());
        var code = await client.SignInWithCodeAsync(TwoFactorCodes.Now(key));
        Assert.Equal("/tableau-de-bord", code.Headers.Location!.PathAndQueryOrOriginal());
    }
}
