using System.Text.RegularExpressions;
using Enoe.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// Twenty clicks dispatched at once on "Envoyer" in Chromium, before the button can turn disabled: one mémo.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClickBurstJourney(BrowserFixture browser)
{
    [Fact]
    public async Task TwentyClicksOnSend_SendOneMemo()
    {
        const string Subject = "Rappel : cahier de textes (rafale)";
        var teacher = await browser.OpenAsync("claire.fontaine", "/memos/nouveau");
        await teacher.GetByLabel("Destinataires").FillAsync("4eA");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Élèves de 4eA" }).ClickAsync();
        await teacher.GetByLabel("Objet").FillAsync(Subject);
        await teacher.GetByLabel("Message").FillAsync("Pensez à le compléter.");
        // The field's change reaches the server (a script's click does not move focus)
        await teacher.GetByLabel("Message").BlurAsync();
        var send = teacher.GetByRole(AriaRole.Button, new() { Name = "Envoyer" });
        await send.EvaluateAsync("button => { for (let i = 0; i < 20; i++) button.click(); }");
        // Sent: the composer opens the mémo (a navigation inside the circuit, no page load).
        await teacher.WaitForURLAsync(new Regex(@"/memos/\d+$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = Subject })).ToBeVisibleAsync();

        var contexts = browser.Services.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.Memos.CountAsync(m => m.Subject == Subject));
    }
}
