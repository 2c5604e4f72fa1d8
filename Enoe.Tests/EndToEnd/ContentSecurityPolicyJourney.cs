using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// The real Chromium enforces the Content-Security-Policy on the public site, the sign-in page, the dashboard and a
/// mémo page, refuses nothing ENOE itself needs, and the circuit (a WebSocket under <c>connect-src 'self'</c>) works.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyJourney(BrowserFixture browser)
{
    // Recorded by every document before its own scripts run (Playwright's init scripts are not subject to the CSP).
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task NothingIsRefused_OnThePublicSiteSignInDashboardAndMemos_AndTheCircuitWorks()
    {
        var page = await browser.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Refused to") || message.Text.Contains("Content Security Policy"))
                console.Add(message.Text);
            if (message.Text.Contains("Permissions-Policy") || message.Text.Contains("Unrecognized feature"))
                console.Add(message.Text);
        };
        await page.AddInitScriptAsync(RecordViolations);

        await page.GotoAsync("/college-victor-hugo");
        await Expect(page.GetByText("Réunion parents-professeurs")).ToBeVisibleAsync();
        await AssertNoViolationAsync(page);
        Assert.Equal("object", await page.EvaluateAsync<string>("() => typeof Blazor")); // blazor.web.js ran

        await page.GotoAsync("/connexion");
        await AssertNoViolationAsync(page);
        await page.SignInAsync("claire.fontaine");
        await page.WaitForURLAsync("**/tableau-de-bord");
        await page.WaitForCircuitAsync(); // the WebSocket opened
        // A click the server answers: the dark mode button turns pressed.
        var darkMode = page.GetByRole(AriaRole.Button, new() { Name = "Mode sombre" });
        await darkMode.ClickAsync();
        await Expect(darkMode).ToHaveAttributeAsync("aria-pressed", "true");
        await darkMode.ClickAsync();
        await Expect(darkMode).ToHaveAttributeAsync("aria-pressed", "false");
        await AssertNoViolationAsync(page);

        // The composer loads its modules through the import map (the nonce's inline script) and keeps a draft.
        await page.GotoAsync("/memos/nouveau");
        await page.WaitForCircuitAsync();
        await page.GetByLabel("Objet").FillAsync("Sous la politique de sécurité");
        await page.Locator("[data-draft-form][data-draft-state=saved]").WaitForAsync();
        await AssertNoViolationAsync(page);

        await page.GotoAsync("/memos");
        await page.WaitForCircuitAsync();
        await AssertNoViolationAsync(page);
        Assert.Empty(console);
    }

    private static async Task AssertNoViolationAsync(IPage page) =>
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
}
