using System.Net;
using Enoe.Tests.Support;

namespace Enoe.Tests.Web;

/// <summary>
/// Return addresses come from the browser: whatever they hold, the answer is a safe redirect, never a 500.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ReturnAddressTests(EnoeAppFactory app)
{
    public static TheoryData<string> Hostile() =>
        [
            "/tableau-de-bord\r\nSet-Cookie: x=1",
            "/\u0001",
            "/\t/evil.example",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
        ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task SignIn_WithAHostileReturnUrl_LandsOnTheDashboard(string returnUrl)
    {
        var response = await app.NewClient().SignInAsync("lucas.martin", returnUrl: returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/tableau-de-bord", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Language_WithAHostileRetour_GoesHome(string retour)
    {
        var response = await app.NewClient().GetAsync($"/culture/en?retour={Uri.EscapeDataString(retour)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task SignInPage_WithAHostileReturnUrl_StillAnswers(string returnUrl)
    {
        var response = await app.NewClient().GetAsync($"/connexion?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithANullCharacterInTheForm_IsABadRequest()
    {
        var client = app.NewClient();
        var token = await client.AntiforgeryTokenAsync();
        var body =
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}"
            + "&UserName=lucas.martin&Password=x&ReturnUrl=%2Fmemos%00";
        var response = await client.PostAsync(
            "/compte/connexion",
            new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded")
        );
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ALocalAddressWithAccents_IsKeptAndEscaped()
    {
        var response = await app.NewClient()
            .GetAsync($"/culture/fr?retour={Uri.EscapeDataString("/memos?recherche=élève")}");
        Assert.Equal("/memos?recherche=%C3%A9l%C3%A8ve", response.Headers.Location?.OriginalString);
    }
}
