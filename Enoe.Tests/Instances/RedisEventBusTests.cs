using System.Text.Json;
using Enoe.Data.Events;
using Enoe.Data.Logbook;
using Enoe.Data.Memos;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Enoe.Tests.Instances;

/// <summary>
/// Two instances' buses over the test run's Redis (each with its own connection, as two processes have): events
/// cross once, this instance's own are not delivered twice, and Redis never holds up local delivery.
/// </summary>
public sealed class RedisEventBusTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly string _prefix = RedisServer.NewPrefix();
    private readonly List<IAsyncDisposable> _owned = [];

    [Fact]
    public async Task AnEvent_ReachesTheOtherInstanceOnce_AndItsOwnSubscriberOnce()
    {
        var (a, b) = (await NewBusAsync(), await NewBusAsync());
        var (onA, onB) = (new Heard(), new Heard());
        using var listeningA = a.Subscribe<MemoSent>(onA.Add);
        using var listeningB = b.Subscribe<MemoSent>(onB.Add);

        await a.PublishAsync(Sent(1, 7, 8));
        await onB.HeardAsync(1);
        // A marker back from B: Redis keeps the channel's order, so by the time A hears it, A has read (and skipped)
        // its own first message; and a second copy of the first would reach B before B's own marker.
        await b.PublishAsync(Sent(2));
        await onA.HeardAsync(2);
        await Task.WhenAll(a.WhenIdleAsync(), b.WhenIdleAsync()).WaitAsync(Patience);

        Assert.Equal([1, 2], onA.MemoIds);
        Assert.Equal([1, 2], onB.MemoIds);
        Assert.Equal([7, 8], onB.First.UnreadByRecipient.Keys.Order());
        Assert.Equal("Mémo 1", onB.First.Summary.Subject);
    }

    [Fact]
    public async Task UnknownTypes_AndWhatIsNotAnEvent_AreIgnored()
    {
        var log = new ListLogger<RedisEventBus>();
        var bus = await NewBusAsync(log);
        var heard = new Heard();
        using var listening = bus.Subscribe<MemoSent>(heard.Add);
        var redis = await ConnectAsync();
        var channel = RedisChannel.Literal(_prefix + "events");
        string Envelope(string type, object payload) =>
            JsonSerializer.Serialize(
                new
                {
                    type,
                    instance = "elsewhere",
                    payload,
                },
                JsonSerializerOptions.Web
            );

        await redis.GetSubscriber().PublishAsync(channel, Envelope("System.Diagnostics.Process", new { }));
        await redis.GetSubscriber().PublishAsync(channel, Envelope(typeof(MemoSent).FullName!, new { memoId = 5 }));
        await redis.GetSubscriber().PublishAsync(channel, "not json");
        await redis.GetSubscriber().PublishAsync(channel, Envelope(nameof(MemoSent), new { memoId = 6 }));
        await heard.HeardAsync(6);
        await bus.WhenIdleAsync().WaitAsync(Patience);

        Assert.Equal([6], heard.MemoIds);
        Assert.Equal(2, log.Messages.Count(m => m.StartsWith("Ignored an event of unknown type")));
        Assert.Contains(log.Messages, m => m.StartsWith("Ignored a message") && m.EndsWith("that is not an event"));
    }

    [Fact]
    public async Task RedisDown_LocalDeliveryGoesOn_AndThePublisherIsNotTold()
    {
        var log = new ListLogger<RedisEventBus>();
        // Nothing listens on that port: Redis stopped (the connection retries in the background, as the app's does).
        var down = await ConnectionMultiplexer.ConnectAsync(
            "127.0.0.1:1,abortConnect=false,connectTimeout=300,asyncTimeout=500,syncTimeout=500"
        );
        _owned.Add(down);
        var bus = new RedisEventBus(NewLocal(), down, Options(), log);
        var heard = new Heard();
        using var listening = bus.Subscribe<LogbookChanged>(e => heard.Add(Sent(e.EntryId)));

        var publishing = bus.PublishAsync(new LogbookChanged(3, 1, 10, null));
        await bus.PublishAsync(new LogbookChanged(4, 1, 10, null));

        Assert.True(publishing.IsCompletedSuccessfully);
        await heard.HeardAsync(4);
        await bus.WhenIdleAsync().WaitAsync(Patience);
        Assert.Equal([3, 4], heard.MemoIds);
        await log.LoggedAsync("Redis refused an event");
        Assert.Single(log.Messages, m => m.StartsWith("Redis refused an event")); // once per outage
        bus.Dispose();
    }

    [Fact]
    public async Task TheBus_GoesOverRedis_OnlyWhenTheHostRegisteredAConnection()
    {
        var redis = await ConnectAsync();
        await using var withRedis = await TestDatabase.CreateAsync(configure: s =>
            s.AddSingleton<IConnectionMultiplexer>(redis)
        );
        await using var without = await TestDatabase.CreateAsync();

        Assert.IsType<RedisEventBus>(withRedis.Get<IEventBus>());
        Assert.IsType<InProcessEventBus>(without.Get<IEventBus>());
    }

    private async Task<RedisEventBus> NewBusAsync(ListLogger<RedisEventBus>? log = null)
    {
        var bus = new RedisEventBus(
            NewLocal(),
            await ConnectAsync(),
            Options(),
            log ?? (Microsoft.Extensions.Logging.ILogger<RedisEventBus>)NullLogger<RedisEventBus>.Instance
        );
        _owned.Add(new Disposing(bus.Dispose));
        await bus.Subscribed.WaitAsync(Patience);
        return bus;
    }

    private InProcessEventBus NewLocal()
    {
        var local = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        _owned.Add(local);
        return local;
    }

    private IOptions<RedisEventBusOptions> Options() =>
        Microsoft.Extensions.Options.Options.Create(new RedisEventBusOptions { Prefix = _prefix });

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(await RedisServer.ConfigurationAsync());
        _owned.Add(redis);
        return redis;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
            await owned.DisposeAsync();
    }

    private sealed class Disposing(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>What one instance's subscriber heard, in order, with a wait for a given mémo.</summary>
    private static MemoSent Sent(int id, params int[] people) =>
        new(
            id,
            new MemoListItem(id, id, $"Mémo {id}", "Marie Dupont", "6e A", DateTime.UtcNow, false, false),
            people.ToDictionary(p => p, _ => 1)
        );

    private sealed class Heard
    {
        private readonly List<MemoSent> _events = [];
        private readonly Dictionary<int, TaskCompletionSource> _awaited = [];

        public MemoSent First => MemoIdsLocked(() => _events[0]);
        public int[] MemoIds => MemoIdsLocked(() => _events.Select(e => e.MemoId).Order().ToArray());

        public Task Add(MemoSent e)
        {
            lock (_events)
            {
                _events.Add(e);
                Signal(e.MemoId).TrySetResult();
            }
            return Task.CompletedTask;
        }

        public Task HeardAsync(int memoId)
        {
            lock (_events)
                return Signal(memoId).Task.WaitAsync(Patience);
        }

        private TaskCompletionSource Signal(int memoId) =>
            _awaited.TryGetValue(memoId, out var signal)
                ? signal
                : _awaited[memoId] = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private T MemoIdsLocked<T>(Func<T> read)
        {
            lock (_events)
                return read();
        }
    }
}
