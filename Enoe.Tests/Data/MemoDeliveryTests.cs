using System.Data.Common;
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
public sealed class MemoDeliveryTests : IAsyncLifetime
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
        using var listening = _database
            .Get<IEventBus>()
            .Subscribe<MemoSent>(e =>
            {
                lock (heard)
                    heard.Add(e);
                return Task.CompletedTask;
            });
        var id = await SendFailingAsync();

        // Stored: in the sender's sent folder; nothing written for its recipients, nothing heard.
        Assert.Contains((await Memos.ListAsync(As(_f.StaffA), MemoFolder.Sent)).Items, m => m.Id == id);
        Assert.Equal((0, 0), await CopiesAndNoticesAsync(id));
        Assert.Empty((await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox)).Items);
        Assert.Null(await Memos.HeldUntilAsync(As(_f.StaffA), id));
        // A delivery younger than the sweep's age may still be running: left alone.
        Assert.Equal(0, await Memos.DeliverLeftoversAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(1, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
        await _database.DeliveredAsync();

        Assert.Equal((2, 2), await CopiesAndNoticesAsync(id));
        Assert.Single((await Memos.ListAsync(As(_f.StudentA), MemoFolder.Inbox)).Items, m => m.Id == id);
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

        var delivered = await Task.WhenAll(
            Memos.DeliverAsync(id),
            other.GetRequiredService<MemoService>().DeliverAsync(id)
        );

        Assert.Single(delivered, true);
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(id));
    }

    [Fact]
    public async Task WhoTheQuietWindowHolds_IsDecidedAtTheSend_AndToldBeforeTheCopiesAreWritten()
    {
        var fridayNight = new DateTimeOffset(SchoolTime.ToUtc(new DateTime(2026, 12, 4, 21, 0, 0)), TimeSpan.Zero);
        _database.Clock.SetUtcNow(fridayNight);
        var mondayAt7 = SchoolTime.ToUtc(new DateTime(2026, 12, 7, 7, 0, 0));
        var id = await SendFailingAsync();

        Assert.Equal(mondayAt7, await Memos.HeldUntilAsync(As(_f.StaffA), id));
        Assert.True(await Memos.DeliverAsync(id));
        Assert.Equal(mondayAt7, await Memos.HeldUntilAsync(As(_f.StaffA), id));
        await using var db = _database.NewContext();
        Assert.All(
            await db.Set<MemoRecipient>().Where(r => r.MemoId == id).ToListAsync(),
            r => Assert.Equal(mondayAt7, r.HeldUntil)
        );
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

    /// <summary>
    /// Fails the next statement that writes a mémo's copies when armed, as a database that stopped answering would;
    /// notes what <see cref="Marker"/> held in the context that wrote them.
    /// </summary>
    private sealed class CopiesWatch : DbCommandInterceptor
    {
        public static readonly AsyncLocal<string?> Marker = new();
        public volatile bool Armed;
        public volatile bool Written;
        public string? MarkerSeen;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken ct = default
        )
        {
            FailIfArmed(command);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken ct = default
        )
        {
            FailIfArmed(command);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }

        private void FailIfArmed(DbCommand command)
        {
            if (!command.CommandText.Contains("INSERT INTO \"MemoRecipient\""))
                return;
            if (Armed)
            {
                Armed = false;
                throw new InvalidOperationException("The database did not answer (a test's fault).");
            }
            MarkerSeen = Marker.Value;
            Written = true;
        }
    }
}
