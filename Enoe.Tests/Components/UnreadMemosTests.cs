using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.People;
using Enoe.Tests.Support;
using Enoe.Widgets.Common;
using Enoe.Widgets.Memos;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Components;

/// <summary>
/// The unread mémos of one tab, shared by its badge and its widget: a mémo reaching many open tabs updates them from
/// the event alone (no query per tab); a mémo read elsewhere reloads each tab once.
/// </summary>
public sealed class UnreadMemosTests : IAsyncLifetime
{
    private readonly CommandCounter _counter = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s =>
            s.AddSingleton<IInterceptor>(_counter)
                .AddScoped<UnreadMemos>()
                .AddScoped<RenderTogether>()
                .AddScoped<LiveEvents>()
                .AddScoped(_ => new PrerenderedValues(null, null, TimeProvider.System, new RenderScope()))
        );
        _f = await TwoSchools.CreateAsync(_database);
        await SendAsync("Avant"); // warms the switches' cache: counted in no figure below
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task AMemoReachingThirtyOpenTabs_UpdatesEachCountAndList_WithNoQueryOfTheirOwn()
    {
        var alone = await CommandsToSendAsync("Sans onglet");
        var tabs = await OpenTabsAsync(30);
        var changed = 0;
        foreach (var tab in tabs)
            tab.Show(render => Run(render), () => Interlocked.Increment(ref changed));

        var withTabs = await CommandsToSendAsync("Conseil de classe");

        Assert.Equal(alone, withTabs);
        Assert.Equal(30, changed);
        Assert.All(
            tabs,
            tab =>
            {
                Assert.Equal(3, tab.Current!.Count);
                Assert.Equal(["Conseil de classe", "Sans onglet", "Avant"], tab.Current.Latest.Select(m => m.Subject));
            }
        );
    }

    [Fact]
    public async Task AMemoReadInAnotherTab_ReloadsEachTabOnce_AndTheCountFalls()
    {
        var tabs = await OpenTabsAsync(3);
        var reader = _database.Get<MemoService>();
        var first = tabs[0].Current!.Latest.Single();
        _counter.Reset();

        var read = await reader.ConversationAsync(TwoSchools.As(_f.StudentA, _f.A), first.Id);
        await _database.DeliveredAsync();

        Assert.True(read.Succeeded);
        Assert.All(tabs, tab => Assert.Equal((0, 0), (tab.Current!.Count, tab.Current.Latest.Count)));
        Assert.Equal(3, Reloads());
    }

    [Fact]
    public async Task ATabWhoseConnectionIsDown_QueriesNothingForAMemoReadElsewhere_AndCatchesUpWhenBack()
    {
        var (away, connection) = await OpenTabAsync();
        var here = (await OpenTabsAsync(1))[0];
        connection.ConnectionDown();
        _counter.Reset();

        await _database.Get<MemoService>().ConversationAsync(Me, here.Current!.Latest.Single().Id);
        await _database.DeliveredAsync();

        Assert.Equal((1, 0), (Reloads(), here.Current!.Count)); // the tab that is there, only
        Assert.Equal(1, away.Current!.Count);
        _counter.Reset();
        var (reload, catchingUp) = connection.Resume();
        Assert.False(reload);
        await catchingUp;
        Assert.Equal((1, 0), (Reloads(), away.Current!.Count));
    }

    [Fact]
    public async Task APrerenderedTab_HearsNothing()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var prerendered = scope.ServiceProvider.GetRequiredService<UnreadMemos>();
        await prerendered.LoadAsync(TwoSchools.As(_f.StudentA, _f.A), take: 6, live: false);

        await SendAsync("Après le premier rendu");

        Assert.Equal(["Avant"], prerendered.Current!.Latest.Select(m => m.Subject));
    }

    [Theory]
    [InlineData(2, 2)] // delivered in overlapping transactions (PostgreSQL): neither count saw the other's copy
    [InlineData(2, 3)] // the newer delivered first, the older's count then included it; heard in that order
    public async Task TwoMemosCountedAtOnce_OrHeardOutOfOrder_LeaveTheBadgeRight(int newerCount, int olderCount)
    {
        var tab = (await OpenTabsAsync(1))[0];
        // Two mémos written through another instance, whose events this tab hears as the bus brings them.
        await using (var other = _database.NewInstance())
        {
            foreach (var subject in new[] { "Plus ancien", "Plus récent" })
                Assert.True(
                    (await other.GetRequiredService<MemoService>().SendAsync(Staff, Draft(subject), [])).Succeeded
                );
            await other.DeliveredAsync();
        }
        var latest = (await _database.Get<MemoService>().UnreadAsync(Me, 2)).Latest;
        var (newer, older) = (latest[0], latest[1]);
        var bus = _database.Get<IEventBus>();

        await bus.PublishAsync(new MemoSent(newer.Id, newer, new Dictionary<int, int> { [Me.PersonId] = newerCount }));
        await bus.PublishAsync(new MemoSent(older.Id, older, new Dictionary<int, int> { [Me.PersonId] = olderCount }));
        await _database.DeliveredAsync();

        Assert.Equal(3, tab.Current!.Count);
        Assert.Equal(["Plus récent", "Plus ancien", "Avant"], tab.Current.Latest.Select(m => m.Subject));
    }

    private async Task<List<UnreadMemos>> OpenTabsAsync(int count)
    {
        var tabs = new List<UnreadMemos>();
        for (var i = 0; i < count; i++)
            tabs.Add((await OpenTabAsync()).Tab);
        return tabs;
    }

    private async Task<(UnreadMemos Tab, LiveEvents Events)> OpenTabAsync()
    {
        var scope = _database.Services.CreateAsyncScope(); // a circuit's: disposed with the database's services
        var tab = scope.ServiceProvider.GetRequiredService<UnreadMemos>();
        await tab.LoadAsync(Me, take: 0, live: true); // the badge
        await tab.LoadAsync(Me, take: 6, live: true); // then the widget
        return (tab, scope.ServiceProvider.GetRequiredService<LiveEvents>());
    }

    private CurrentUser Me => TwoSchools.As(_f.StudentA, _f.A);
    private CurrentUser Staff => TwoSchools.As(_f.StaffA, _f.A);

    private MemoDraft Draft(string subject) =>
        new()
        {
            To = [new MemoAddress(AudienceKind.Person, _f.StudentA.Id, "Élève A")],
            Subject = subject,
            Body = "Jeudi à 18 h.",
        };

    /// <summary>How many tabs read their unread mémos again since the counter was reset.</summary>
    private int Reloads() =>
        _counter.Log.Split("\n---\n").Count(c => c.Contains("\"ReadAt\" IS NULL") && c.Contains("LIMIT"));

    /// <summary>A tab's dispatcher, as far as these tests go: the render runs at once.</summary>
    private static Task Run(Action render)
    {
        render();
        return Task.CompletedTask;
    }

    private async Task<int> CommandsToSendAsync(string subject)
    {
        _counter.Reset();
        await SendAsync(subject);
        return _counter.Count;
    }

    private Task SendAsync(string subject) => _database.SendStaffMemoToStudentAsync(_f, subject);
}
