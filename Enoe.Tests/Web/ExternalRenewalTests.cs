using Enoe.App.SingleSignOn;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Microsoft.AspNetCore.Authentication;

namespace Enoe.Tests.Web;

/// <summary>
/// A resource asks for the password again (CAS <c>renew</c>, OpenID Connect <c>prompt=login</c>) of someone who signs
/// in through an external provider: the provider is asked again, and only a sign-in it made for that very renewal
/// counts.
/// </summary>
public sealed class ExternalRenewalTests(OidcProviderAppFactory app) : IClassFixture<OidcProviderAppFactory>
{
    private const string Callback = "/compte/externe/retour";
    private const string Service = "http://localhost:8090/ressource/";

    [Fact]
    public void TheProvider_IsAskedForThePasswordAgain_ForARenewal_Only()
    {
        var renewal = new AuthenticationProperties();
        var plain = new AuthenticationProperties();

        CasRenewal.AskProviderAgain(renewal, "/cas/login?service=x&renew=true&depuis=TAMPON", TimeProvider.System);
        CasRenewal.AskProviderAgain(plain, "/tableau-de-bord?depuis=TAMPON", TimeProvider.System);

        Assert.Equal("login", renewal.GetParameter<string>("prompt"));
        Assert.Equal(TimeSpan.Zero, renewal.GetParameter<TimeSpan?>("max_age"));
        Assert.Null(plain.GetParameter<string>("prompt"));
        Assert.Empty(plain.Items);
    }

    [Fact]
    public async Task ASignInTheProviderMadeForTheRenewal_Renews_AnEditedWayBackOrAnOldAuthenticationDoesNot()
    {
        await OidcProviderPeople.CreateAsync(
            app.Services,
            "ext.renouvele",
            OidcProviderPeople.EmailOf("ext.renouvele"),
            profile: Profile.Teacher
        );
        var back = await WayBackAsync();

        var asked = app.ReturningFromProvider(
            "cle-renouvele",
            OidcProviderPeople.EmailOf("ext.renouvele"),
            out _,
            p => CasRenewal.AskProviderAgain(p, back, TimeProvider.System)
        );
        // A provider that ignored prompt=login: it says the person authenticated an hour before it was asked.
        var stale = app.ReturningFromProvider(
            "cle-renouvele",
            OidcProviderPeople.EmailOf("ext.renouvele"),
            out _,
            p => CasRenewal.AskProviderAgain(p, back, TimeProvider.System),
            new System.Security.Claims.Claim(
                "auth_time",
                DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds().ToString()
            )
        );
        var edited = app.ReturningFromProvider("cle-renouvele", OidcProviderPeople.EmailOf("ext.renouvele"));
        await asked.GetAsync(Callback + "?ReturnUrl=" + Uri.EscapeDataString(back));
        await edited.GetAsync(Callback + "?ReturnUrl=" + Uri.EscapeDataString(back));
        await stale.GetAsync(Callback + "?ReturnUrl=" + Uri.EscapeDataString(back));

        var renewed = await asked.GetAsync(back);
        var notRenewed = await edited.GetAsync(back);
        var notFresh = await stale.GetAsync(back);

        Assert.StartsWith(Service + "?ticket=ST-", renewed.Headers.Location!.OriginalString);
        Assert.StartsWith("/connexion?ReturnUrl=", notRenewed.Headers.Location!.OriginalString);
        Assert.StartsWith("/connexion?ReturnUrl=", notFresh.Headers.Location!.OriginalString);
    }

    /// <summary>Where the sign-in page sends back to after a renewal: <c>/cas/login</c> with its stamp.</summary>
    private async Task<string> WayBackAsync()
    {
        var asked = await app.NewClient().GetAsync($"/cas/login?service={Uri.EscapeDataString(Service)}&renew=true");
        var location = asked.Headers.Location!.OriginalString;
        return Uri.UnescapeDataString(location["/connexion?ReturnUrl=".Length..]);
    }
}
