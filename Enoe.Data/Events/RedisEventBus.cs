using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Enoe.Data.Events;

/// <summary>Where the event bus meets Redis.</summary>
public sealed class RedisEventBusOptions
{
    /// <summary>
    /// Starts the channel's name (<c>{Prefix}events</c>): instances of one deployment share it, two deployments on one
    /// Redis (or the tests) differ.
    /// </summary>
    public string Prefix { get; set; } = "enoe:";
}

/// <summary>
/// The event bus of several instances (<c>Enoe:Redis</c> set): an event is delivered to this instance's subscribers
/// at once, as in one process, and published on the Redis channel <c>{prefix}events</c>; every instance listens once
/// to that channel and delivers the others' events to its own subscribers. Redis being down costs only the other
/// instances' live updates (logged once per outage), never the publisher's call or this instance's delivery.
/// </summary>
public sealed class RedisEventBus : IEventBus, IDisposable
{
    private static readonly TimeSpan RetrySubscribe = TimeSpan.FromSeconds(5);

    private readonly InProcessEventBus _local;
    private readonly ISubscriber _redis;
    private readonly RedisChannel _channel;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Tells this instance's own messages apart when Redis hands them back.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private ChannelMessageQueue? _messages;

    /// <summary>1 while publishing to Redis fails: one warning per outage, not one per event.</summary>
    private int _failing;

    public RedisEventBus(
        InProcessEventBus local,
        IConnectionMultiplexer redis,
        IOptions<RedisEventBusOptions> options,
        ILogger<RedisEventBus> logger
    )
    {
        (_local, _logger) = (local, logger);
        _redis = redis.GetSubscriber();
        _channel = RedisChannel.Literal(options.Value.Prefix + "events");
        Subscribed = SubscribeAsync();
    }

    /// <summary>Completes once this instance listens to the channel (tests wait for it before publishing).</summary>
    internal Task Subscribed { get; }

    /// <remarks>
    /// Sent to Redis before this instance's own fan-out starts, and serialized once: a mémo's event carries each of its
    /// 2,000 recipients' counts, and written after the fan-out had begun it waited for the cores behind this
    /// instance's tabs (publishing took 2.3–106 ms, 16 on average over 46 mémos; 0.4–51, 2.8 on average, since), then
    /// the other instances' tabs waited for it.
    /// </remarks>
    public Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : notnull
    {
        if (EventTypes.IsKnown(typeof(TEvent)))
            try
            {
                _ = SendAsync(
                    JsonSerializer.SerializeToUtf8Bytes(
                        new Outgoing<TEvent>(typeof(TEvent).Name, _instance, @event),
                        JsonSerializerOptions.Web
                    )
                );
            }
            catch (Exception e) when (e is NotSupportedException or JsonException) // this instance's tabs still hear
            {
                _logger.LogError(e, "{Event} could not be written for the other instances", typeof(TEvent).Name);
            }
        else
            _logger.LogError("{Event} is missing from EventTypes: other instances never see it", typeof(TEvent).Name);
        return _local.PublishAsync(@event);
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler)
        where TEvent : notnull => _local.Subscribe(handler);

    /// <summary>This instance's delivery only: what is still on its way through Redis cannot be known here.</summary>
    public Task WhenIdleAsync() => _local.WhenIdleAsync();

    /// <summary>Not awaited by the publisher: Redis queues commands while it reconnects, for seconds.</summary>
    private async Task SendAsync(byte[] message)
    {
        try
        {
            await _redis.PublishAsync(_channel, message);
            Interlocked.Exchange(ref _failing, 0);
        }
        catch (Exception e)
        {
            if (Interlocked.Exchange(ref _failing, 1) == 0)
                _logger.LogWarning(e, "Redis refused an event: other instances miss live updates until it is back");
        }
    }

    private async Task SubscribeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                // A queue hands messages over one at a time, in the channel's order; Redis resubscribes it after a
                // reconnection.
                _messages = await _redis.SubscribeAsync(_channel);
                _messages.OnMessage(ReceiveAsync);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                _logger.LogWarning(e, "Could not listen to {Channel}: trying again", _channel.ToString());
                await Task.Delay(RetrySubscribe, _stopping.Token).ContinueWith(_ => { });
            }
        }
    }

    private async Task ReceiveAsync(ChannelMessage message)
    {
        try
        {
            if (Read(message.Message) is var (type, @event))
                await _local.DeliverAsync(type, @event);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "An event from {Channel} could not be delivered", _channel.ToString());
        }
    }

    /// <summary>
    /// Another instance's event, or null: this instance's own, unknown types, what is not an envelope.
    /// </summary>
    private (Type, object)? Read(RedisValue message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(
                ((ReadOnlyMemory<byte>)message).Span,
                JsonSerializerOptions.Web
            );
        }
        catch (JsonException)
        {
            _logger.LogWarning("Ignored a message on {Channel} that is not an event", _channel.ToString());
            return null;
        }
        if (envelope is null || envelope.Instance == _instance)
            return null;
        // Only the types ENOE declares: a name from the network never reaches Type.GetType.
        if (EventTypes.Find(envelope.Type ?? "") is not { } type)
        {
            _logger.LogWarning(
                "Ignored an event of unknown type {Type}",
                envelope.Type?[..Math.Min(100, envelope.Type.Length)]
            );
            return null;
        }
        return envelope.Payload.Deserialize(type, JsonSerializerOptions.Web) is { } @event ? (type, @event) : null;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _messages?.Unsubscribe();
        }
        catch (RedisException) { } // down: nothing to stop listening to
    }

    /// <summary>What travels on the channel: <c>{"type":"MemoSent","instance":"…","payload":{…}}</c>.</summary>
    private sealed record Envelope(string? Type, string? Instance, JsonElement Payload);

    /// <summary>An <see cref="Envelope"/> as written: the payload serialized once, straight into the message.</summary>
    private sealed record Outgoing<TEvent>(string Type, string Instance, TEvent Payload);
}
