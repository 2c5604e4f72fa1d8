using Enoe.App.Account;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Enoe.Tests.Web;

/// <summary>The provider app whose failure floor runs on a clock that records the waits asked of it.</summary>
public sealed class OidcProviderFloorAppFactory : OidcProviderAppFactory
{
    public RecordingClock Clock { get; } = new();

    public OidcProviderFloorAppFactory() =>
        Settings["Enoe:SignIn:FailureFloorMs"] = SignInFloorAppFactory.Floor.TotalMilliseconds.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
            s.AddSingleton(p => new SignInFailureFloor(Clock, p.GetRequiredService<IOptions<SignInFailureOptions>>()))
        );
    }
}

/// <summary>
/// Linking an external identity by password is a sign-in form too: an unknown identifiant (no hash, no write) and a
/// wrong password (a hash and a failure count) answer at the same moment.
/// </summary>
public sealed class ExternalLinkFloorTests(OidcProviderFloorAppFactory app) : IClassFixture<OidcProviderFloorAppFactory>
{
    [Theory]
    [InlineData("personne.inconnue", false)]
    [InlineData("web.plancher", true)]
    public async Task AFailedLink_WaitsOutTheFloor_WhetherTheAccountExistsOrNot(string userName, bool exists)
    {
        if (exists)
            await OidcProviderPeople.CreateAsync(app.Services, userName);
        var client = app.ReturningFromProvider("cle-plancher-" + userName);
        await client.GetAsync("/compte/externe/retour");
        var before = app.Clock.Waits.Count;

        var answer = await client.PostFormAsync(
            "/connexion/relier",
            "/compte/externe/relier",
            new() { ["UserName"] = userName, ["Password"] = "Mauvais#Passe1" }
        );

        Assert.Equal("/connexion/relier?erreur=1", answer.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, app.Clock.Waits.Count);
        Assert.Equal(SignInFloorAppFactory.Floor, app.Clock.Waits.Last());
    }
}
