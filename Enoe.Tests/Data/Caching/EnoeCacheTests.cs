using System.Net;
using System.Net.Sockets;
using Enoe.Data.Caching;
using Enoe.Data.Events;
using Enoe.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Enoe.Tests.Data.Caching;

/// <summary>
/// The cache itself, as two instances have it: one Redis as second level, one bus standing in for the one between
/// instances. A value is made once, an invalidation through one instance reaches the other, and Redis down leaves
/// reads to the factory.
/// </summary>
public sealed class EnoeCacheTests
{
    private static ServiceProvider Instance(IEventBus bus, IConnectionMultiplexer? redis, string prefix)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(bus).AddEnoeCache();
        if (redis is not null)
            services.AddSingleton(redis).AddEnoeCacheSecondLevel(prefix);
        return services.BuildServiceProvider();
    }

    private static InProcessEventBus NewBus() => new(NullLogger<InProcessEventBus>.Instance);

    /// <summary>A factory that counts its calls and answers what <see cref="Value"/> holds.</summary>
    private sealed class Source
    {
        private int _calls;
        public string Value { get; set; } = "v1";
        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<string> ReadAsync(CancellationToken _)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(Value);
        }
    }

    [Fact]
    public async Task AValue_IsMadeOnce_AndMadeAgainAfterItsTagIsInvalidated()
    {
        await using var provider = Instance(NewBus(), null, "");
        var cache = provider.GetRequiredService<EnoeCache>();
        var source = new Source();

        Assert.Equal("v1", await cache.GetOrCreateAsync("k", source.ReadAsync, ["t"]));
        Assert.Equal("v1", await cache.GetOrCreateAsync("k", source.ReadAsync, ["t"]));
        Assert.Equal(1, source.Calls);

        source.Value = "v2";
        await cache.InvalidateAsync("other");
        Assert.Equal("v1", await cache.GetOrCreateAsync("k", source.ReadAsync, ["t"]));
        await cache.InvalidateAsync("t");
        Assert.Equal("v2", await cache.GetOrCreateAsync("k", source.ReadAsync, ["t"]));
        Assert.Equal(2, source.Calls);
    }

    [Fact]
    public async Task AReadThatJoinsAMakingBegunBeforeAChange_GetsTheChangedValue()
    {
        await using var provider = Instance(NewBus(), null, "");
        var cache = provider.GetRequiredService<EnoeCache>();
        var (begun, release) = (new TaskCompletionSource(), new TaskCompletionSource());
        var value = "v1";
        async ValueTask<string> SlowReadAsync(CancellationToken _)
        {
            var read = value; // what the database holds when the read begins
            begun.TrySetResult();
            await release.Task;
            return read;
        }

        var first = cache.GetOrCreateAsync("k", SlowReadAsync, ["t"]).AsTask();
        await begun.Task;
        value = "v2";
        await cache.InvalidateAsync("t"); // committed while the first read runs
        var joined = cache.GetOrCreateAsync("k", SlowReadAsync, ["t"]).AsTask(); // one making, shared
        release.SetResult();

        Assert.Equal("v2", await joined);
        Assert.Equal("v2", await first);
        Assert.Equal("v2", await cache.GetOrCreateAsync("k", SlowReadAsync, ["t"]));
    }

    [Fact]
    public async Task AReadThatJoinsTheReadingAgainAfterAChange_SharesIt()
    {
        await using var provider = Instance(NewBus(), null, "");
        var cache = provider.GetRequiredService<EnoeCache>();
        var makings = new[] { Gate(), Gate() };
        var calls = 0;
        async ValueTask<string> SlowReadAsync(CancellationToken _)
        {
            var (begun, release) = makings[Math.Min(Interlocked.Increment(ref calls), 2) - 1];
            begun.TrySetResult();
            await release.Task;
            return "v" + Volatile.Read(ref calls);
        }

        var first = cache.GetOrCreateAsync("k", SlowReadAsync, ["t"]).AsTask();
        await makings[0].Begun.Task;
        await cache.InvalidateAsync("t"); // the first making may predate the change: its caller reads again
        makings[0].Release.SetResult();
        await makings[1].Begun.Task;
        // Joining that second making under another state type threw "the same key is being used for…" (CI).
        var joined = cache.GetOrCreateAsync("k", SlowReadAsync, ["t"]).AsTask();
        makings[1].Release.SetResult();

        Assert.Equal("v2", await first);
        Assert.Equal("v2", await joined);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task AMakingWhoseCallerLeft_StillStoresWhatFollowsAChangeThatCrossedIt()
    {
        await using var provider = Instance(NewBus(), null, "");
        var cache = provider.GetRequiredService<EnoeCache>();
        var (begun, release) = Gate();
        var value = "v1";
        async ValueTask<string> SlowReadAsync(CancellationToken _)
        {
            var read = value;
            begun.TrySetResult();
            await release.Task;
            return read;
        }

        using var leaving = new CancellationTokenSource();
        var first = cache.GetOrCreateAsync("k", SlowReadAsync, ["t"], leaving.Token).AsTask();
        await begun.Task;
        var joined = cache.GetOrCreateAsync("k", SlowReadAsync, ["t"]).AsTask(); // shares the first one's making
        value = "v2";
        await cache.InvalidateAsync("t"); // committed while the making reads
        leaving.Cancel(); // its caller goes (a tab closed): it was the one to notice the change
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();

        Assert.Equal("v2", await joined);
        Assert.Equal("v2", await cache.GetOrCreateAsync("k", _ => ValueTask.FromResult("read again"), ["t"]));
    }

    private static (TaskCompletionSource Begun, TaskCompletionSource Release) Gate() =>
        (
            new(TaskCreationOptions.RunContinuationsAsynchronously),
            new(TaskCreationOptions.RunContinuationsAsynchronously)
        );

    [Fact]
    public async Task WhatAFilledInRedis_BReadsWithoutItsFactory_AndAnInvalidationThroughA_ReachesBsMemory()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await RedisServer.ConfigurationAsync());
        var (bus, prefix) = (NewBus(), RedisServer.NewPrefix());
        await using var a = Instance(bus, redis, prefix);
        await using var b = Instance(bus, redis, prefix);
        var (onA, onB) = (new Source(), new Source());

        Assert.Equal("v1", await a.GetRequiredService<EnoeCache>().GetOrCreateAsync("k", onA.ReadAsync, ["t"]));
        await WrittenAsync(redis, prefix + "k");
        Assert.Equal("v1", await b.GetRequiredService<EnoeCache>().GetOrCreateAsync("k", onB.ReadAsync, ["t"]));
        Assert.Equal((1, 0), (onA.Calls, onB.Calls)); // B found it in Redis

        onB.Value = "v2";
        await a.GetRequiredService<EnoeCache>().InvalidateAsync("t");
        await bus.WhenIdleAsync(); // the bus between instances delivers after the call returns
        Assert.Equal("v2", await b.GetRequiredService<EnoeCache>().GetOrCreateAsync("k", onB.ReadAsync, ["t"]));
        Assert.Equal(1, onB.Calls);
    }

    [Fact]
    public async Task AnInvalidationReceived_IsNotAnnouncedAgain()
    {
        var bus = NewBus();
        await using var a = Instance(bus, null, "");
        await using var b = Instance(bus, null, "");
        _ = (a.GetRequiredService<EnoeCache>(), b.GetRequiredService<EnoeCache>()); // both listening
        var heard = 0;
        using var listening = bus.Subscribe<CacheInvalidated>(_ =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });

        await a.GetRequiredService<EnoeCache>().InvalidateAsync("t");
        await bus.WhenIdleAsync();

        Assert.Equal(1, heard);
    }

    [Fact]
    public async Task RedisDown_ReadsComeFromTheFactory_AndInvalidatingDoesNotFail()
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { new IPEndPoint(IPAddress.Loopback, ClosedPort()) },
            AbortOnConnectFail = false,
            ConnectTimeout = 200,
            SyncTimeout = 200,
            AsyncTimeout = 200,
        };
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        await using var provider = Instance(NewBus(), redis, RedisServer.NewPrefix());
        var cache = provider.GetRequiredService<EnoeCache>();
        var source = new Source();

        Assert.Equal("v1", await cache.GetOrCreateAsync("k", source.ReadAsync, ["t"]));
        source.Value = "v2";
        await cache.InvalidateAsync("t");
        Assert.Equal("v2", await cache.GetOrCreateAsync("k", source.ReadAsync, ["t"]));
    }

    /// <summary>
    /// Waits for the second level to hold <paramref name="key"/>: HybridCache writes it in the background once the
    /// value is returned.
    /// </summary>
    internal static async Task WrittenAsync(IConnectionMultiplexer redis, string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!await redis.GetDatabase().KeyExistsAsync(key))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{key} never reached Redis");
            await Task.Delay(10);
        }
    }

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
