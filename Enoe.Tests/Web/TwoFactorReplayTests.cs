using Enoe.Data.People;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

/// <summary>
/// An app code works once per person: the same code, within its 90 seconds, neither signs in a second time nor turns
/// the second factor off (a code seen over the shoulder). The next step's code still works.
/// </summary>
public sealed class TwoFactorReplayTests : IAsyncLifetime
{
    private readonly EnoeAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.Settings["Enoe:TwoFactor:OneUsePerCode"] = "true";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheSameCode_SignsInOnce()
    {
        var code = TwoFactorCodes.Now();

        Assert.Equal("/tableau-de-bord", await _app.SignInWithAsync("admin.victor-hugo", code));
        Assert.Contains("erreur=1", await _app.SignInWithAsync("admin.victor-hugo", code));
        Assert.Equal(
            "/tableau-de-bord",
            await _app.SignInWithAsync("admin.victor-hugo", TwoFactorCodes.At(TwoFactorCodes.DemoKey, 1))
        );
    }

    [Fact]
    public async Task TheCodeThatSignedIn_DoesNotTurnTheSecondFactorOff()
    {
        var teacher = await _app.UserNameAsync(m => (m.Profiles & Profile.Teacher) != 0, skip: 12);
        var client = _app.NewClient();
        await client.SignInAsync(teacher);
        var key = await client.KeyShownAsync();
        var code = TwoFactorCodes.Now(key);
        Assert.Equal(10, TwoFactorSteps.RecoveryCodes(await client.ConfirmAsync(code)).Count);

        Assert.Contains("Ce code n'est pas le bon : rien n'a été changé.", await client.PostCodeAsync("disable", code));
        Assert.True((await _app.PersonAsync(teacher)).TwoFactorEnabled);
        await client.PostCodeAsync("disable", TwoFactorCodes.At(key, 1));
        Assert.False((await _app.PersonAsync(teacher)).TwoFactorEnabled);
    }
}
