using Enoe.App.Hosting;
using Enoe.Data;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enoe.Tests.EndToEnd;

/// <summary>
/// A tab left hidden gives its circuit up (<c>Enoe:Circuits:PauseHiddenAfterSeconds</c>, a second here) and, shown
/// again, takes a new one that shows what came meanwhile. Its own app host, to count each person's circuits
/// (<c>CircuitTally</c>); the shared browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PausedTabJourney(BrowserFixture browser) : IAsyncLifetime
{
    private readonly EnoeAppFactory _app = new();
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _app.Settings["Enoe:Circuits:PauseHiddenAfterSeconds"] = "1";
        _baseUrl = _app.StartOnKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AHiddenTab_GivesItsCircuitUp_AndShownAgain_ShowsTheMemoThatCameMeanwhile()
    {
        var (id, userName) = await StudentOf4eAAsync();
        var student = await browser.OpenAsync(userName, "/tableau-de-bord", _baseUrl);
        var unread = student
            .GetByRole(AriaRole.Group, new() { Name = "Nouveautés" })
            .GetByRole(AriaRole.Link, new() { Name = "Mémos" })
            .Locator(".enoe-badge");
        var before = int.Parse(await unread.TextContentAsync() ?? "");
        Assert.Equal(1, Tally.OpenFor(id));

        await SetVisibilityAsync(student, "hidden");
        await Eventually.WaitUntilAsync(() => Tally.OpenFor(id) == 0); // given up, not merely disconnected

        var teacher = await browser.OpenAsync("claire.fontaine", "/memos/nouveau", _baseUrl);
        await teacher.SendMemoToClassAsync("4eA", "Sortie au planétarium", "Départ à 8 h devant le collège.");
        await teacher.CloseAsync(new() { RunBeforeUnload = true }); // as a browser closes a tab: the page's beacon

        await SetVisibilityAsync(student, "visible");
        await Expect(student.Locator("[data-widget=memos]")).ToContainTextAsync("Sortie au planétarium");
        await Expect(unread).ToHaveTextAsync($"{before + 1}");
        Assert.Equal(1, Tally.OpenFor(id)); // the student's tab back, with one circuit
    }

    [Fact]
    public async Task APageSomeoneTypedInto_StaysLive_WhatTheyWroteKept()
    {
        var teacher = await browser.OpenAsync("claire.fontaine", "/memos/nouveau", _baseUrl);
        await teacher.GetByLabel("Objet").FillAsync("Conseil de classe");
        var id = await PersonIdAsync("claire.fontaine");
        // Connected ones only: the dashboard she signed in on may keep a circuit without a connection for a while
        // (left before it heard its circuit's id, it could not tell the server it left).
        Assert.Equal(1, Tally.ConnectedFor(id));

        await SetVisibilityAsync(teacher, "hidden");
        await Task.Delay(3000); // three times the delay
        Assert.Equal(1, Tally.ConnectedFor(id));
        await SetVisibilityAsync(teacher, "visible");

        await Expect(teacher.GetByLabel("Objet")).ToHaveValueAsync("Conseil de classe");
    }

    private CircuitTally Tally => _app.Services.GetRequiredService<CircuitTally>();

    /// <summary>What the browser does when the tab goes behind another or comes back to the front.</summary>
    private static Task SetVisibilityAsync(IPage page, string state) =>
        page.EvaluateAsync(
            """
            state => {
                Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
                document.dispatchEvent(new Event("visibilitychange"));
            }
            """,
            state
        );

    private async Task<(string Id, string UserName)> StudentOf4eAAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var student = await scope
            .ServiceProvider.GetRequiredService<EnoeDbContext>()
            .Enrolments.Where(e => e.SchoolClass!.Name == "4eA" && e.SchoolClass.School!.Slug == "college-victor-hugo")
            .OrderBy(e => e.StudentId)
            .Select(e => new { e.StudentId, e.Student!.UserName })
            .FirstAsync();
        return (student.StudentId.ToString(), student.UserName!);
    }

    private async Task<string> PersonIdAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (
            await scope
                .ServiceProvider.GetRequiredService<EnoeDbContext>()
                .Users.SingleAsync(u => u.UserName == userName)
        ).Id.ToString();
    }
}
