using Enoe.App.Memos;
using Enoe.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enoe.Tests.Data;

/// <summary>
/// A mémo is stored with the people it reaches, and their copies are written after the send returns: a delivery that
/// fails leaves the mémo stored and undelivered, never half-delivered, and the sweep delivers it once.
/// </summary>
public sealed partial class MemoDeliveryTests : IAsyncLifetime
{
    private readonly CopiesWatch _copies = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_copies));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    private MemoService Memos => _database.Get<MemoService>();

    [Fact]
    public async Task ADeliveryThatFailed_LeavesTheMemoStoredAndUndelivered_AndTheSweepDeliversItOnce()
    {
        var heard = new List<MemoSent>();
        using var listening = Listen(heard);
        var id = await SendFailingAsync();

        // Stored: in the sender's sent folder; nothing written for its recipients, nothing heard.
        Assert.Contains((await Memos.ListAsync(As(_f.StaffA), MemoFolder.Sent)).Items, m => m.Id == id);
        Assert.Equal((0, 0), await CopiesAndNoticesAsync(id));
        Assert.Empty((await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox)).Items);
        Assert.Null(await Memos.HeldUntilAsync(As(_f.StaffA), id));
        var pending = (await Memos.ReceiptsAsync(As(_f.StaffA), id)).Value!;
        Assert.True(pending.Delivering);
        Assert.Equal((0, 2, "StudentA Test 1, ParentA Test 1"), Receipts(pending));
        // A delivery younger than the sweep's age may still be running: left alone.
        Assert.Equal(0, await Memos.DeliverLeftoversAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(1, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
        await _database.DeliveredAsync();

        Assert.Equal((2, 2), await CopiesAndNoticesAsync(id));
        Assert.Single((await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox)).Items, m => m.Id == id);
        var delivered = (await Memos.ReceiptsAsync(As(_f.StaffA), id)).Value!;
        Assert.False(delivered.Delivering);
        Assert.Equal((0, 2, "StudentA Test 1, ParentA Test 1"), Receipts(delivered));
        var sent = Assert.Single(heard);
        Assert.Equal(id, sent.MemoId);
        Assert.True(sent.Reaches(_f.StudentA.Id) && sent.Reaches(_f.ParentA.Id));
        Assert.Equal(0, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
        Assert.False(await Memos.DeliverAsync(id));
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(id));
    }

    [Fact]
    public async Task TwoInstances_DeliveringOneMemoAtOnce_WriteOneCopyEach()
    {
        var id = await SendFailingAsync();
        await using var other = _database.NewInstance();
        // The first deliverer holds the mémo, its copies not yet written, while the second tries to take it.
        var (holding, release) = (new TaskCompletionSource(), new TaskCompletionSource());
        _copies.BeforeWriting = () =>
        {
            holding.TrySetResult();
            return release.Task;
        };

        var first = Memos.DeliverAsync(id);
        await holding.Task.WaitAsync(TimeSpan.FromSeconds(20));
        _copies.BeforeWriting = null;
        var second = Task.Run(() => other.GetRequiredService<MemoService>().DeliverAsync(id));
        await Task.Delay(300); // time to reach the row (PostgreSQL) or the write lock (SQLite) and wait there
        release.SetResult();
        var delivered = await Task.WhenAll(first, second);

        Assert.Equal([true, false], delivered);
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(id));
    }

    [Fact]
    public async Task WhoTheQuietWindowHolds_IsDecidedAtTheSend_AndToldBeforeTheCopiesAreWritten()
    {
        _database.Clock.SetUtcNow(Paris(4, 21)); // Friday 21:00
        var mondayAt7 = Paris(7, 7).UtcDateTime;
        var id = await SendFailingAsync();

        Assert.Equal(mondayAt7, await Memos.HeldUntilAsync(As(_f.StaffA), id));
        _database.Clock.SetUtcNow(Paris(5, 10)); // delivered late, still in the window
        Assert.True(await Memos.DeliverAsync(id));

        Assert.Equal(mondayAt7, await Memos.HeldUntilAsync(As(_f.StaffA), id));
        Assert.All(await CopiesHeldUntilAsync(id), until => Assert.Equal(mondayAt7, until));
        Assert.All(await NoticesVisibleAtAsync(id), at => Assert.Equal(mondayAt7, at));
    }

    [Fact]
    public async Task AMemoSentBeforeTheQuietWindow_AndDeliveredInIt_IsNotHeld()
    {
        _database.Clock.SetUtcNow(Paris(4, 17)); // Friday 17:00
        var id = await SendFailingAsync();
        _database.Clock.SetUtcNow(Paris(4, 21));

        Assert.True(await Memos.DeliverAsync(id));

        Assert.All(await CopiesHeldUntilAsync(id), until => Assert.Null(until));
        Assert.Equal(1, await Memos.UnreadCountAsync(As(_f.StudentA)));
    }

    [Fact]
    public async Task AMemoHeldButDeliveredAfterTheWindow_ShowsAtOnce_AsOfItsDelivery()
    {
        var heard = new List<MemoSent>();
        using var listening = Listen(heard);
        _database.Clock.SetUtcNow(Paris(4, 21));
        var id = await SendFailingAsync();
        _database.Clock.SetUtcNow(Paris(7, 8)); // Monday 08:00: the window ended an hour ago

        Assert.True(await Memos.DeliverAsync(id));
        await _database.DeliveredAsync();

        Assert.All(await CopiesHeldUntilAsync(id), until => Assert.Null(until));
        // Visible from the delivery: the jobs that announce and mail notices have passed the send's moment.
        Assert.All(await NoticesVisibleAtAsync(id), at => Assert.Equal(Paris(7, 8).UtcDateTime, at));
        Assert.True(Assert.Single(heard).Reaches(_f.StudentA.Id));
    }

    [Fact]
    public async Task ARecipientErasedBeforeALateDelivery_GetsNothing_TheOthersTheirs()
    {
        var id = await SendFailingAsync();
        await using (var db = _database.NewContext()) // as the directory's purge leaves a person it must keep
            await db.Memberships.Where(m => m.PersonId == _f.ParentA.Id).ExecuteDeleteAsync();

        Assert.Equal(1, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));

        Assert.Equal((1, 1), await CopiesAndNoticesAsync(id));
        Assert.Single((await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox)).Items);
    }

    [Fact]
    public async Task TheHostsSweep_DeliversWhatWasLeft_WhenItStarts()
    {
        var id = await SendFailingAsync();
        _database.Clock.Advance(UndeliveredMemoSweep.Period + TimeSpan.FromSeconds(1));
        var sweep = new UndeliveredMemoSweep(Memos, _database.Clock, NullLogger<UndeliveredMemoSweep>.Instance);

        await sweep.StartAsync(CancellationToken.None);
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((await CopiesAndNoticesAsync(id)).Copies == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
                await Task.Delay(20);
        }
        finally
        {
            await sweep.StopAsync(CancellationToken.None);
        }

        Assert.Equal((2, 2), await CopiesAndNoticesAsync(id));
    }

    [Fact]
    public async Task TheDelivery_CarriesNothingOfTheSendersContext()
    {
        CopiesWatch.Marker.Value = "the sender's circuit";

        var sent = await Memos.SendAsync(
            As(_f.StaffA),
            new MemoDraft
            {
                To = [new MemoAddress(AudienceKind.Person, _f.StudentA.Id, "Élève A")],
                Subject = "Cantine",
                Body = "Menu.",
            },
            []
        );
        await Memos.WhenDeliveredAsync();

        Assert.True(sent.Succeeded && _copies.Written);
        Assert.Null(_copies.MarkerSeen);
    }

    /// <summary>Staff A to student A and parent A, whose copies fail to be written the first time.</summary>
    private async Task<int> SendFailingAsync()
    {
        _copies.Armed = true;
        var sent = await Memos.SendAsync(
            As(_f.StaffA),
            new MemoDraft
            {
                To =
                [
                    new MemoAddress(AudienceKind.Person, _f.StudentA.Id, "Élève A"),
                    new MemoAddress(AudienceKind.Person, _f.ParentA.Id, "Parent A"),
                ],
                Subject = "Sortie au musée",
                Body = "Départ à 8 h.",
            },
            []
        );
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors));
        await Memos.WhenDeliveredAsync();
        Assert.False(_copies.Armed); // the delivery did try, and failed
        return sent.Value;
    }

    private IDisposable Listen(List<MemoSent> heard) =>
        _database
            .Get<IEventBus>()
            .Subscribe<MemoSent>(e =>
            {
                lock (heard)
                    heard.Add(e);
                return Task.CompletedTask;
            });

    private static (int Read, int Total, string Audiences) Receipts(MemoReceipts r) =>
        (r.Read, r.Total, string.Join(", ", r.Audiences.Select(a => $"{a.Label} {a.Total}")));

    private static DateTimeOffset Paris(int day, int hour) =>
        new(SchoolTime.ToUtc(new DateTime(2026, 12, day, hour, 0, 0)), TimeSpan.Zero);

    private async Task<List<DateTime?>> CopiesHeldUntilAsync(int memoId)
    {
        await using var db = _database.NewContext();
        var held = await db.Set<MemoRecipient>().Where(r => r.MemoId == memoId).Select(r => r.HeldUntil).ToListAsync();
        Assert.NotEmpty(held);
        return held;
    }

    private async Task<List<DateTime>> NoticesVisibleAtAsync(int memoId)
    {
        await using var db = _database.NewContext();
        var source = MemoService.Source(memoId);
        var visible = await db.Set<Notification>()
            .Where(n => n.Source == source)
            .Select(n => n.VisibleAt)
            .ToListAsync();
        Assert.NotEmpty(visible);
        return visible;
    }

    private async Task<(int Copies, int Notices)> CopiesAndNoticesAsync(int memoId)
    {
        await using var db = _database.NewContext();
        var source = MemoService.Source(memoId);
        return (
            await db.Set<MemoRecipient>().CountAsync(r => r.MemoId == memoId),
            await db.Set<Notification>().CountAsync(n => n.Source == source)
        );
    }

    private Enoe.Data.People.CurrentUser As(Enoe.Data.People.Person person) => TwoSchools.As(person, _f.A);
}
