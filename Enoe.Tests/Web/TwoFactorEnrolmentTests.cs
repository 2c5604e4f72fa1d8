using System.Net;
using Enoe.Data;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Web;

[Collection(TwoFactorApp.Name)]
public sealed class TwoFactorEnrolmentTests(EnoeAppFactory app)
{
    [Fact]
    public async Task Enrolment_RefusesABadCode_EnablesWithTheAppsCode_ShowsCodesOnce_KeepsThemHashed()
    {
        var teacher = await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 3);
        var client = app.NewClient();
        await client.SignInAsync(teacher);
        var page = await client.GetPageAsync(TwoFactorSteps.Page);
        Assert.Contains("src=\"data:image/png;base64,", page); // the QR code, an image: no script
        var key = await client.KeyShownAsync();
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        Assert.Equal(key, await client.KeyShownAsync()); // reloading keeps the key the app may already have

        var refused = await client.ConfirmAsync(TwoFactorCodes.At(key, -20));
        Assert.Contains("Ce code n'est pas le bon.", refused);
        Assert.False((await app.PersonAsync(teacher)).TwoFactorEnabled);

        var shown = TwoFactorSteps.RecoveryCodes(await client.ConfirmAsync(TwoFactorCodes.Now(key)));
        Assert.Equal(10, shown.Count);
        Assert.True((await app.PersonAsync(teacher)).TwoFactorEnabled);
        // Renewed cookie: this session goes on. The codes are never shown again, and the database holds no code.
        var again = await client.GetPageAsync(TwoFactorSteps.Page);
        Assert.Contains("La double authentification est activée", again);
        Assert.Contains("Codes de secours restants : 10.", again);
        Assert.Empty(TwoFactorSteps.RecoveryCodes(again));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EnoeDbContext>();
        var id = (await app.PersonAsync(teacher)).Id;
        var stored = await db.UserTokens.Where(t => t.UserId == id).Select(t => t.Value).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, value => shown.Any(code => value!.Contains(code)));
    }

    [Fact]
    public async Task Teacher_MayTurnItOff_ButAnAdminMayNot()
    {
        var teacher = await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 4);
        var client = app.NewClient();
        var (key, _) = await client.EnrolAsync(teacher);
        await client.PostCodeAsync("disable", TwoFactorCodes.Now(key));
        Assert.False((await app.PersonAsync(teacher)).TwoFactorEnabled);

        var admin = app.NewClient();
        await admin.SignInAsync("admin.pasteur-dole");
        Assert.Contains("ne peut pas être désactivée", await admin.GetPageAsync(TwoFactorSteps.Page));
        // Not even with the right code: the role requires it.
        await admin.PostCodeAsync("disable", TwoFactorCodes.Now());
        Assert.True((await app.PersonAsync("admin.pasteur-dole")).TwoFactorEnabled);
    }

    [Fact]
    public async Task StudentsAndParents_AreNotOffered_AndTheProfileLinksOnlyStaff()
    {
        var client = app.NewClient();
        await client.SignInAsync("lucas.martin");
        var page = await client.GetPageAsync(TwoFactorSteps.Page);
        Assert.Contains("n'est pas proposée pour votre compte", page);
        Assert.DoesNotContain("authenticator-key", page);
        Assert.DoesNotContain(TwoFactorSteps.Page, await client.GetPageAsync("/compte/profil"));
        var teacher = app.NewClient();
        await teacher.SignInAsync("claire.fontaine");
        Assert.Contains(TwoFactorSteps.Page, await teacher.GetPageAsync("/compte/profil"));
    }

    [Fact]
    public async Task TheEnrolmentPage_SpeaksEnglish()
    {
        var client = app.NewClient();
        await client.SignInAsync(await app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 5));
        await client.GetAsync("/culture/en");
        var page = await client.GetPageAsync(TwoFactorSteps.Page);
        Assert.Contains("Two-step sign-in", page);
        Assert.Contains("Scan this QR code with the app:", page);
        using (new InEnglish())
            Assert.Equal(
                "Your role requires two-step sign-in: it cannot be turned off.",
                PeopleMessages.TwoFactor_Required
            );
    }
}
