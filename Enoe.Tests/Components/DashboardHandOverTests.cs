using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Enoe.Data.People;
using Enoe.Data.Sessions;
using Enoe.Data.Structure;
using Enoe.Tests.Support;
using Enoe.Widgets;
using Enoe.Widgets.Common;
using Enoe.Widgets.Dashboard;
using Enoe.Widgets.Memos;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
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
    private BunitAuthorizationContext? _auth;

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
        Assert.True(_counter.Count == 0, $"{_counter.Count} commands in the circuit:\n{_counter.Log}");
    }

    /// <summary>
    /// A dashboard opened again (its tabs exist, the établissement's shared reads are cached) reads at most one
    /// database command per widget, and one more for its layout (issue 20's budget; the shell's reads are not in this
    /// count, the page's workspace is): a widget reading more, or one more read anywhere, fails here.
    /// </summary>
    [Theory]
    [InlineData("lucas.martin", Profile.Student)]
    [InlineData("claire.fontaine", Profile.Teacher)]
    [InlineData("sophie.martin", Profile.Parent)]
    public async Task ADashboardOpenedAgain_ReadsWithinItsBudget(string userName, Profile profile)
    {
        await SignInAsync(userName, profile);
        Services.GetRequiredService<RenderScope>().MarkStatic(); // the page's request, as the pipeline marks it
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        await RenderLoadedAsync(); // the first visit writes the tabs
        await DisposeComponentsAsync();
        _database.Clock.Advance(RecordsMemo.Lifetime); // another request: the first one's memo is not its own

        var widgets = (await RenderLoadedAsync()).Length;

        output.WriteLine($"{_counter.Count} commands for {widgets} widgets:\n{_counter.Log}");
        Assert.True(_counter.Count <= 1 + widgets, $"{_counter.Count} commands for {widgets} widgets:\n{_counter.Log}");
    }

    /// <summary>
    /// What an opening reads (the session's check, the shell, the layout, every widget) finds its rows through an
    /// index: no statement reads a table whole, nor numbers an établissement's rows to keep one. Such a read costs in
    /// proportion to the académie (300,000 accounts) on every page, whoever opens it.
    /// </summary>
    [Theory]
    [Trait("Database", "SqliteOnly")] // SQLite's plans; PostgreSQL plans the same statements its own way
    [InlineData("lucas.martin", Profile.Student)]
    [InlineData("claire.fontaine", Profile.Teacher)]
    [InlineData("sophie.martin", Profile.Parent)]
    public async Task OpeningADashboard_ReadsNoTableWhole(string userName, Profile profile)
    {
        var personId = await SignInAsync(userName, profile);
        var sessions = _database.Get<SignInSessions>();
        var session = await sessions.StartAsync(personId, "127.0.0.1", "bUnit", secondFactor: false);
        Services.GetRequiredService<RenderScope>().MarkStatic();
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        _counter.Reset();

        Assert.True(await sessions.IsOpenAsync(session, personId)); // every request's check
        await RenderLoadedAsync(reset: false);

        // The reads this test is about were made (a cache serving them would leave nothing to check).
        Assert.Contains(_counter.Texts, t => t.Contains("FROM \"Memberships\""));
        Assert.Contains(_counter.Texts, t => t.Contains("FROM \"LogbookEntries\""));
        var whole = new List<string>();
        foreach (var statement in _counter.Texts.Where(t => t.TrimStart().StartsWith("SELECT")).Distinct())
        foreach (var table in await QueryPlans.TablesReadWholeAsync(_database, statement))
            if (table != "Academies") // one row
                whole.Add($"{table} in:\n{statement}");
        // A window numbers every row its filter lets through before one is kept: an établissement's members, for one.
        whole.AddRange(_counter.Texts.Where(t => t.Contains("ROW_NUMBER()")).Select(t => $"a window in:\n{t}"));
        Assert.True(whole.Count == 0, string.Join("\n\n=====\n", whole));
    }

    [Fact]
    public async Task TheShell_TakesTheWorkspaceAndUnreadMemosThePrerenderingRead_InANewScope()
    {
        await SignInAsync("sophie.martin", Profile.Parent);
        Services.GetRequiredService<RenderScope>().MarkStatic(); // the page's request, as the pipeline marks it
        var session = Services.GetRequiredService<UserSession>();
        var user = (await session.GetUserAsync())!;
        var workspace = await session.GetWorkspaceAsync();
        var unread = Services.GetRequiredService<UnreadMemos>();
        await unread.LoadAsync(user, take: 0, live: false); // the badge, then the widget
        await unread.LoadAsync(user, take: 5, live: false);
        _state.TriggerOnPersisting();
        _counter.Reset();

        await using var circuit = Services.CreateAsyncScope(); // a scope of its own, not marked static
        var live = await circuit.ServiceProvider.GetRequiredService<UserSession>().GetWorkspaceAsync();
        var liveUnread = circuit.ServiceProvider.GetRequiredService<UnreadMemos>();
        await liveUnread.LoadAsync(user, take: 0, live: true);
        await liveUnread.LoadAsync(user, take: 5, live: true);

        Assert.Equal(0, _counter.Count);
        Assert.Equivalent(workspace, live, strict: true);
        Assert.True(live!.Runs(Enoe.Data.Schools.EntService.Memos)); // the switches survive the trip
        Assert.Equal(workspace!.SelectedChild, live.SelectedChild);
        Assert.Equal(unread.Current!.Count, liveUnread.Current!.Count);
        Assert.Equal(unread.Current.Latest, liveUnread.Current.Latest);
    }

    [Fact]
    public async Task AValueOfAnotherShape_FromAPagePrerenderedByThePreviousVersion_IsReadAfresh()
    {
        await SignInAsync("lucas.martin", Profile.Student);
        await HandOverAsync("widget:7:news", new { Title = "Une actualité d'avant" });

        Assert.Equal([1], await TakeOrLoadAsync("widget:7:news", [1]));
    }

    [Fact]
    public async Task StateHandedForSomeoneElse_OrTooOld_IsReadAfresh()
    {
        await SignInAsync("lucas.martin", Profile.Student);
        await HandOverAsync("widget:7:notes", new List<int> { 14 });
        await SignInAsync("claire.fontaine", Profile.Teacher); // the page saved, replayed by another person

        Assert.Equal([1], await TakeOrLoadAsync("widget:7:notes", [1]));
    }

    [Fact]
    public async Task StateOlderThanAPageTakesToOpen_IsReadAfresh()
    {
        await SignInAsync("lucas.martin", Profile.Student);
        await HandOverAsync("widget:7:notes", new List<int> { 14 });
        _database.Clock.Advance(PrerenderedValues.Freshness + TimeSpan.FromSeconds(1));

        Assert.Equal([1], await TakeOrLoadAsync("widget:7:notes", [1]));
    }

    /// <summary>
    /// What a prerendered page hands its circuit: <paramref name="value"/> under <paramref name="key"/>.
    /// </summary>
    private async Task HandOverAsync<T>(string key, T value)
    {
        var prerendering = new PrerenderedValues(State, Authentication, _database.Clock, new RenderScope());
        await prerendering.TakeOrLoadAsync(key, () => true, () => Task.FromResult(value));
        _state.TriggerOnPersisting();
    }

    /// <summary>What the circuit shows under <paramref name="key"/>: what was handed over, or what it loads.</summary>
    private Task<List<int>> TakeOrLoadAsync(string key, List<int> loaded) =>
        new PrerenderedValues(State, Authentication, _database.Clock, new RenderScope()).TakeOrLoadAsync(
            key,
            () => false,
            () => Task.FromResult(loaded)
        );

    private PersistentComponentState State => Services.GetRequiredService<PersistentComponentState>();
    private AuthenticationStateProvider Authentication => Services.GetRequiredService<AuthenticationStateProvider>();

    /// <summary>The dashboard once every widget has loaded: each card's text, in order.</summary>
    private async Task<string[]> RenderLoadedAsync(bool reset = true)
    {
        if (reset)
            _counter.Reset();
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-widget]")));
        page.WaitForAssertion(() =>
            Assert.DoesNotContain(page.FindAll("[data-widget]"), w => w.TextContent.Contains('…'))
        );
        await _database.DeliveredAsync();
        return [.. page.FindAll("[data-widget]").Select(w => w.GetAttribute("data-widget") + ": " + w.TextContent)];
    }

    private async Task<int> SignInAsync(string userName, Profile profile)
    {
        await using var db = _database.NewContext();
        var person = await db.Users.SingleAsync(u => u.UserName == userName);
        var school = await db.Memberships.Where(m => m.PersonId == person.Id).Select(m => m.SchoolId).FirstAsync();
        var auth = _auth ??= AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()),
            new Claim(EnoeClaims.School, school.ToString()),
            new Claim(EnoeClaims.Profile, profile.ToString())
        );
        return person.Id;
    }
}
