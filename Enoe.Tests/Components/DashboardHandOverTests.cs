using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets;
using Enoe.Widgets.Common;
using Enoe.Widgets.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Enoe.Tests.Components;

/// <summary>
/// A dashboard prerendered, then opened in its live circuit: the circuit shows what the prerendering loaded (its
/// layout and every widget's data, handed over in the page) without reading them again.
/// </summary>
public sealed class DashboardHandOverTests(ITestOutputHelper output) : BunitContext, IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestDatabase _database = default!;
    private BunitPersistentComponentState _state = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(
            seedDemo: true,
            configure: s => s.AddEnoeWidgets().AddSingleton<IInterceptor>(_counter)
        );
        this.AddDashboardServices(_database);
        _state = AddBunitPersistentComponentState();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("lucas.martin", Profile.Student)]
    [InlineData("claire.fontaine", Profile.Teacher)]
    [InlineData("sophie.martin", Profile.Parent)]
    public async Task TheCircuit_ShowsWhatThePrerenderingLoaded_WithoutLoadingItAgain(string userName, Profile profile)
    {
        await SignInAsync(userName, profile);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var prerendered = await RenderLoadedAsync();
        var prerendering = _counter.Count;

        _state.TriggerOnPersisting();
        await DisposeComponentsAsync();
        _counter.Reset();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var live = await RenderLoadedAsync();

        output.WriteLine($"{prerendering} commands prerendering, {_counter.Count} in the circuit:\n{_counter.Log}");
        Assert.Equal(prerendered, live);
        // What the page's shell reads each time (the person's workspace, their unread mémos), not the widgets'.
        Assert.True(_counter.Count <= 3, $"{_counter.Count} commands in the circuit:\n{_counter.Log}");
    }

    [Fact]
    public async Task AValueOfAnotherShape_FromAPagePrerenderedByThePreviousVersion_IsReadAfresh()
    {
        _state.Persist("widget:7:news", new { Title = "Une actualité d'avant" });
        var values = new PrerenderedValues(Services.GetRequiredService<PersistentComponentState>());

        var read = await values.TakeOrLoadAsync<List<int>>(
            "widget:7:news",
            () => false,
            () => Task.FromResult(new List<int> { 1 })
        );

        Assert.Equal([1], read);
    }

    /// <summary>The dashboard once every widget has loaded: each card's text, in order.</summary>
    private async Task<string[]> RenderLoadedAsync()
    {
        _counter.Reset();
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-widget]")));
        page.WaitForAssertion(() =>
            Assert.DoesNotContain(page.FindAll("[data-widget]"), w => w.TextContent.Contains('…'))
        );
        await _database.DeliveredAsync();
        return [.. page.FindAll("[data-widget]").Select(w => w.GetAttribute("data-widget") + ": " + w.TextContent)];
    }

    private async Task SignInAsync(string userName, Profile profile)
    {
        await using var db = _database.NewContext();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var school = await db.Memberships.Where(m => m.PersonId == person.Id).Select(m => m.SchoolId).FirstAsync();
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new Claim(EnoeClaims.School, school.ToString()),
            new Claim(EnoeClaims.Profile, profile.ToString())
        );
    }
}
