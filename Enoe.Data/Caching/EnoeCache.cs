using System.Collections.Concurrent;
using Enoe.Data.Events;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Caching;

/// <summary>
/// Published when cached values tagged so changed: every instance drops its own copies (its first level, in memory).
/// The second level (Redis, shared) already knows: the instance that changed them told it.
/// </summary>
/// <param name="Origin">The cache that announced it, which has already forgotten and ignores its own.</param>
public sealed record CacheInvalidated(string[] Tags, string Origin);

/// <summary>
/// What many requests read and few change (an établissement's switches, the resources catalogue, the public site's
/// directory), kept in memory and, with several instances, in Redis as a second level. A change drops the values by tag
/// here at once, then tells the other instances through the event bus: a service switched off through one instance
/// is off on all within the bus's delay. Values expire after a minute anyway, in case an announcement was lost.
/// Cache only small immutable records (sealed, <c>[ImmutableObject(true)]</c> so the first level keeps the object
/// itself), never EF entities, and nothing about one person unless the key names them.
/// </summary>
public sealed class EnoeCache : IDisposable
{
    /// <summary>The safety net: how stale a value can be when an announcement of its change was lost.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = MaxAge,
        LocalCacheExpiration = MaxAge,
    };

    private readonly string _origin = Guid.NewGuid().ToString("N");
    private readonly HybridCache _cache;
    private readonly IEventBus _events;
    private readonly ILogger<EnoeCache> _logger;
    private readonly IDisposable _subscription;

    /// <summary>
    /// Bumped each time a tag is dropped here: a read whose factory ran across a change (it may have read the
    /// database before it) is dropped and read again rather than kept for a minute.
    /// </summary>
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    /// <summary>
    /// Per key, the generations of its tags when this instance last started making its value: a caller that joined
    /// that making (HybridCache shares one factory between concurrent reads) tells whether it began before a change.
    /// </summary>
    private readonly ConcurrentDictionary<string, long[]> _started = new(StringComparer.Ordinal);

    public EnoeCache(HybridCache cache, IEventBus events, ILogger<EnoeCache> logger)
    {
        _cache = cache;
        _events = events;
        _logger = logger;
        // A singleton: it listens as soon as anything on this instance may have cached a value.
        _subscription = events.Subscribe<CacheInvalidated>(e =>
            e.Origin == _origin ? Task.CompletedTask : ForgetLocallyAsync(e.Tags).AsTask()
        );
    }

    /// <summary>
    /// The value under <paramref name="key"/>, from memory, Redis or else <paramref name="factory"/>.
    /// </summary>
    public async ValueTask<T> GetOrCreateAsync<T>(
        string key,
        Func<CancellationToken, ValueTask<T>> factory,
        IReadOnlyCollection<string> tags,
        CancellationToken ct = default
    )
    {
        var before = Generations(tags);
        var making = new Making<T>(this, key, tags, factory);
        var value = await ReadAsync(key, making, ct);
        if (!making.Ran && _started.TryGetValue(key, out var started) && AnyOlder(started, before))
        {
            // Joined a making that began before a change this caller saw, or found a value that another instance
            // (Redis) made before it: read afresh, and keep that for the next readers (counted as made now).
            var fresh = await factory(ct);
            if (before.SequenceEqual(Generations(tags)))
            {
                await _cache.SetAsync(key, fresh, Entry, tags, ct);
                _started[key] = before;
            }
            return fresh;
        }
        // A read that only found a value and overlapped a change returns it, as if read just before: forgetting
        // here would drop what a concurrent read made after the change, and each such read would cascade into the
        // next (ServiceAccessCacheTests, CI 2026-12-02). A making reads again itself when a change crossed it.
        if (!making.Ran || making.Settled)
            return value;
        // Changed on every try (a burst of changes): drop what was stored and read once more.
        await ForgetLocallyAsync(tags);
        return await ReadAsync(key, new Making<T>(this, key, tags, factory), ct);
    }

    /// <summary>
    /// Every read of a key goes through here with the same state type: HybridCache refuses a read that joins one
    /// under another (it threw "the same key is being used for SchoolAccess and SchoolAccess", CI 2026-12-02).
    /// </summary>
    private ValueTask<T> ReadAsync<T>(string key, Making<T> making, CancellationToken ct) =>
        _cache.GetOrCreateAsync(key, making, static (m, c) => m.RunAsync(c), Entry, making.Tags, ct);

    /// <summary>
    /// Drops the values tagged so, here before returning (the caller's next read sees its change), then on the other
    /// instances through the bus. Call it once the change is committed.
    /// </summary>
    public async Task InvalidateAsync(params string[] tags)
    {
        await ForgetLocallyAsync(tags);
        try
        {
            await _events.PublishAsync(new CacheInvalidated(tags, _origin));
        }
        catch (Exception e)
        {
            // The change is committed: the other instances catch up within MaxAge rather than the writer failing.
            _logger.LogWarning(e, "Could not announce the invalidation of {Tags}", string.Join(", ", tags));
        }
    }

    /// <summary>
    /// Drops the values tagged so on this instance only (and marks them stale in Redis): for an announcement received
    /// from another instance, which must not be announced again.
    /// </summary>
    public async ValueTask ForgetLocallyAsync(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            _generations.AddOrUpdate(tag, 1, (_, g) => g + 1);
            try
            {
                await _cache.RemoveByTagAsync(tag);
            }
            catch (Exception e)
            {
                // Redis unreachable: the first level is dropped already (done before the second is written).
                _logger.LogWarning(e, "Could not mark {Tag} stale in the shared cache", tag);
            }
        }
    }

    /// <summary>
    /// One read's factory, as HybridCache runs it when this read is the one making the value (the readers that join
    /// it get the same). A change of its tags while the factory ran may have come after the database was read: it
    /// reads again then (three tries), so that what HybridCache stores, and every joiner gets, follows the change
    /// even when the caller that started it has gone (cancelled).
    /// </summary>
    private sealed class Making<T>(
        EnoeCache cache,
        string key,
        IReadOnlyCollection<string> tags,
        Func<CancellationToken, ValueTask<T>> factory
    )
    {
        public IReadOnlyCollection<string> Tags => tags;

        public bool Ran { get; private set; }

        /// <summary>Whether the value made was read with no change of its tags meanwhile.</summary>
        public bool Settled { get; private set; }

        public async ValueTask<T> RunAsync(CancellationToken ct)
        {
            Ran = true;
            for (var attempt = 1; ; attempt++)
            {
                var start = cache.Generations(tags);
                cache._started[key] = start;
                var value = await factory(ct);
                Settled = start.SequenceEqual(cache.Generations(tags));
                if (Settled || attempt == 3)
                    return value;
            }
        }
    }

    private static bool AnyOlder(long[] generations, long[] than)
    {
        for (var i = 0; i < generations.Length; i++)
            if (generations[i] < than[i])
                return true;
        return false;
    }

    private long[] Generations(IReadOnlyCollection<string> tags) =>
        [.. tags.Select(t => _generations.GetValueOrDefault(t))];

    public void Dispose() => _subscription.Dispose();
}
